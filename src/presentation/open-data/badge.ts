import type { Zone } from '../../methodology/index.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { escapeXml } from '../escape.ts';
import type { AssessmentEntry } from '../../features/read-model/read-model.ts';
import { formatScore } from '../format.ts';

// Each zone's fill keeps white text above 4.5:1 (WCAG AA); yellow takes black text instead.
const ZONE_COLOURS: Record<Zone, { fill: string; text: string }> = {
  Green: { fill: '#1d6b45', text: '#ffffff' },
  Yellow: { fill: '#f0c661', text: '#1a1a1a' },
  Red: { fill: '#a3241c', text: '#ffffff' },
};
const LABEL_COLOURS = { fill: '#2b2b2b', text: '#ffffff' };
const LABEL = 'AI resistance';
// Verdana at 11 px averages about 7 px per character; the badge is sized from that, with padding.
const CHARACTER_WIDTH = 7;
const PADDING = 8;

/** The words a badge says, for its title and for readers of its alternative text. */
export function badgeDescription(entry: AssessmentEntry): string {
  return `jobzone AI Job Resistance Index for ${entry.title} (${seniorityLabel(entry.seniority)}): ${formatScore(entry.figures.score)} of 100, ${entry.figures.zone} zone (${entry.figures.subLabel})`;
}

/** Draws the badge of an assessment: the score and the zone in words on the zone's colour, titled for screen readers. */
export function buildBadgeSvg(entry: AssessmentEntry): string {
  const value = `${formatScore(entry.figures.score)} · ${entry.figures.zone} zone`;
  const colours = ZONE_COLOURS[entry.figures.zone];
  const labelWidth = LABEL.length * CHARACTER_WIDTH + 2 * PADDING;
  const valueWidth = [...value].length * CHARACTER_WIDTH + 2 * PADDING;
  const width = labelWidth + valueWidth;
  const title = escapeXml(badgeDescription(entry));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-labelledby="badge-title">`,
    `<title id="badge-title">${title}</title>`,
    `<rect width="${labelWidth}" height="20" rx="3" fill="${LABEL_COLOURS.fill}"/>`,
    `<rect x="${labelWidth}" width="${valueWidth}" height="20" rx="3" fill="${colours.fill}"/>`,
    `<rect x="${labelWidth}" width="4" height="20" fill="${colours.fill}"/>`,
    `<g font-family="Verdana,DejaVu Sans,Geneva,sans-serif" font-size="11" text-anchor="middle" aria-hidden="true">`,
    `<text x="${labelWidth / 2}" y="14" fill="${LABEL_COLOURS.text}">${escapeXml(LABEL)}</text>`,
    `<text x="${labelWidth + valueWidth / 2}" y="14" fill="${colours.text}" font-weight="bold">${escapeXml(value)}</text>`,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
