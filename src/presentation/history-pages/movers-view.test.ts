import { describe, expect, it } from 'vitest';
import { buildMoversView as buildView, MOVERS_LIMIT, parsePeriod } from './movers-view.ts';
import { gatherMoversInput } from '../../features/history-pages/movers-input.ts';
import type { ReadModel } from '../../features/read-model/read-model.ts';
import { historyReadModel, oneTask } from '../../features/history-pages/test-support/history-fixture.ts';

// Two tasks: the first at `share` percent with `score`, the other at the rest with `other`.
const mix = (score: number, share: number, other: number) => [{ name: 'Main work', share, score }, { name: 'Other work', share: 100 - share, score: other }];

const now = new Date('2026-04-01T09:00:00Z');
const noParams = { days: null, since: null, until: null };
const buildMoversView = (model: ReadModel, params: Parameters<typeof parsePeriod>[0], at: Date) => buildView(gatherMoversInput(model, parsePeriod(params, at)));

describe('the period of the movers page', () => {
  it('defaults to the last 30 days and accepts 7, 30, 90 and 365', () => {
    expect(parsePeriod(noParams, now)).toMatchObject({ days: 30, until: now, since: new Date('2026-03-02T09:00:00Z'), problem: null });
    expect(parsePeriod({ ...noParams, days: '365' }, now)).toMatchObject({ days: 365, text: 'the last 365 days' });
  });

  it('takes two dates, the end date included, and explains a period it cannot use', () => {
    const period = parsePeriod({ days: null, since: '2026-01-01', until: '2026-01-31' }, now);
    expect(period).toMatchObject({ days: null, since: new Date('2026-01-01T00:00:00Z'), until: new Date('2026-02-01T00:00:00Z'), problem: null });
    expect(parsePeriod({ ...noParams, days: '12' }, now)).toMatchObject({ days: 30, problem: expect.stringMatching(/7, 30, 90, 365/) });
    expect(parsePeriod({ days: null, since: '2026-02-30', until: null }, now).problem).toMatch(/YYYY-MM-DD/);
    expect(parsePeriod({ days: null, since: '2026-03-01', until: '2026-02-01' }, now).problem).toMatch(/before the end/);
    expect(parsePeriod({ days: null, since: '2026-03-01T14:20Z', until: null }, now)).toMatchObject({ since: new Date('2026-03-01T14:20:00Z'), until: now, problem: null });
  });
});

describe('the movers page', () => {
  it('lists every zone change however many large moves there are, and links each to its diff', () => {
    // 25 roles move by 10 points within the Red zone; two moves of 2.5 points cross a zone line.
    const steady = Array.from({ length: 25 }, (_, index) => ({
      onetCode: `21-${String(index).padStart(4, '0')}.00`,
      title: `Steady role ${String(index).padStart(2, '0')}`,
      zone: 'Red' as const,
      revisions: [{ at: '2026-01-01', tasks: mix(5, 90, 4) }, { at: '2026-03-20', tasks: mix(5, 10, 4) }],
    }));
    const crossing = [
      { onetCode: '31-0001.00', title: 'Crossing up', zone: 'Red' as const, revisions: [{ at: '2026-01-01', tasks: mix(4, 50, 3) }, { at: '2026-03-21', tasks: mix(4, 30, 3) }] },
      { onetCode: '31-0002.00', title: 'Crossing down', zone: 'Green' as const, revisions: [{ at: '2026-01-01', tasks: mix(2, 50, 1) }, { at: '2026-03-22', tasks: mix(2, 70, 1) }] },
    ];
    const model = historyReadModel([...steady, ...crossing]);
    const view = buildMoversView(model, noParams, now);
    expect(view.largest).toHaveLength(MOVERS_LIMIT);
    expect(view.zoneChanges.map((row) => row.name).sort()).toEqual(['Crossing down (All levels)', 'Crossing up (All levels)']);
    const up = view.zoneChanges.find((row) => row.name.startsWith('Crossing up'))!;
    expect(up).toMatchObject({ diffHref: '/roles/crossing-up/all-levels/changes?from=1&to=2', before: { zone: 'Red' }, after: { zone: 'Yellow' }, direction: 'up', deltaText: '+2.5' });
    expect(view.largest.some((row) => row.zoneChanged)).toBe(false);
    expect(view.countsText).toBe('27 assessments had a revision published in this period.');
  });

  it('shows nothing for a period without changes and ignores assessments first published in it', () => {
    const model = historyReadModel([{ onetCode: '41-0001.00', title: 'Newcomers', zone: 'Green', revisions: [{ at: '2026-03-20' }] }]);
    const view = buildMoversView(model, noParams, now);
    expect(view.largest).toEqual([]);
    expect(view.zoneChanges).toEqual([]);
    expect(view).toMatchObject({ publishedCount: 1, firstPublishedCount: 1, countsText: '1 assessment had a revision published in this period. It was first published in it and has nothing to move from.' });
    expect(view.feeds[0]).toEqual({ label: 'Every published change', href: '/feeds/all.atom' });
    expect(view.lastMove?.text).toBe('No score has moved since the catalog was first published on 20 March 2026: every assessment is still at the score it was published with.');
  });

  it('says what moved last and when for an empty period, and links the day it moved', () => {
    const model = historyReadModel([
      { onetCode: '41-0001.00', title: 'Bakers', zone: 'Green', revisions: [{ at: '2026-01-01' }, { at: '2026-01-15', tasks: oneTask(3) }] },
      { onetCode: '41-0002.00', title: 'Clerks', zone: 'Red', revisions: [{ at: '2026-01-01' }, { at: '2026-02-01', note: 'Wording only.' }] },
    ]);
    const view = buildMoversView(model, noParams, now);
    expect(view.largest).toEqual([]);
    expect(view.lede).toBe('Assessments change as AI changes. These are the largest score changes and every zone change over the last 30 days. No revision was published in this period.');
    expect(view.lastMove?.text).toMatch(/^Nothing moved in this period\. The last move was on 15 January 2026: Bakers \(All levels\) went from \d+\.\d to \d+\.\d \([+−]\d+\.\d\)\.$/);
    expect(view.lastMove?.href).toBe('/movers?since=2026-01-15&until=2026-01-15');
    expect(buildMoversView(model, { days: null, since: '2026-01-10', until: '2026-01-20' }, now).lastMove).toBeNull();
  });
});
