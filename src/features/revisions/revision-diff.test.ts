import { describe, expect, it } from 'vitest';
import { explainScore, methodologyOf, scoreAssessment, toScoreJson, type Assessment } from '../../methodology/index.ts';
import { diffRevisions } from './revision-diff.ts';
import { expertAssessment } from './test-support/publishing-fixture.ts';

const side = (revision: number, document: Assessment) => ({ revision, document, figures: toScoreJson(scoreAssessment(document, methodologyOf(document.methodology)), explainScore(document, methodologyOf(document.methodology))) });

describe('the diff between two revisions', () => {
  it('shows the score, zone and label before and after, and every scoring input that changed', () => {
    const before = expertAssessment();
    const after = expertAssessment({
      tasks: [
        { name: 'Care for patients on the ward', share: 50, score: 1, rationale: 'Hands-on care.' },
        { name: 'Triage with AI support', share: 50, score: 3, rationale: 'New task.' },
      ],
      evidence: { ...before.evidence, toolMaturity: { score: -2, text: 'Agents chart now.', sources: [] } },
      barriers: { ...before.barriers, union: { score: 0, rationale: 'Union lost its say.' } },
      growth: { score: 1, rationale: 'More demand.' },
      override: { score: 70, justification: 'Panel decision.' },
    });

    const diff = diffRevisions(side(3, before), side(4, after));

    expect(diff).toMatchObject({ from: 3, to: 4 });
    expect(diff.score.before).toBe(side(3, before).figures.score);
    expect(diff.score.after).toBe(70);
    expect(diff.score.delta).toBe(Math.round((70 - diff.score.before) * 10) / 10);
    expect(diff.inputs).toEqual([
      { kind: 'task', key: 'Care for patients on the ward', label: 'Task: Care for patients on the ward', change: 'changed', before: { score: 1, share: 60 }, after: { score: 1, share: 50 } },
      { kind: 'task', key: 'Triage with AI support', label: 'Task: Triage with AI support', change: 'added', before: null, after: { score: 3, share: 50 } },
      { kind: 'task', key: 'Chart observations', label: 'Task: Chart observations', change: 'removed', before: { score: 4, share: 40 }, after: null },
      { kind: 'growth', key: 'growth', label: 'AI Growth Correlation', change: 'changed', before: { score: 0 }, after: { score: 1 } },
      { kind: 'evidence', key: 'toolMaturity', label: 'AI Tool Maturity', change: 'changed', before: { score: -1 }, after: { score: -2 } },
      { kind: 'barrier', key: 'union', label: 'Union / Collective Bargaining', change: 'changed', before: { score: 1 }, after: { score: 0 } },
      { kind: 'override', key: 'override', label: 'Assessor override', change: 'added', before: null, after: { score: 70 } },
    ]);
  });

  it('lists text changes by field path side by side, tasks by name, leaving scores to the figures', () => {
    const before = expertAssessment({ verdict: 'Safe for now.' });
    const after = expertAssessment({
      verdict: 'Safe, with charting automated.',
      role: { aliases: ['Staff Nurse'] },
      evidence: { ...before.evidence, toolMaturity: { score: -2, text: 'Agents chart now.', sources: [] } },
    });

    const diff = diffRevisions(side(1, before), side(2, after));

    expect(diff.text).toEqual([
      { path: 'role.aliases[0]', before: null, after: 'Staff Nurse' },
      { path: 'verdict', before: 'Safe for now.', after: 'Safe, with charting automated.' },
      { path: 'evidence.toolMaturity.text', before: 'Evidence for a test.', after: 'Agents chart now.' },
    ]);
    expect(diff.zone.changed).toBe(false);
  });

  it('two identical revisions differ in nothing', () => {
    const document = expertAssessment();
    const diff = diffRevisions(side(1, document), side(2, document));
    expect(diff.inputs).toEqual([]);
    expect(diff.text).toEqual([]);
    expect(diff.score.delta).toBe(0);
  });
});
