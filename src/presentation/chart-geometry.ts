import type { MethodologyDefinition, Zone } from '../methodology/index.ts';
import { formatScore } from './format.ts';

/**
 * Geometry of the page's charts. Positions are percentages of the chart width so the SVG can be
 * drawn at any width with percentage coordinates, keeping its text at reading size on a phone.
 */

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Picks the text anchor that keeps a label at this position inside the chart. */
export function anchorAt(x: number): 'start' | 'middle' | 'end' {
  if (x < 6) return 'start';
  if (x > 94) return 'end';
  return 'middle';
}

/** Returns where a value falls on a range, as a percentage of the width, clamped to the range. */
export function positionOnRange(value: number, min: number, max: number): number {
  if (max <= min) return 0;
  return round2(clampPercent(((value - min) / (max - min)) * 100));
}

export interface ZoneBandGeometry {
  zone: Zone;
  /** The headline word of the zone (PROTECTED, EXPOSED, AT RISK). */
  word: string;
  from: number;
  to: number;
  label: string;
}

export interface ScoreScaleGeometry {
  zones: ZoneBandGeometry[];
  ticks: { x: number; label: string }[];
  marker: { x: number; label: string };
  /** The uncertainty band, when one is drawn. */
  band: { from: number; to: number; label: string } | null;
  ariaLabel: string;
}

const ZONE_WORDS: Record<Zone, string> = { Red: 'Red, at risk', Yellow: 'Yellow, exposed', Green: 'Green, protected' };

/** Lays out the 0–100 scale with its zone bands, the role's marker and, optionally, the uncertainty band. */
export function buildScoreScale(
  input: { score: number; band?: { low: number; high: number } | undefined; name?: string | undefined },
  definition: MethodologyDefinition,
): ScoreScaleGeometry {
  const { min, max } = definition.ranges.score;
  const yellowFrom = Number(definition.zones.yellowFrom);
  const greenFrom = Number(definition.zones.greenFrom);
  const at = (value: number) => positionOnRange(value, min, max);
  const zones: ZoneBandGeometry[] = [
    { zone: 'Red', word: definition.zones.headline.Red, from: at(min), to: at(yellowFrom), label: `${ZONE_WORDS.Red}: below ${yellowFrom}` },
    { zone: 'Yellow', word: definition.zones.headline.Yellow, from: at(yellowFrom), to: at(greenFrom), label: `${ZONE_WORDS.Yellow}: ${yellowFrom} to under ${greenFrom}` },
    { zone: 'Green', word: definition.zones.headline.Green, from: at(greenFrom), to: at(max), label: `${ZONE_WORDS.Green}: ${greenFrom} and above` },
  ];
  const ticks = [min, yellowFrom, greenFrom, max].map((value) => ({ x: at(value), label: String(value) }));
  const band = input.band
    ? { from: at(Math.min(input.band.low, input.band.high)), to: at(Math.max(input.band.low, input.band.high)), label: `${formatScore(input.band.low)}–${formatScore(input.band.high)}` }
    : null;
  const who = input.name ? `${input.name}: ` : '';
  const bandText = input.band ? `, uncertainty band ${formatScore(input.band.low)} to ${formatScore(input.band.high)}` : '';
  return {
    zones,
    ticks,
    marker: { x: at(input.score), label: formatScore(input.score) },
    band,
    ariaLabel: `${who}score ${formatScore(input.score)} on a 0 to 100 scale${bandText}. Red below ${yellowFrom}, Yellow ${yellowFrom} to under ${greenFrom}, Green ${greenFrom} and above.`,
  };
}

export interface RangeBarGeometry {
  min: number;
  max: number;
  value: number;
  /** Where the bar starts: the range's zero when the range crosses zero, else its minimum. */
  origin: number;
  fill: { from: number; to: number };
  valueX: number;
  originX: number;
  diverging: boolean;
  direction: 'up' | 'down' | 'none';
}

/** Lays out one value on its range as a bar from the origin (zero for ranges that cross it). */
export function buildRangeBar(value: number, min: number, max: number): RangeBarGeometry {
  const diverging = min < 0 && max > 0;
  const origin = diverging ? 0 : min;
  const valueX = positionOnRange(value, min, max);
  const originX = positionOnRange(origin, min, max);
  return {
    min,
    max,
    value,
    origin,
    fill: { from: Math.min(valueX, originX), to: Math.max(valueX, originX) },
    valueX,
    originX,
    diverging,
    direction: value > origin ? 'up' : value < origin ? 'down' : 'none',
  };
}

export interface SplitSegment {
  key: 'displacement' | 'augmentation' | 'notInvolved';
  label: string;
  share: number;
  from: number;
  width: number;
}

const SPLIT_LABELS: Record<SplitSegment['key'], string> = { displacement: 'Displacement', augmentation: 'Augmentation', notInvolved: 'Not involved' };

/** Lays out the displacement / augmentation / not-involved split as one stacked bar, leaving out empty classes. */
export function buildSplitBar(split: { displacement: number; augmentation: number; notInvolved: number }): { segments: SplitSegment[]; ariaLabel: string } {
  const keys: SplitSegment['key'][] = ['displacement', 'augmentation', 'notInvolved'];
  const total = keys.reduce((sum, key) => sum + split[key], 0) || 1;
  const segments: SplitSegment[] = [];
  let from = 0;
  for (const key of keys) {
    const share = split[key];
    const width = round2((share / total) * 100);
    if (share > 0) segments.push({ key, label: SPLIT_LABELS[key], share, from: round2(from), width });
    from += width;
  }
  return {
    segments,
    ariaLabel: `Share of working time: ${keys.map((key) => `${SPLIT_LABELS[key].toLowerCase()} ${split[key]}%`).join(', ')}.`,
  };
}

export interface PercentileDot {
  key: string;
  label: string;
  x: number;
  percentileText: string;
}

/** Lays out published-index percentiles as dots on one 0–100 axis (right = more exposed). */
export function buildPercentileStrip(items: readonly { key: string; label: string; percentile: number; percentileText: string }[]): { dots: PercentileDot[]; ariaLabel: string } {
  return {
    dots: items.map((item) => ({ key: item.key, label: item.label, x: positionOnRange(item.percentile, 0, 100), percentileText: item.percentileText })),
    ariaLabel: `Percentile of this occupation on each published AI-exposure index, 0 least exposed to 100 most exposed: ${items.map((item) => `${item.label} ${item.percentileText}`).join('; ')}.`,
  };
}
