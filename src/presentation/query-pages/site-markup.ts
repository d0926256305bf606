import type { Zone } from '../../methodology/index.ts';
import { escapeAttribute, escapeHtml } from '../escape.ts';
import type { CompositionBar } from '../site-pages/composition-bars.ts';

/**
 * Small pieces of markup shared by the query pages' renderers and the Astro components that wrap
 * them (StatusTag, ZoneChip, CompositionChart), so each is written in one place (ADR 0142). Their
 * styles are global (global.css): markup made here carries no Astro scoped-style class.
 */

/** The expert/baseline tag of a role. */
export function statusTag(status: 'expert' | 'baseline'): string {
  return `<span class="status status--${status}">${status === 'expert' ? 'Expert' : 'Baseline'}</span>`;
}

/** A zone chip: the colour and the word (or `label`, e.g. "Green (Accelerated)"). */
export function zoneChip(zone: Zone, label?: string): string {
  return `<span class="zone zone--${escapeAttribute(zone.toLowerCase())}">${escapeHtml(label ?? zone)}</span>`;
}

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 132;
const BAR_WIDTH = 110;

/** A composition profile: each dimension against its weight, with `title` as the chart's accessible name. */
export function compositionChart(bars: readonly CompositionBar[], title: string, summary: string): string {
  const width = LABEL_WIDTH + BAR_WIDTH + 58;
  const height = bars.length * ROW_HEIGHT;
  const name = escapeAttribute(`${title}: ${summary}`);
  const rows = bars.map(
    (bar, index) =>
      `<g transform="translate(0 ${index * ROW_HEIGHT})"><text x="0" y="15">${escapeHtml(bar.label)}</text>` +
      `<rect class="composition__track" x="${LABEL_WIDTH}" y="5" width="${BAR_WIDTH}" height="12" rx="1"></rect>` +
      `<rect class="composition__fill" x="${LABEL_WIDTH}" y="5" width="${(BAR_WIDTH * bar.fill) / 100}" height="12" rx="1"></rect>` +
      `<text x="${LABEL_WIDTH + BAR_WIDTH + 6}" y="15" class="composition__value">${escapeHtml(`${bar.value.toFixed(1)}/${bar.weight}`)}</text></g>`,
  );
  return (
    `<figure class="composition"><svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${name}"><title>${escapeHtml(`${title}: ${summary}`)}</title>` +
    `${rows.join('')}</svg><figcaption class="chart-text small">${escapeHtml(summary)}. A display of each dimension against its weight, not parts of the score.</figcaption></figure>`
  );
}
