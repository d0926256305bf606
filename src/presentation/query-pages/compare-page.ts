import { escapeAttribute, escapeHtml } from '../escape.ts';
import type { CompareColumn, CompareView } from '../site-pages/compare-view.ts';
import { COMPARE_MAX, COMPARE_MIN } from '../site-pages/compare-view.ts';
import type { IslandRenderer } from './island-slot.ts';
import type { RenderedPage } from './page-document.ts';
import { renderPageBody, type PageBody, type TypeaheadProps } from './page-body.ts';
import type { RouteShell } from './route-shell.ts';
import { compositionChart, statusTag, zoneChip } from './site-markup.ts';

const text = escapeHtml;
const attr = escapeAttribute;

function scaleSection(view: CompareView): string {
  const label = `Scores on a 0 to 100 scale: ${view.columns.map((column) => `${column.summary.title} ${column.summary.scoreText}, range ${column.rangeText}, ${column.summary.plainLine}`).join('; ')}`;
  const zones = (column: CompareColumn) =>
    view.scaleZones.map((zone) => `<span class="cscale__zone cscale__zone--${attr(zone.zone.toLowerCase())}" style="left:${zone.from}%;width:${zone.to - zone.from}%"></span>`).join('') +
    `<span class="cscale__band" style="left:${column.scale.from}%;width:${Math.max(column.scale.to - column.scale.from, 0.6)}%"></span><span class="cscale__dot" style="left:${column.scale.score}%"></span>`;
  const rows = view.columns.map(
    (column) =>
      `<div class="cscale__row"><span class="cscale__name">${text(column.summary.title)}<span class="cscale__brief"><span class="cscale__range figure">range ${text(column.rangeText)}</span> · <span class="cscale__plain">${text(column.summary.plainLine)}</span></span></span>` +
      `<span class="cscale__track">${zones(column)}</span><span class="cscale__value figure">${text(column.summary.scoreText)}</span></div>`,
  );
  const ticks = view.scaleZones.map((zone) => `<span class="cscale__tick" style="left:${zone.from}%">${zone.from}</span>`).join('');
  const legend = view.scaleZones.map((zone) => `<li><span class="cscale__swatch cscale__zone--${attr(zone.zone.toLowerCase())}" aria-hidden="true"></span>${text(zone.label)}</li>`).join('');
  return (
    `<section aria-labelledby="scale-heading" class="scale-section"><h2 id="scale-heading">Scores on one scale</h2>` +
    `<p class="small muted">0 means at risk from AI, 100 means protected. The bar around each dot is its range: where the score would land if any one judgement behind it moved one step.</p>` +
    `<div class="cscale" role="img" aria-label="${attr(label)}">${rows.join('')}` +
    `<div class="cscale__row cscale__axis" aria-hidden="true"><span class="cscale__name"></span><span class="cscale__track cscale__track--axis">${ticks}<span class="cscale__tick cscale__tick--end" style="left:100%">100</span></span><span class="cscale__value"></span></div></div>` +
    `<ul class="cscale__legend small">${legend}</ul></section>`
  );
}

function source(value: string | null): string {
  return value ? `<span class="ccard__source small muted">${text(value)}</span>` : '';
}

function card(column: CompareColumn): string {
  const { summary, facts } = column;
  const shared = column.shared.length > 0 ? `<ul class="ccard__shared small">${column.shared.map((task) => `<li>${text(task.text)} <span class="muted">(also ${text(task.with)})</span></li>`).join('')}</ul>` : '';
  return (
    `<li class="ccard"><div class="ccard__head"><h3 class="ccard__title"><a href="${attr(summary.href)}">${text(summary.title)}</a></h3>` +
    `<p class="ccard__meta small muted">${text(summary.seniorityLabel)} · ${text(column.statusText)}</p>` +
    (column.description ? `<p class="ccard__description small">${text(column.description)}</p>` : '') +
    `</div><dl class="ccard__facts"><div class="ccard__fact ccard__fact--score"><dt>Score</dt><dd><span class="ccard__score figure">${text(summary.scoreText)}</span>` +
    `<span class="ccard__range small">range ${text(column.rangeText)}</span><span class="ccard__zone">${zoneChip(summary.zone)} <span class="small">${text(column.zoneText)}</span></span></dd></div>` +
    `<div class="ccard__fact"><dt>Median pay</dt><dd>${text(facts.wageText)}${source(facts.wageSource)}</dd></div>` +
    `<div class="ccard__fact"><dt>Outlook</dt><dd>${text(facts.outlookText)}${facts.outlookWords ? `, ${text(facts.outlookWords)}` : ''}${source(facts.outlookSource)}</dd></div>` +
    `<div class="ccard__fact"><dt>Typical education</dt><dd>${text(facts.educationText)}${source(facts.educationSource)}</dd></div>` +
    `<div class="ccard__fact"><dt>Shared tasks</dt><dd>${text(column.sharedText)}${shared}</dd></div></dl>` +
    `<p class="ccard__remove small no-print"><a href="${attr(column.removeHref)}">Remove<span class="visually-hidden"> ${text(summary.title)}</span> from the comparison</a></p></li>`
  );
}

function figures(view: CompareView): string {
  const heads = view.columns
    .map(
      (column) =>
        `<th scope="col"><a href="${attr(column.summary.href)}" class="compare__role">${text(column.summary.title)}</a>` +
        `<span class="compare__meta small muted">${text(column.summary.seniorityLabel)} ${statusTag(column.summary.status)}</span></th>`,
    )
    .join('');
  const cells = (values: readonly string[]) => values.map((cell) => `<td class="figure">${text(cell)}</td>`).join('');
  const rows = view.rows.map((row) => `<tr><th scope="row">${text(row.label)} <span class="compare__help small muted">${text(row.help)}</span></th>${cells(row.cells)}</tr>`).join('');
  const charts = view.columns
    .map((column) => `<div class="card"><h4 class="card__title">${text(column.summary.title)}</h4>${compositionChart(column.composition, `Composition profile of ${column.summary.title}`, column.compositionText)}</div>`)
    .join('');
  return (
    '<details class="figures no-print-marker"><summary>Show the figures</summary><p class="small muted">The formula inputs and intermediate values behind each score. <a href="/methodology">How scores are made</a>.</p>' +
    `<div class="table-wrap compare-wrap"><table class="compare"><caption>Formula figures side by side</caption><thead><tr><td></td>${heads}</tr></thead>` +
    `<tbody><tr><th scope="row">Score <span class="compare__help small muted">0 at risk – 100 protected</span></th>${cells(view.columns.map((column) => column.summary.scoreText))}</tr>${rows}</tbody></table></div>` +
    `<h3>Composition profiles</h3><p class="muted">Each dimension scaled to its weight. The profile shows where a role’s resistance comes from; the score itself comes from the formula.</p><div class="grid-2">${charts}</div></details>`
  );
}

function sharedSection(view: CompareView): string {
  const list = view.sharedTasks.length > 0 ? `<ul class="shared-list">${view.sharedTasks.map((task) => `<li>${text(task.text)} <span class="small muted">— ${text(task.roles.join(', '))}</span></li>`).join('')}</ul>` : '';
  return `<section aria-labelledby="shared-heading"><h2 id="shared-heading">Tasks they share</h2><p>${text(view.sharedSummary)}</p>${list}</section>`;
}

/**
 * The compare page's content, for compare.astro and the server alike (ADR 0142); its styles are
 * src/web/styles/compare-page.css. Not for a view that redirects (after adding a role).
 */
export function comparePageBody(view: CompareView, publicUrl: string): PageBody {
  const names = view.columns.map((column) => column.summary.title);
  const tokens = view.columns.map((column) => column.token).join(',');
  const hasColumns = view.columns.length > 0;
  const before =
    `<p class="kicker">Compare</p><h1>${text(view.ready ? names.join(' · ') : 'Compare roles')}</h1>` +
    (view.ready ? '' : `<p class="lede">Put ${COMPARE_MIN} to ${COMPARE_MAX} jobs side by side: how exposed each is to AI, what it pays, whether it is growing, the education it asks for and the tasks they share.</p>`) +
    (view.messages.length > 0 ? `<div role="status"><ul class="messages">${view.messages.map((message) => `<li class="message message--${message.kind}">${text(message.text)}</li>`).join('')}</ul></div>` : '') +
    (hasColumns ? scaleSection(view) : '') +
    (hasColumns ? `<section aria-labelledby="roles-heading"><h2 id="roles-heading" class="visually-hidden">The roles side by side</h2><ul class="ccards" style="--columns:${view.columns.length}">${view.columns.map(card).join('')}</ul></section>` : '') +
    (view.ready ? sharedSection(view) : '') +
    (hasColumns ? figures(view) : '') +
    (view.ready ? `<p class="share">Link to this comparison: <a href="${attr(view.sharePath)}">${text(`${publicUrl}${view.sharePath}`)}</a></p>` : '') +
    (view.canAdd ? `<section aria-labelledby="add" class="no-print"><h2 id="add">${hasColumns ? 'Add a role' : 'Choose roles'}</h2>` : '');
  const typeahead: TypeaheadProps | null = view.canAdd
    ? { id: 'compare-add', label: 'Job title to add', name: 'add', action: '/compare', submitLabel: 'Add', hidden: tokens ? { roles: tokens } : {}, chooseHref: `/compare?${tokens ? `roles=${tokens}&` : ''}add={slug}`, placeholder: 'e.g. accountant' }
    : null;
  return {
    head: {
      title: view.ready ? `Compare ${names.join(', ')}` : 'Compare roles',
      description: view.ready ? `${names.join(' vs ')}: AI resistance scores with their ranges, pay, outlook, education and shared tasks side by side.` : 'Compare the AI resistance of two to four jobs side by side.',
      canonicalPath: view.sharePath,
      noindex: !view.ready,
    },
    before,
    typeahead,
    after: (view.canAdd ? '</section>' : '') + (hasColumns ? '<p class="small no-print"><a href="/compare">Start a new comparison</a></p>' : ''),
    // A page showing input problems is one of endlessly many bad addresses: never worth keeping in a cache.
    storable: !view.messages.some((message) => message.kind === 'error'),
  };
}

/** The whole compare page in the route's shell (ADR 0171), without Astro; null for the redirect after adding a role, which Astro answers. */
export function renderComparePage(view: CompareView, shell: RouteShell, renderIsland: IslandRenderer, publicUrl: string): RenderedPage | null {
  return view.redirectTo ? null : renderPageBody(comparePageBody(view, publicUrl), shell, renderIsland, publicUrl);
}
