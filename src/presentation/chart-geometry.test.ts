import { describe, expect, it } from 'vitest';
import { CURRENT_METHODOLOGY } from '../methodology/index.ts';
import { anchorAt, buildPercentileStrip, buildRangeBar, buildScoreScale, buildSplitBar, positionOnRange } from './chart-geometry.ts';

describe('the 0–100 score scale', () => {
  it('puts the marker at the score and labels it with one decimal', () => {
    const scale = buildScoreScale({ score: 64 }, CURRENT_METHODOLOGY);
    expect(scale.marker).toEqual({ x: 64, label: '64.0' });
    expect(scale.band).toBeNull();
  });

  it('draws the zone bands at the methodology thresholds, each named with its word', () => {
    const scale = buildScoreScale({ score: 10 }, CURRENT_METHODOLOGY);
    expect(scale.zones.map(({ zone, from, to }) => [zone, from, to])).toEqual([
      ['Red', 0, 25],
      ['Yellow', 25, 48],
      ['Green', 48, 100],
    ]);
    expect(scale.zones.map((zone) => zone.word)).toEqual(['AT RISK', 'EXPOSED', 'PROTECTED']);
    expect(scale.zones.map((zone) => zone.label)).toEqual(['Red, at risk: below 25', 'Yellow, exposed: 25 to under 48', 'Green, protected: 48 and above']);
    expect(scale.ticks.map((tick) => tick.label)).toEqual(['0', '25', '48', '100']);
  });

  it('spans the uncertainty band from its low to its high score', () => {
    const scale = buildScoreScale({ score: 64, band: { low: 59.2, high: 68.9 }, name: 'Multimodal AI Engineer' }, CURRENT_METHODOLOGY);
    expect(scale.band).toEqual({ from: 59.2, to: 68.9, label: '59.2–68.9' });
    expect(scale.ariaLabel).toContain('Multimodal AI Engineer: score 64.0 on a 0 to 100 scale, uncertainty band 59.2 to 68.9');
  });

  it('keeps marker and band inside the scale', () => {
    const scale = buildScoreScale({ score: 130, band: { low: -5, high: 120 } }, CURRENT_METHODOLOGY);
    expect(scale.marker.x).toBe(100);
    expect(scale.band).toMatchObject({ from: 0, to: 100 });
  });
});

describe('a value on its range', () => {
  it('fills task resistance from the bottom of its 1–5 range', () => {
    const bar = buildRangeBar(3.65, 1, 5);
    expect(bar).toMatchObject({ diverging: false, origin: 1, valueX: 66.25, fill: { from: 0, to: 66.25 }, direction: 'up' });
  });

  it('fills evidence from zero on its −10..+10 range, either way', () => {
    expect(buildRangeBar(8, -10, 10)).toMatchObject({ diverging: true, originX: 50, valueX: 90, fill: { from: 50, to: 90 }, direction: 'up' });
    expect(buildRangeBar(-4, -10, 10)).toMatchObject({ fill: { from: 30, to: 50 }, direction: 'down' });
    expect(buildRangeBar(0, -2, 2)).toMatchObject({ fill: { from: 50, to: 50 }, direction: 'none' });
  });

  it('clamps values outside the range', () => {
    expect(positionOnRange(12, 0, 10)).toBe(100);
    expect(positionOnRange(-1, 0, 10)).toBe(0);
    expect(positionOnRange(5, 3, 3)).toBe(0);
  });
});

describe('the work-impact split bar', () => {
  it('stacks displacement, augmentation and not involved, leaving out empty classes', () => {
    const bar = buildSplitBar({ displacement: 0, augmentation: 90, notInvolved: 10 });
    expect(bar.segments).toEqual([
      { key: 'augmentation', label: 'Augmentation', share: 90, from: 0, width: 90 },
      { key: 'notInvolved', label: 'Not involved', share: 10, from: 90, width: 10 },
    ]);
    expect(bar.ariaLabel).toBe('Share of working time: displacement 0%, augmentation 90%, not involved 10%.');
  });

  it('fills the whole width when rounded shares do not add up to 100', () => {
    const bar = buildSplitBar({ displacement: 33, augmentation: 33, notInvolved: 33 });
    const last = bar.segments.at(-1);
    expect(last && last.from + last.width).toBeCloseTo(100, 1);
  });
});

describe('the published-index percentile strip', () => {
  it('places each index at its percentile and says which way is more exposed', () => {
    const strip = buildPercentileStrip([
      { key: 'a', label: 'Index A (2023)', percentile: 56.2, percentileText: '56th' },
      { key: 'b', label: 'Index B (2013)', percentile: 9.7, percentileText: '10th' },
    ]);
    expect(strip.dots.map((dot) => dot.x)).toEqual([56.2, 9.7]);
    expect(strip.ariaLabel).toContain('0 least exposed to 100 most exposed: Index A (2023) 56th; Index B (2013) 10th');
  });
});

describe('chart labels', () => {
  it('anchor at the edges so they stay inside the chart', () => {
    expect([0, 3, 50, 97, 100].map(anchorAt)).toEqual(['start', 'start', 'middle', 'end', 'end']);
  });
});
