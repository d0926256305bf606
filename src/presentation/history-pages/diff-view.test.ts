import { describe, expect, it } from 'vitest';
import { buildDiffView, fieldLabel } from './diff-view.ts';
import { historyReadModel } from '../../features/history-pages/test-support/history-fixture.ts';
import { gatherAssessmentAt } from '../../features/read-model/assessment-at.ts';

const model = historyReadModel([
  {
    onetCode: '11-0000.00',
    title: 'Archivists',
    zone: 'Green',
    revisions: [
      { at: '2026-01-01', tasks: [{ name: 'Sort records', share: 60, score: 2 }, { name: 'Answer requests', share: 40, score: 1 }] },
      {
        at: '2026-02-01',
        note: 'Digitisation tools matured.',
        tasks: [{ name: 'Sort records', share: 50, score: 4 }, { name: 'Digitise collections', share: 50, score: 3 }],
        edit: (document) => {
          document.evidence.toolMaturity = { score: -1, text: 'Scanning and OCR pipelines are mature.', sources: [] };
        },
      },
    ],
  },
]);
const diff = (from: string | null, to: string | null) => buildDiffView(gatherAssessmentAt(model, 'archivists', 'all-levels'), { from, to });

describe('the diff between two revisions', () => {
  it('shows the headline figures side by side with their deltas', () => {
    const result = diff('1', '2');
    if (result.status !== 200) throw new Error(`expected a diff, got ${result.status}`);
    const score = result.view.figures.find((row) => row.label === 'AIJRI score')!;
    expect(score.changed).toBe(true);
    expect(score.deltaText).toMatch(/^−\d+\.\d$/);
    expect(result.view.figures.find((row) => row.label === 'Zone')).toMatchObject({ before: 'Green', after: 'Red', changed: true, deltaText: null });
    expect(result.view.to).toMatchObject({ number: 2, note: 'Digitisation tools matured.' });
  });

  it('lists added, removed and changed tasks and a changed evidence dimension', () => {
    const result = diff('1', '2');
    if (result.status !== 200) throw new Error('expected a diff');
    const tasks = result.view.inputGroups.find((group) => group.heading === 'Tasks')!.rows;
    expect(tasks).toEqual(
      expect.arrayContaining([
        { label: 'Sort records', change: 'changed', before: 'score 2, 60% of time', after: 'score 4, 50% of time' },
        { label: 'Digitise collections', change: 'added', before: '—', after: 'score 3, 50% of time' },
        { label: 'Answer requests', change: 'removed', before: 'score 1, 40% of time', after: '—' },
      ]),
    );
    expect(result.view.inputGroups.find((group) => group.heading === 'Evidence')?.rows).toEqual([{ label: expect.any(String), change: 'changed', before: 'score 0', after: 'score -1' }]);
    expect(result.view.text).toEqual(expect.arrayContaining([{ field: 'evidence.toolMaturity.text', before: 'No data.', after: 'Scanning and OCR pipelines are mature.' }]));
  });

  it('compares in either direction', () => {
    const result = diff('2', '1');
    expect(result.status === 200 && result.view.inputGroups[0]?.rows.find((row) => row.label === 'Answer requests')?.change).toBe('added');
  });

  it('answers missing, malformed, unknown and equal revision numbers with a 400 page that keeps the form', () => {
    const cases: [string | null, string | null, RegExp][] = [
      [null, null, /Choose two revisions/],
      ['1', '', /Choose two revisions/],
      ['one', '2', /whole numbers/],
      ['1', '2.5', /whole numbers/],
      ['1', '9', /no revision 9\. Its revisions are numbered 1 to 2/],
      ['2', '2', /compared with itself/],
    ];
    for (const [from, to, message] of cases) {
      const result = diff(from, to);
      expect(result.status, `${from} → ${to}`).toBe(400);
      if (result.status !== 400) continue;
      expect(result.view.message).toMatch(message);
      expect(result.view.picker.options.map((option) => option.value)).toEqual([2, 1]);
      expect(result.view.picker.action).toBe('/roles/archivists/all-levels/changes');
    }
  });

  it('is a 404 for an unknown role or level', () => {
    expect(buildDiffView(gatherAssessmentAt(model, 'nobody', 'all-levels'), { from: '1', to: '2' }).status).toBe(404);
    expect(buildDiffView(gatherAssessmentAt(model, 'archivists', 'senior'), { from: '1', to: '2' }).status).toBe(404);
  });

  it('names task fields by the task', () => {
    expect(fieldLabel('tasks["Sort records"].rationale')).toBe('Task “Sort records”: rationale');
    expect(fieldLabel('role.title')).toBe('role.title');
  });
});
