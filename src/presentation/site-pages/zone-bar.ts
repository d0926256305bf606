import type { Zone } from '../../methodology/index.ts';

export const ZONES: readonly Zone[] = ['Green', 'Yellow', 'Red'];

/** One zone's part of a stacked bar, in percent of the bar's width. */
export interface ZoneSegment {
  zone: Zone;
  count: number;
  /** Share of the total, rounded to a whole percent for the text. */
  percent: number;
  x: number;
  width: number;
}

/** A stacked bar of zone counts with its text equivalent. */
export interface ZoneBar {
  total: number;
  segments: ZoneSegment[];
  /** "Green 310 (34%), Yellow 402 (44%), Red 212 (23%)". */
  text: string;
  /** "310 Green · 402 Yellow · 212 Red", for small bars. */
  shortText: string;
}

/** Splits zone counts into the segments of a 100-wide stacked bar, Green to Red, and describes them in words. */
export function buildZoneBar(counts: Readonly<Record<Zone, number>>): ZoneBar {
  const total = ZONES.reduce((sum, zone) => sum + counts[zone], 0);
  let x = 0;
  const segments = ZONES.map((zone) => {
    const width = total === 0 ? 0 : (counts[zone] / total) * 100;
    const segment = { zone, count: counts[zone], percent: total === 0 ? 0 : Math.round((counts[zone] / total) * 100), x: Math.round(x * 100) / 100, width: Math.round(width * 100) / 100 };
    x += width;
    return segment;
  });
  const text = total === 0 ? 'No assessments.' : segments.map((segment) => `${segment.zone} ${segment.count} (${segment.percent}%)`).join(', ');
  const shortText = segments.map((segment) => `${segment.count} ${segment.zone}`).join(' · ');
  return { total, segments, text, shortText };
}
