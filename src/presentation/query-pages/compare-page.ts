import { escapeAttribute, escapeHtml } from '../escape.ts';
import type { CompareColumn, CompareView } from '../site-pages/compare-view.ts';
import { COMPARE_MAX, COMPARE_MIN } from '../site-pages/compare-view.ts';
import type { CompositionBar } from '../site-pages/composition-bars.ts';
import { islandWriter, type IslandRenderer } from './island-slot.ts';
import { renderDocument, type RenderedPage } from './page-document.ts';
import { scopeOf, type RouteShell } from './route-shell.ts';

/** The scoped-style classes the compare page needs, found in Astro's rendering of a comparison of two roles. */
export const COMPARE_SCOPE_ANCHORS: Readonly<Record<string, RegExp>> = {
  page: /<p class="kicker (astro-[a-z0-9]+)">/,
  status: /<span class="status status--(?:expert|baseline) (astro-[a-z0-9]+)">/,
  composition: /<figure class="composition (astro-[a-z0-9]+)">/,
};

const text = escapeHtml;
const attr = escapeAttribute;

/** CompositionChart.astro. */
function compositionChart(bars: readonly CompositionBar[], title: string, summary: string, c: string): string {
  const rowHeight = 22;
  const labelWidth = 132;
  const barWidth = 110;
  const width = labelWidth + barWidth + 58;
  const height = bars.length * rowHeight;
  const name = `${title}: ${summary}`;
  const rows = bars.map(
    (bar, index) =>
      `<g transform="translate(0 ${index * rowHeight})" class="${c}"><text x="0" y="15" class="${c}">${text(bar.label)}</text>` +
      `<rect class="composition__track ${c}" x="${labelWidth}" y="5" width="${barWidth}" height="12" rx="1"></rect>` +
      `<rect class="composition__fill ${c}" x="${labelWidth}" y="5" width="${(barWidth * bar.fill) / 100}" height="12" rx="1"></rect>` +
      `<text x="${labelWidth + barWidth + 6}" y="15" class="composition__value ${c}">${text(`${bar.value.toFixed(1)}/${bar.weight}`)}</text></g>`,
  );
  return (
    `<figure class="composition ${c}"><svg class="chart ${c}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${attr(name)}"><title>${text(name)}</title>` +
    `${rows.join('')}</svg><figcaption class="chart-text small ${c}">${text(summary)}. A display of each dimension against its weight, not parts of the score.</figcaption></figure>`
  );
}

function scaleSection(view: CompareView, p: string): string {
  const label = `Scores on a 0 to 100 scale: ${view.columns.map((column) => `${column.summary.title} ${column.summary.scoreText}, range ${column.rangeText}, ${column.summary.plainLine}`).join('; ')}`;
  const zones = (column: CompareColumn) =>
    view.scaleZones.map((zone) => `<span class="cscale__zone cscale__zone--${attr(zone.zone.toLowerCase())} ${p}" style="left:${zone.from}%;width:${zone.to - zone.from}%"></span>`).join('') +
    `<span class="cscale__band ${p}" style="left:${column.scale.from}%;width:${Math.max(column.scale.to - column.scale.from, 0.6)}%"></span><span class="cscale__dot ${p}" style="left:${column.scale.score}%"></span>`;
  const rows = view.columns.map(
    (column) =>
      `<div class="cscale__row ${p}"><span class="cscale__name ${p}">${text(column.summary.title)}<span class="cscale__brief ${p}"><span class="cscale__range figure ${p}">range ${text(column.rangeText)}</span> · <span class="cscale__plain ${p}">${text(column.summary.plainLine)}</span></span></span>` +
      `<span class="cscale__track ${p}">${zones(column)}</span><span class="cscale__value figure ${p}">${text(column.summary.scoreText)}</span></div>`,
  );
  const ticks = view.scaleZones.map((zone) => `<span class="cscale__tick ${p}" style="left:${zone.from}%">${zone.from}</span>`).join('');
  const legend = view.scaleZones.map((zone) => `<li class="${p}"><span class="cscale__swatch cscale__zone--${attr(zone.zone.toLowerCase())} ${p}" aria-hidden="true"></span>${text(zone.label)}</li>`).join('');
  return (
    `<section aria-labelledby="scale-heading" class="scale-section ${p}"><h2 id="scale-heading" class="${p}">Scores on one scale</h2>` +
    `<p class="small muted ${p}">0 means at risk from AI, 100 means protected. The bar around each dot is its range: where the score would land if any one judgement behind it moved one step.</p>` +
    `<div class="cscale ${p}" role="img" aria-label="${attr(label)}">${rows.join('')}` +
    `<div class="cscale__row cscale__axis ${p}" aria-hidden="true"><span class="cscale__name ${p}"></span><span class="cscale__track cscale__track--axis ${p}">${ticks}<span class="cscale__tick cscale__tick--end ${p}" style="left:100%">100</span></span><span class="cscale__value ${p}"></span></div></div>` +
    `<ul class="cscale__legend small ${p}">${legend}</ul></section>`
  );
}

function source(value: string | null, p: string): string {
  return value ? `<span class="ccard__source small muted ${p}">${text(value)}</span>` : '';
}

function card(column: CompareColumn, p: string): string {
  const { summary, facts } = column;
  const shared = column.shared.length > 0 ? `<ul class="ccard__shared small ${p}">${column.shared.map((task) => `<li class="${p}">${text(task.text)} <span class="muted ${p}">(also ${text(task.with)})</span></li>`).join('')}</ul>` : '';
  return (
    `<li class="ccard ${p}"><div class="ccard__head ${p}"><h3 class="ccard__title ${p}"><a href="${attr(summary.href)}" class="${p}">${text(summary.title)}</a></h3>` +
    `<p class="ccard__meta small muted ${p}">${text(summary.seniorityLabel)} · ${text(column.statusText)}</p>` +
    (column.description ? `<p class="ccard__description small ${p}">${text(column.description)}</p>` : '') +
    `</div><dl class="ccard__facts ${p}"><div class="ccard__fact ccard__fact--score ${p}"><dt class="${p}">Score</dt><dd class="${p}"><span class="ccard__score figure ${p}">${text(summary.scoreText)}</span>` +
    `<span class="ccard__range small ${p}">range ${text(column.rangeText)}</span><span class="ccard__zone ${p}"><span class="zone zone--${attr(summary.zone.toLowerCase())}">${text(summary.zone)}</span> <span class="small ${p}">${text(column.zoneText)}</span></span></dd></div>` +
    `<div class="ccard__fact ${p}"><dt class="${p}">Median pay</dt><dd class="${p}">${text(facts.wageText)}${source(facts.wageSource, p)}</dd></div>` +
    `<div class="ccard__fact ${p}"><dt class="${p}">Outlook</dt><dd class="${p}">${text(facts.outlookText)}${facts.outlookWords ? `, ${text(facts.outlookWords)}` : ''}${source(facts.outlookSource, p)}</dd></div>` +
    `<div class="ccard__fact ${p}"><dt class="${p}">Typical education</dt><dd class="${p}">${text(facts.educationText)}${source(facts.educationSource, p)}</dd></div>` +
    `<div class="ccard__fact ${p}"><dt class="${p}">Shared tasks</dt><dd class="${p}">${text(column.sharedText)}${shared}</dd></div></dl>` +
    `<p class="ccard__remove small no-print ${p}"><a href="${attr(column.removeHref)}" class="${p}">Remove<span class="visually-hidden ${p}"> ${text(summary.title)}</span> from the comparison</a></p></li>`
  );
}

function figures(view: CompareView, p: string, shell: RouteShell): string {
  const s = scopeOf(shell, 'status');
  const heads = view.columns
    .map(
      (column) =>
        `<th scope="col" class="${p}"><a href="${attr(column.summary.href)}" class="compare__role ${p}">${text(column.summary.title)}</a>` +
        `<span class="compare__meta small muted ${p}">${text(column.summary.seniorityLabel)} <span class="status status--${column.summary.status} ${s}">${column.summary.status === 'expert' ? 'Expert' : 'Baseline'}</span></span></th>`,
    )
    .join('');
  const cells = (values: readonly string[]) => values.map((cell) => `<td class="figure ${p}">${text(cell)}</td>`).join('');
  const rows = view.rows.map((row) => `<tr class="${p}"><th scope="row" class="${p}">${text(row.label)} <span class="compare__help small muted ${p}">${text(row.help)}</span></th>${cells(row.cells)}</tr>`).join('');
  const charts = view.columns
    .map((column) => `<div class="card ${p}"><h4 class="card__title ${p}">${text(column.summary.title)}</h4>${compositionChart(column.composition, `Composition profile of ${column.summary.title}`, column.compositionText, scopeOf(shell, 'composition'))}</div>`)
    .join('');
  return (
    `<details class="figures no-print-marker ${p}"><summary class="${p}">Show the figures</summary><p class="small muted ${p}">The formula inputs and intermediate values behind each score. <a href="/methodology" class="${p}">How scores are made</a>.</p>` +
    `<div class="table-wrap compare-wrap ${p}"><table class="compare ${p}"><caption class="${p}">Formula figures side by side</caption><thead class="${p}"><tr class="${p}"><td class="${p}"></td>${heads}</tr></thead>` +
    `<tbody class="${p}"><tr class="${p}"><th scope="row" class="${p}">Score <span class="compare__help small muted ${p}">0 at risk – 100 protected</span></th>${cells(view.columns.map((column) => column.summary.scoreText))}</tr>${rows}</tbody></table></div>` +
    `<h3 class="${p}">Composition profiles</h3><p class="muted ${p}">Each dimension scaled to its weight. The profile shows where a role’s resistance comes from; the score itself comes from the formula.</p><div class="grid-2 ${p}">${charts}</div></details>`
  );
}

/**
 * The compare page as compare.astro renders it (ADR 0171); null for the redirect after adding a role,
 * which Astro answers. A page showing input problems is never stored (`storable` false), as
 * compare.astro says with `no-store`.
 */
export function renderComparePage(view: CompareView, shell: RouteShell, renderIsland: IslandRenderer, publicUrl: string): RenderedPage | null {
  if (view.redirectTo) return null;
  const p = scopeOf(shell, 'page');
  const island = islandWriter(shell, renderIsland);
  const names = view.columns.map((column) => column.summary.title);
  const tokens = view.columns.map((column) => column.token).join(',');
  const hasColumns = view.columns.length > 0;
  const main =
    `<p class="kicker ${p}">Compare</p><h1 class="${p}">${text(view.ready ? names.join(' · ') : 'Compare roles')}</h1>` +
    (view.ready ? '' : `<p class="lede ${p}">Put ${COMPARE_MIN} to ${COMPARE_MAX} jobs side by side: how exposed each is to AI, what it pays, whether it is growing, the education it asks for and the tasks they share.</p>`) +
    (view.messages.length > 0 ? `<div role="status" class="${p}"><ul class="messages ${p}">${view.messages.map((message) => `<li class="message message--${message.kind} ${p}">${text(message.text)}</li>`).join('')}</ul></div>` : '') +
    (hasColumns ? scaleSection(view, p) : '') +
    (hasColumns ? `<section aria-labelledby="roles-heading" class="${p}"><h2 id="roles-heading" class="visually-hidden ${p}">The roles side by side</h2><ul class="ccards ${p}" style="--columns:${view.columns.length}">${view.columns.map((column) => card(column, p)).join('')}</ul></section>` : '') +
    (view.ready
      ? `<section aria-labelledby="shared-heading" class="${p}"><h2 id="shared-heading" class="${p}">Tasks they share</h2><p class="${p}">${text(view.sharedSummary)}</p>` +
        (view.sharedTasks.length > 0 ? `<ul class="shared-list ${p}">${view.sharedTasks.map((task) => `<li class="${p}">${text(task.text)} <span class="small muted ${p}">— ${text(task.roles.join(', '))}</span></li>`).join('')}</ul>` : '') +
        '</section>'
      : '') +
    (hasColumns ? figures(view, p, shell) : '') +
    (view.ready ? `<p class="share ${p}">Link to this comparison: <a href="${attr(view.sharePath)}" class="${p}">${text(`${publicUrl}${view.sharePath}`)}</a></p>` : '') +
    (view.canAdd
      ? `<section aria-labelledby="add" class="no-print ${p}"><h2 id="add" class="${p}">${hasColumns ? 'Add a role' : 'Choose roles'}</h2>` +
        island('TitleTypeahead', {
          id: 'compare-add',
          label: 'Job title to add',
          name: 'add',
          action: '/compare',
          submitLabel: 'Add',
          hidden: tokens ? { roles: tokens } : {},
          chooseHref: `/compare?${tokens ? `roles=${tokens}&` : ''}add={slug}`,
          placeholder: 'e.g. accountant',
          class: p,
        }) +
        '</section>'
      : '') +
    (hasColumns ? `<p class="small no-print ${p}"><a href="/compare" class="${p}">Start a new comparison</a></p>` : '');
  const html = renderDocument(
    shell,
    {
      title: view.ready ? `Compare ${names.join(', ')}` : 'Compare roles',
      description: view.ready ? `${names.join(' vs ')}: AI resistance scores with their ranges, pay, outlook, education and shared tasks side by side.` : 'Compare the AI resistance of two to four jobs side by side.',
      canonical: new URL(view.sharePath, publicUrl).href,
      noindex: !view.ready,
    },
    main,
  );
  return { html, hasIslands: island.count() > 0, storable: !view.messages.some((message) => message.kind === 'error') };
}
