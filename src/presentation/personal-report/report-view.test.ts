import { beforeAll, describe, expect, it } from 'vitest';
import { unchangedInputs } from '../../features/personal-report/personal-inputs.ts';
import type { ReportSource } from '../../features/personal-report/report-source.ts';
import { buildReportSource } from '../../features/personal-report/report-source-builder.ts';
import { buildReportView, designControl } from './report-view.ts';
import { formatDelta } from '../format.ts';
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
  it('builds the view once for the page and the island’s server render (same objects), anew for other inputs', () => {
    const inputs = start();
    const problems: [] = [];
    const first = buildReportView(expert, inputs, problems);
    expect(buildReportView(expert, inputs, problems)).toBe(first);
    const equalButNew = buildReportView(expert, start(), problems);
    expect(equalButNew).not.toBe(first);
    expect(equalButNew).toEqual(first);
    expect(buildReportView(nurses, unchangedInputs('registered-nurses', 'all-levels')).title).toBe(nurses.title);
  });

  it('shows the role’s own score, its zone word and a PDF link with the same parameters', () => {
    const view = buildReportView(expert, { ...start(), context: ['union'] });
    expect(view.result).toMatchObject({ score: '66.7', zone: 'Green', headline: 'PROTECTED', label: 'Green (Accelerated)', roleScore: '64.0', delta: '+2.7' });
    expect(view.pdfHref).toBe('/report.pdf?role=multimodal-ai-engineer/mid-level&ctx=union');
    expect(view.reportHref).toBe('/report?role=multimodal-ai-engineer/mid-level&ctx=union');
    expect(view.result?.attribution).toEqual([{ label: 'My workplace is unionised', detail: 'Union / Collective Bargaining barrier from 0 to 2 of 2', delta: '+2.7', scoreAfter: '66.7' }]);
  });

  it('builds links that work without JavaScript: remove a task, try a suggested change', () => {
    const view = buildReportView(expert, start());
    expect(view.rows.find((row) => row.id === '6')).toMatchObject({ id: '6', share: '10', removeHref: '/report?role=multimodal-ai-engineer/mid-level&drop=6' });
    expect(view.result?.advice.find((line) => line.href)?.href).toBe('/report?role=multimodal-ai-engineer/mid-level&t=3:5,6:20');
    const dropped = buildReportView(expert, { ...start(), drop: [6] });
    expect(dropped.rows.find((row) => row.id === '6')).toMatchObject({ dropped: true, restoreHref: '/report?role=multimodal-ai-engineer/mid-level' });
  });

  it('keeps what the person typed and ties each problem to its field when the inputs are wrong', () => {
    const view = buildReportView(expert, { ...start(), shares: { '1': 15 } });
    expect(view.result).toBeNull();
    expect(view.rows.find((row) => row.id === '1')?.share).toBe('15');
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

  it('writes changes with a true minus sign, the way every other page does', () => {
    expect([formatDelta(2.3), formatDelta(-1), formatDelta(0)]).toEqual(['+2.3', '−1.0', '±0.0']);
  });
});

describe('the report for people', () => {
  it('lists the eight largest tasks first and the rest behind “More tasks”', () => {
    const view = buildReportView(nurses, unchangedInputs('registered-nurses', 'all-levels'));
    expect(view.visibleRows).toBe(8);
    expect(view.rows.length).toBeGreaterThan(8);
    const shares = view.rows.slice(0, 8).map((row) => Number(row.share));
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(Math.max(...view.rows.slice(8).map((row) => Number(row.share))));
    expect(view.rows[0]?.typicalShare).toMatch(/^\d+%$/);
  });

  it('writes advice about kinds of work in plain sentences, with no decimals of task time', () => {
    for (const view of [buildReportView(nurses, unchangedInputs('registered-nurses', 'all-levels')), buildReportView(expert, { ...start(), coarse: { '2': 'most' } })]) {
      const advice = view.result!.advice.map((line) => line.text);
      expect(advice[0]).toMatch(/^Spend more of your week on work AI is unlikely to take over, such as “/);
      for (const line of advice) {
        expect(line).not.toMatch(/\d+\.\d+ points|\d+\.\d+%|Move \d/);
        expect(line).not.toMatch(/\bpoints of your time\b/);
      }
      expect(advice.some((line) => /^Moving (half a day a week|a day a week|about \d+% of your week) from “.+” to “.+” would take your score to \d+\.\d \(\+\d+\.\d\)\.$/.test(line))).toBe(true);
    }
  });

  it('centres the applying ↔ designing control on no change, reaching as far as the smaller side allows', () => {
    expect(buildReportView(expert, start()).design).toEqual({ value: 0, limit: 45, enabled: true });
    expect(designControl({ min: -12, max: 60 }, 0)).toEqual({ value: 0, limit: 12, enabled: true });
    expect(designControl({ min: 0, max: 60 }, 0)).toEqual({ value: 0, limit: 0, enabled: false });
    expect(designControl({ min: -12, max: 60 }, 30)).toEqual({ value: 30, limit: 30, enabled: true });
  });

  it('says borderline instead of a zone when the range crosses a boundary', () => {
    const view = buildReportView(nurses, unchangedInputs('registered-nurses', 'all-levels'));
    const result = view.result!;
    expect(result.verdict).toBe(result.band.zoneStable ? `${result.zone} · ${result.headline}` : expect.stringMatching(/^Borderline (Red|Yellow|Green)\/(Red|Yellow|Green)$/));
    expect(result.scale.marker.label).toBe(result.score);
    expect(result.zoneMeaning).toContain('5–10 years');
  });
});
