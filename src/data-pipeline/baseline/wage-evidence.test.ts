import { describe, expect, it } from 'vitest';
import type { OewsLine } from '../sources/bls-files.ts';
import { deriveEvidence, wageLean } from './baseline-factors.ts';
import { collectWagePeers, wagePeerGroup } from './derive-baseline.ts';
import { wageChangeOf, type OccupationSignals, type WageChange } from './occupation-signals.ts';

const line = (soc: string, median: number | 'top', mean: number | null): OewsLine => ({
  soc,
  title: soc,
  group: 'detailed',
  employment: 1000,
  medianWage: median === 'top' ? { value: 239_200, topCoded: true } : { value: median, topCoded: false },
  meanWage: mean,
});
const oews = (...lines: OewsLine[]) => new Map(lines.map((item) => [item.soc, item]));

const signals = (wageChange: WageChange | null): OccupationSignals => ({
  physicalActivity: null,
  strongestPhysical: null,
  assistingAndCaring: null,
  interpersonal: null,
  guidingSubordinates: null,
  jobZone: 5,
  projectedChange: null,
  wageChange,
  indices: [],
  physicalProximity: null,
  exposedToDisease: null,
  operatingVehicles: null,
  freyOsborne: null,
  physicalAutomationInScope: false,
  majorGroup: '29',
});
const NO_USE = { matchedTasks: 0, classifiedShare: 0, handOverPercent: null };

describe('wage change read from OEWS', () => {
  it('uses the median where both vintages publish it', () => {
    const change = wageChangeOf({ oews2021: oews(line('29-1141', 77_600, 82_750)), oews2024: oews(line('29-1141', 93_600, 98_430)) }, '29-1141');
    expect(change).toEqual({ percent: 20.6, from: 77_600, to: 93_600, statistic: 'median', series: '29-1141', meanFrom: 82_750, meanPercent: 18.9 });
  });

  it('reads the uncapped mean where BLS top-codes the median in either vintage, rather than counting it as missing', () => {
    const change = wageChangeOf({ oews2021: oews(line('29-1215', 'top', 235_930)), oews2024: oews(line('29-1215', 238_380, 256_830)) }, '29-1215');
    expect(change).toMatchObject({ percent: 8.9, statistic: 'mean', from: 235_930, to: 256_830 });
  });

  it('has no change where neither the median nor the mean is usable in a vintage', () => {
    expect(wageChangeOf({ oews2021: oews(line('27-2011', 'top', null)), oews2024: oews(line('27-2011', 'top', 100_000)) }, '27-2011')).toBeNull();
    expect(wageChangeOf({ oews2021: oews(), oews2024: oews(line('27-2011', 50_000, 60_000)) }, '27-2011')).toBeNull();
  });
});

describe('wage peers', () => {
  const wage = (series: string, from: number, percent: number, statistic: 'median' | 'mean' = 'median'): WageChange => ({
    percent,
    from,
    to: 1,
    statistic,
    series,
    meanFrom: from * 1.1,
    meanPercent: percent + 1,
  });
  // Five O*NET nursing occupations share one BLS line; the other series of the major group are paid from $30,000 to $200,000.
  const occupations = [
    ...['29-1141.00', '29-1141.01', '29-1141.02', '29-1141.03', '29-1141.04'].map((onetCode) => ({ onetCode, wage: wage('29-1141', 77_600, 20) })),
    ...[30, 35, 40, 45, 50, 60, 70, 75, 80, 85, 90, 100, 120, 150, 200].map((thousands, index) => ({
      onetCode: `29-2${String(index).padStart(3, '0')}.00`,
      wage: wage(`29-2${String(index).padStart(3, '0')}`, thousands * 1000, 30 - thousands / 10),
    })),
    { onetCode: '29-1215.00', wage: wage('29-1215', 235_930, 9, 'mean') },
    { onetCode: '41-1011.00', wage: wage('41-1011', 50_000, 12) },
  ];
  const peers = collectWagePeers(occupations);

  it('are the eight series of the major group paid most like the occupation in May 2021, each counted once, never its own', () => {
    // Nearest to $77,600 in log pay: 80, 75, 85, 70, 90, 100, 60 and 120 thousand; their changes (30 − thousands/10)
    // have the median 21.75. The nurses' line itself (20%), on five occupations, is not among them.
    expect(wagePeerGroup(peers, '29-1141.00', wage('29-1141', 77_600, 20))).toEqual({
      change: 21.8,
      group: 'the 8 occupations of the SOC major group 29-0000 paid most like it in May 2021 (median $60,000–$120,000)',
    });
  });

  it('compare a change read in means with the means of the series paid most like it, leaving top-coded series out', () => {
    const found = wagePeerGroup(peers, '29-1215.00', wage('29-1215', 235_930, 9, 'mean'));
    // Means are 1.1 × the medians: the nearest eight to $235,930 are the means $85,360 (nurses) to $220,000, whose mean
    // changes are 11, 16, 19, 21, 21, 22, 22.5 and 23. The physicians' own top-coded series is no peer.
    expect(found).toEqual({ change: 21, group: 'the 8 occupations of the SOC major group 29-0000 paid most like it in May 2021 (mean $85,360–$220,000)' });
  });

  it('give way to the catalog where the major group holds fewer than five other series, and to nothing where the catalog has none', () => {
    expect(wagePeerGroup(peers, '41-2031.00', wage('41-2031', 50_000, 10))).toEqual({ change: 24.5, group: 'the 8 occupations of the catalog paid most like it in May 2021 (median $35,000–$75,000)' });
    expect(wagePeerGroup(new Map(), '29-1141.00', wage('29-1141', 77_600, 20))).toBeNull();
  });
});

describe('wage trends evidence', () => {
  it('leans one point only where the change is ten or more points out of line with the peers, never two', () => {
    expect([-25, -10, -9.9, 0, 9.9, 10, 42].map(wageLean)).toEqual([-1, -1, 0, 0, 0, 1, 1]);
  });

  it('says which statistic and peer group it read, with confidence low for a change read in means', () => {
    const peers = { change: 9.3, group: 'SOC major group 29-0000, job zone 4' };
    const median = deriveEvidence(signals({ percent: 20.6, from: 77_600, to: 93_600, statistic: 'median', series: '29-1141', meanFrom: 82_750, meanPercent: 18.9 }), NO_USE, peers).wages;
    expect(median).toMatchObject({ score: 1, provenance: { basis: 'data', confidence: 'medium' } });
    expect(median.text).toContain("Median wage +20.6% 2021→2024, +11.3 points against its peers' median change (+9.3%), SOC major group 29-0000, job zone 4: ahead of its peers");
    const mean = deriveEvidence(signals({ percent: 8.9, from: 235_930, to: 256_830, statistic: 'mean', series: '29-1215', meanFrom: 235_930, meanPercent: 8.9 }), NO_USE, { change: 13, group: 'x, in mean wages' }).wages;
    expect(mean).toMatchObject({ score: 0, provenance: { basis: 'data', confidence: 'low' } });
    expect(mean.text).toContain('Mean wage (BLS top-codes the median) +8.9%');
  });

  it('is a named default where there is no change or no peer group to read it against', () => {
    expect(deriveEvidence(signals(null), NO_USE, null).wages).toMatchObject({ score: 0, provenance: { basis: 'default' } });
    const change: WageChange = { percent: 5, from: 1, to: 1, statistic: 'median', series: '29-1141', meanFrom: 1, meanPercent: 5 };
    expect(deriveEvidence(signals(change), NO_USE, null).wages.provenance).toMatchObject({ basis: 'default', detail: 'fewer than five other BLS wage series to compare with' });
  });
});
