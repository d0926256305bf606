import { beforeAll, describe, expect, it } from 'vitest';
import { unchangedInputs } from '../../features/personal-report/personal-inputs.ts';
import type { ReportSource } from '../../features/personal-report/report-source.ts';
import { buildReportSource } from '../../features/personal-report/report-source-builder.ts';
import { buildReportView, formatDelta } from './report-view.ts';
import { committedReadModel } from '../../features/personal-report/test-support/report-sources.ts';

let expert: ReportSource;
let nurses: ReportSource;

beforeAll(async () => {
  const model = await committedReadModel();
  expert = buildReportSource(model, 'multimodal-ai-engineer', 'mid-level')!;
  nurses = buildReportSource(model, 'registered-nurses', 'all-levels')!;
});

const start = () => unchangedInputs('multimodal-ai-engineer', 'mid-level');

describe('the report as the page, island and PDF show it', () => {
  it('shows the role’s own score, its zone word and a PDF link with the same parameters', () => {
    const view = buildReportView(expert, { ...start(), context: ['union'] });
    expect(view.result).toMatchObject({ score: '66.7', zone: 'Green', headline: 'PROTECTED', label: 'Green (Accelerated)', roleScore: '64.0', delta: '+2.7' });
    expect(view.pdfHref).toBe('/report.pdf?role=multimodal-ai-engineer/mid-level&ctx=union');
    expect(view.reportHref).toBe('/report?role=multimodal-ai-engineer/mid-level&ctx=union');
    expect(view.result?.attribution).toEqual([{ label: 'My workplace is unionised', detail: 'Union / Collective Bargaining barrier from 0 to 2 of 2', delta: '+2.7', scoreAfter: '66.7' }]);
  });

  it('builds links that work without JavaScript: remove a task, try a suggested change', () => {
    const view = buildReportView(expert, start());
    expect(view.rows[5]).toMatchObject({ id: '6', share: '10', removeHref: '/report?role=multimodal-ai-engineer/mid-level&drop=6' });
    expect(view.result?.suggestions[0]?.href).toBe('/report?role=multimodal-ai-engineer/mid-level&t=3:5,6:20');
    const dropped = buildReportView(expert, { ...start(), drop: [6] });
    expect(dropped.rows[5]).toMatchObject({ dropped: true, restoreHref: '/report?role=multimodal-ai-engineer/mid-level' });
  });

  it('keeps what the person typed and ties each problem to its field when the inputs are wrong', () => {
    const view = buildReportView(expert, { ...start(), shares: { '1': 15 } });
    expect(view.result).toBeNull();
    expect(view.rows[0]?.share).toBe('15');
    expect(view.totalShare).toBe('95');
    expect(view.totalOk).toBe(false);
    expect(view.problems).toEqual([{ field: 'shares', message: 'Your time adds up to 95%; it must add up to exactly 100% (5 points missing).' }]);
  });

  it('says plainly when the role rests on an unreviewed baseline and has no written strategy', () => {
    const view = buildReportView(nurses, unchangedInputs('registered-nurses', 'all-levels'));
    expect(view.caveats.some((caveat) => caveat.includes('data-derived baseline that no assessor has reviewed'))).toBe(true);
    expect(view.caveats[0]).toMatch(/structured judgement, not a forecast/);
    expect(view.addGroups.length).toBeGreaterThan(0);
  });

  it('writes changes with a true minus sign', () => {
    expect([formatDelta(2.3), formatDelta(-1), formatDelta(0)]).toEqual(['+2.3', '−1.0', '0.0']);
  });
});
