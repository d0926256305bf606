import type { IndexValue, OccupationRecord } from '../catalog-records.ts';
import { mean } from '../build/percentiles.ts';
import { findBlsLine } from '../build/occupation-records.ts';
import { compareText } from '../build/slugs.ts';
import { anthropicTaskKey } from '../sources/exposure-files.ts';
import type { BlsData } from '../sources/bls-files.ts';
import type { Element2020 } from '../sources/onet-files.ts';
import type { SourceData } from '../sources/source-data.ts';

/** One figure about an occupation, with where it came from. */
export interface Signal {
  value: number;
  source: string;
  detail: string;
  crosswalked: boolean;
}

/** Everything the baseline reads about one occupation besides its tasks. */
export interface OccupationSignals {
  physicalActivity: Signal | null;
  strongestPhysical: Signal | null;
  assistingAndCaring: Signal | null;
  interpersonal: Signal | null;
  guidingSubordinates: Signal | null;
  /** Work context: how physically close to other people the work is done (2020, crosswalked). */
  physicalProximity: Signal | null;
  /** Work context: how often the work exposes the worker to disease or infection (2020, crosswalked). */
  exposedToDisease: Signal | null;
  /** Work activity: operating vehicles, mechanized devices or equipment (2020, crosswalked). */
  operatingVehicles: Signal | null;
  /** Frey & Osborne (2013) probability of computerisation, or null where the index does not cover the occupation. */
  freyOsborne: number | null;
  /** Whether a row of the physical-automation table applies: then robots or autonomous vehicles are in the scope of "AI" for this occupation. */
  physicalAutomationInScope: boolean;
  /** SOC major group, e.g. "29", the peer group for wages. */
  majorGroup: string;
  jobZone: number | null;
  projectedChange: number | null;
  wageChange: WageChange | null;
  indices: IndexValue[];
}

/** An occupation's wage change May 2021 → May 2024 and the BLS series (SOC line) it was read from. */
export interface WageChange {
  percent: number;
  from: number;
  to: number;
  /** The median, or the mean where BLS top-codes or withholds the median in either vintage (the mean is published uncapped). */
  statistic: 'median' | 'mean';
  /** The BLS line both figures come from; occupations sharing a line share one wage series. */
  series: string;
  /** The mean's May 2021 level and change as well, where the median was used: what a change read in means is compared with. */
  meanFrom: number | null;
  meanPercent: number | null;
}

const percentChange = (from: number, to: number) => Math.round((to / from - 1) * 1000) / 10;

/** Reads the wage change of an occupation from the two OEWS vintages: the median where both are published, else the mean. */
export function wageChangeOf(bls: Pick<BlsData, 'oews2021' | 'oews2024'>, socCode: string): WageChange | null {
  const then = findBlsLine(bls.oews2021, socCode);
  const now = findBlsLine(bls.oews2024, socCode);
  if (!then || !now) return null;
  const series = now.code;
  const [medianThen, medianNow] = [then.line.medianWage, now.line.medianWage];
  const [meanThen, meanNow] = [then.line.meanWage, now.line.meanWage];
  const meanPercent = meanThen !== null && meanNow !== null && meanThen > 0 ? percentChange(meanThen, meanNow) : null;
  if (medianThen && medianNow && !medianThen.topCoded && !medianNow.topCoded && medianThen.value > 0) {
    return { percent: percentChange(medianThen.value, medianNow.value), from: medianThen.value, to: medianNow.value, statistic: 'median', series, meanFrom: meanThen, meanPercent };
  }
  if (meanThen === null || meanNow === null || meanPercent === null) return null;
  return { percent: meanPercent, from: meanThen, to: meanNow, statistic: 'mean', series, meanFrom: meanThen, meanPercent };
}

const ONLINE_2023 = 'O*NET OnLine 2023';
const ONLINE_2020 = 'O*NET OnLine 2020';

/** Looks up online-2020 values (O*NET-SOC 2010 codes) for a 2019 code through the crosswalk, averaging where several 2010 codes merged. */
export function makeElement2020Lookup(data: SourceData) {
  const fromCodes = new Map<string, string[]>();
  for (const { from, to } of data.onet.onet2010To2019) fromCodes.set(to, [...new Set([...(fromCodes.get(to) ?? []), from])].sort(compareText));
  return (key: Element2020, code: string, label: string): Signal | null => {
    const codes = (fromCodes.get(code) ?? []).filter((from) => data.onet.elements2020[key].has(from));
    if (codes.length === 0) return null;
    const value = Math.round(mean(codes.map((from) => data.onet.elements2020[key].get(from) as number)));
    const carried = codes.length > 1 || codes[0] !== code;
    return {
      value,
      source: `${ONLINE_2020}: ${label}`,
      detail: `O*NET-SOC 2010 ${codes.join(', ')}, crosswalked${carried ? ' (code changed)' : ''}`,
      crosswalked: true,
    };
  };
}

/** Gathers the signals of one occupation from the source data and its occupation record. */
export function gatherSignals(data: SourceData, record: OccupationRecord, element2020: ReturnType<typeof makeElement2020Lookup>): OccupationSignals {
  const code = record.onetCode;
  const activities = data.onet.activities2023;
  const physicalCandidates: Signal[] = [];
  const activity2023 = (values: ReadonlyMap<string, number>, label: string): Signal | null => {
    const value = values.get(code);
    return value === undefined ? null : { value, source: `${ONLINE_2023}: ${label}`, detail: `importance ${value}`, crosswalked: false };
  };
  const general = activity2023(activities['performing-general-physical-activities'], 'Performing General Physical Activities');
  const handling = activity2023(activities['handling-and-moving-objects'], 'Handling and Moving Objects');
  const machines = activity2023(activities['controlling-machines-and-processes'], 'Controlling Machines and Processes');
  for (const signal of [general, handling]) if (signal) physicalCandidates.push(signal);
  if (physicalCandidates.length === 0) {
    const fallback = element2020('handling-and-moving-objects', code, 'Handling and Moving Objects');
    if (fallback) physicalCandidates.push(fallback);
  }
  const strongest = (signals: Signal[]) => signals.reduce<Signal | null>((best, signal) => (best === null || signal.value > best.value ? signal : best), null);
  const physicalActivity = strongest(physicalCandidates);
  const strongestPhysical = strongest([...physicalCandidates, ...(machines ? [machines] : [])]);

  // Deep interpersonal connection reads caring alone: building working relationships and coaching staff are rated
  // high for nearly every office role, so averaging them in made clerical and managerial work look relational (ADR 0091).
  const caring = element2020('assisting-and-caring-for-others', code, 'Assisting and Caring for Others');

  return {
    physicalActivity,
    strongestPhysical,
    assistingAndCaring: caring,
    interpersonal: caring,
    guidingSubordinates: element2020('guiding-directing-and-motivating-subordinates', code, 'Guiding, Directing, and Motivating Subordinates'),
    physicalProximity: element2020('physical-proximity', code, 'Physical Proximity (work context)'),
    exposedToDisease: element2020('exposed-to-disease-or-infections', code, 'Exposed to Disease or Infections (work context)'),
    operatingVehicles: element2020('operating-vehicles-mechanized-devices-or-equipment', code, 'Operating Vehicles, Mechanized Devices, or Equipment'),
    freyOsborne: record.indices.find((value) => value.index === 'frey-osborne-2013')?.value ?? null,
    physicalAutomationInScope: false,
    majorGroup: code.slice(0, 2),
    jobZone: record.jobZone,
    projectedChange: record.projectedChangePercent?.value ?? null,
    wageChange: wageChangeOf(data.bls, record.socCode),
    indices: record.indices,
  };
}

/** How Claude users use an occupation's tasks (Anthropic Economic Index), as shares of its working time. */
export interface ToolUse {
  /** Tasks whose text matched the index. */
  matchedTasks: number;
  /** Working time (percent) in tasks with classified conversations: how much of the work the split below speaks for. */
  classifiedShare: number;
  /**
   * Of the classified use, the part (percent, time-weighted) that hands the task over (directive, feedback loop) rather
   * than working with the user (iteration, validation, learning): displacement against augmentation, whatever the exposure.
   */
  handOverPercent: number | null;
}

/** Measures how Claude users split an occupation's observed tasks between handing them over and working on them together. */
export function measureToolUse(data: SourceData, tasks: readonly { name: string; share: number }[], taskTexts: readonly string[]): ToolUse {
  let matchedTasks = 0;
  let classifiedShare = 0;
  let handOverShare = 0;
  tasks.forEach((task, index) => {
    const usage = data.exposure.anthropic.get(anthropicTaskKey(taskTexts[index] ?? task.name));
    if (!usage) return;
    matchedTasks += 1;
    const classified = usage.automation + usage.augmentation;
    if (classified <= 0) return;
    classifiedShare += task.share;
    handOverShare += task.share * (usage.automation / classified);
  });
  return {
    matchedTasks,
    classifiedShare: Math.round(classifiedShare * 10) / 10,
    handOverPercent: classifiedShare > 0 ? Math.round((1000 * handOverShare) / classifiedShare) / 10 : null,
  };
}
