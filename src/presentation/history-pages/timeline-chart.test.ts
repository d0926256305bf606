import { describe, expect, it } from 'vitest';
import { CURRENT_METHODOLOGY } from '../../methodology/index.ts';
import { buildTimelineChart } from './timeline-chart.ts';

const at = (day: string) => new Date(`${day}T12:00:00Z`);

describe('the score timeline', () => {
  it('draws one point per revision in order, higher scores higher up, inside the plot', () => {
    const chart = buildTimelineChart([
      { revision: 1, publishedAt: at('2026-01-01'), score: 20, zone: 'Red' },
      { revision: 2, publishedAt: at('2026-02-01'), score: 60, zone: 'Green' },
      { revision: 3, publishedAt: at('2026-03-01'), score: 40, zone: 'Yellow' },
    ], {}, CURRENT_METHODOLOGY);
    expect(chart.points.map((point) => point.revision)).toEqual([1, 2, 3]);
    const [first, second, third] = chart.points;
    expect(first!.x).toBeLessThan(second!.x);
    expect(second!.x).toBeLessThan(third!.x);
    expect(second!.y).toBeLessThan(third!.y);
    expect(third!.y).toBeLessThan(first!.y);
    expect(chart.points.every((point) => point.y >= chart.plot.top && point.y <= chart.plot.bottom && point.x >= chart.plot.left && point.x <= chart.plot.right)).toBe(true);
    expect(chart.segments).toHaveLength(2);
    expect(chart.ariaLabel).toBe('Score timeline: 3 revisions, from 20.0 (Red) on 1 January 2026 to 40.0 (Yellow) on 1 March 2026.');
  });

  it('puts the zone bands at the methodology’s thresholds', () => {
    const chart = buildTimelineChart([{ revision: 1, publishedAt: at('2026-01-01'), score: 50, zone: 'Green' }], {}, CURRENT_METHODOLOGY);
    const yellow = chart.bands.find((band) => band.zone === 'Yellow')!;
    const green = chart.bands.find((band) => band.zone === 'Green')!;
    expect(green.y + green.height).toBeCloseTo(yellow.y);
    expect(chart.ticks.map((tick) => tick.label)).toEqual(['0', '25', '48', '100']);
    expect(chart.points[0]!.x).toBe(53);
    expect(chart.dates).toEqual([{ x: 53, text: '1 Jan 2026', anchor: 'middle' }]);
  });

  it('labels only the ends and zone changes of a long history', () => {
    const revisions = Array.from({ length: 14 }, (_, index) => ({ revision: index + 1, publishedAt: at(`2026-01-${String(index + 1).padStart(2, '0')}`), score: index === 7 ? 50 : 30, zone: index === 7 ? ('Green' as const) : ('Yellow' as const) }));
    const labelled = buildTimelineChart(revisions, {}, CURRENT_METHODOLOGY).points.filter((point) => point.showLabel).map((point) => point.revision);
    expect(labelled).toEqual([1, 8, 9, 14]);
  });
});
