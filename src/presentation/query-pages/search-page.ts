import { escapeAttribute, escapeHtml } from '../escape.ts';
import type { SearchHitView, SearchView } from '../site-pages/search-view.ts';
import { islandWriter, type IslandRenderer } from './island-slot.ts';
import { renderDocument, type RenderedPage } from './page-document.ts';
import { scopeOf, type RouteShell } from './route-shell.ts';

/** The scoped-style classes the search page needs, found in Astro's rendering of a search with hits. */
export const SEARCH_SCOPE_ANCHORS: Readonly<Record<string, RegExp>> = {
  page: /<h1 class="(astro-[a-z0-9]+)">/,
  hit: /<div class="hit (astro-[a-z0-9]+)">/,
  status: /<span class="status status--(?:expert|baseline) (astro-[a-z0-9]+)">/,
};

/** A path the search page shows hits and a status tag for, to read its shell from. */
export const searchShellPath = (title: string) => `/search?q=${encodeURIComponent(title)}`;

const text = escapeHtml;
const attr = escapeAttribute;

function hitHtml(hit: SearchHitView, grouped: boolean, shell: RouteShell): string {
  const h = scopeOf(shell, 'hit');
  const title = hit.matchedOther && !grouped
    ? `<span class="hit__matched ${h}">${text(hit.matchedTitle)}</span> <span aria-hidden="true" class="${h}">→</span><span class="visually-hidden ${h}">, matches</span> ${text(hit.title)}`
    : text(hit.title);
  const meta = (grouped ? text(hit.category ?? '') : `${text(hit.explanation)}${hit.category ? ` · ${text(hit.category)}` : ''}`) + (hit.onetCode ? ` · O*NET ${text(hit.onetCode)}` : '');
  const figure = hit.zone && hit.scoreText
    ? `<span class="hit__score figure ${h}">${text(hit.scoreText)}</span><span class="hit__range small muted figure ${h}">range ${text(hit.rangeText ?? '')}</span>` +
      `<span class="zone zone--${attr(hit.zone.toLowerCase())}">${text(hit.label ?? hit.zone)}</span>` +
      (hit.status ? `<span class="status status--${hit.status} ${scopeOf(shell, 'status')}">${hit.status === 'expert' ? 'Expert' : 'Baseline'}</span>` : '') +
      (hit.plainLine ? `<span class="hit__plain small ${h}">${text(hit.plainLine)}</span>` : '')
    : `<span class="muted ${h}">not assessed yet</span>`;
  return (
    `<div class="hit ${h}"><div class="hit__name ${h}"><a href="${attr(hit.url)}" class="hit__link ${h}">${title}</a>` +
    (hit.description ? `<span class="hit__description ${h}">${text(hit.description)}</span>` : '') +
    `<span class="hit__meta small muted ${h}">${meta}</span></div><div class="hit__figure ${h}">${figure}</div></div>`
  );
}

function resultsHtml(view: SearchView, shell: RouteShell): string {
  const p = scopeOf(shell, 'page');
  const notice = view.notInCatalog
    ? `<p class="notice ${p}" data-testid="not-in-catalog"><strong class="${p}">“${text(view.query)}” is ${text(view.notInCatalog.notice)}.</strong> The nearest civilian occupations are listed instead.</p>`
    : '';
  const groups = view.groups.map((group) =>
    group.heading === null
      ? `<li class="${p}">${group.hits.map((hit) => hitHtml(hit, false, shell)).join('')}</li>`
      : `<li class="${p}"><div class="hit-group ${p}"><h2 class="hit-group__heading ${p}">“${text(group.heading)}” can mean ${group.hits.length} different jobs</h2>` +
        `<ul class="hit-group__hits ${p}">${group.hits.map((hit) => `<li class="${p}">${hitHtml(hit, true, shell)}</li>`).join('')}</ul></div></li>`,
  );
  return `${notice}<p class="muted ${p}" role="status">${view.hits.length} ${view.hits.length === 1 ? 'match' : 'matches'}, best first.</p><ol class="hits ${p}">${groups.join('')}</ol>`;
}

function noResultsHtml(view: SearchView, p: string): string {
  return (
    `<div class="empty ${p}" role="status"><p class="lede ${p}">No job title matched “${text(view.query)}”.</p><ul class="${p}">` +
    `<li class="${p}">Check the spelling, or try a shorter or more common title (“developer” rather than “senior full-stack developer II”).</li>` +
    `<li class="${p}">Abbreviations work too: RN, CPA, HVAC.</li><li class="${p}">Or <a href="/browse" class="${p}">browse the jobs by category</a>.</li></ul></div>`
  );
}

/** The search page as search.astro renders it (ADR 0171); the equality test holds the two together. */
export function renderSearchPage(view: SearchView, shell: RouteShell, renderIsland: IslandRenderer, publicUrl: string): RenderedPage {
  const p = scopeOf(shell, 'page');
  const island = islandWriter(shell, renderIsland);
  const heading = view.query ? `Results for “${view.query}”` : 'Search by job title';
  const suggestions =
    view.state === 'results'
      ? ''
      : `<section aria-labelledby="try" class="${p}"><h2 id="try" class="${p}">Try one of these</h2><ul class="suggestions ${p}">` +
        view.suggestions.map((suggestion) => `<li class="${p}"><a href="${attr(suggestion.href)}" class="${p}">${text(suggestion.text)}</a></li>`).join('') +
        '</ul></section>';
  const main =
    `<h1 class="${p}">${text(heading)}</h1>` +
    island('TitleTypeahead', { id: 'search-q', label: 'Job title', initialQuery: view.query, placeholder: 'e.g. RN, accountant, welder', class: p }) +
    (view.state === 'results' ? resultsHtml(view, shell) : '') +
    (view.state === 'no-results' ? noResultsHtml(view, p) : '') +
    suggestions;
  const html = renderDocument(
    shell,
    {
      title: view.query ? `${view.query} — search` : 'Search',
      description: 'Find any job by its title, abbreviation or a title people use for it, and see its AI resistance score.',
      canonical: new URL('/search', publicUrl).href,
      noindex: view.query !== '',
    },
    main,
  );
  return { html, hasIslands: island.count() > 0, storable: true };
}
