import { escapeAttribute, escapeHtml } from '../escape.ts';
import type { SearchHitView, SearchView } from '../site-pages/search-view.ts';
import type { IslandRenderer } from './island-slot.ts';
import type { RenderedPage } from './page-document.ts';
import { renderPageBody, type PageBody } from './page-body.ts';
import type { RouteShell } from './route-shell.ts';
import { statusTag, zoneChip } from './site-markup.ts';

/** A path the search page shows hits and the typeahead for, to read its shell from. */
export const searchShellPath = (title: string) => `/search?q=${encodeURIComponent(title)}`;

const text = escapeHtml;
const attr = escapeAttribute;

function hitHtml(hit: SearchHitView, grouped: boolean): string {
  // Inside a group the heading already names the title typed, so the hit shows only its own title.
  const title = hit.matchedOther && !grouped
    ? `<span class="hit__matched">${text(hit.matchedTitle)}</span> <span aria-hidden="true">→</span><span class="visually-hidden">, matches</span> ${text(hit.title)}`
    : text(hit.title);
  const meta = (grouped ? text(hit.category ?? '') : `${text(hit.explanation)}${hit.category ? ` · ${text(hit.category)}` : ''}`) + (hit.onetCode ? ` · O*NET ${text(hit.onetCode)}` : '');
  const figure = hit.zone && hit.scoreText
    ? `<span class="hit__score figure">${text(hit.scoreText)}</span><span class="hit__range small muted figure">range ${text(hit.rangeText ?? '')}</span>` +
      zoneChip(hit.zone, hit.label ?? hit.zone) +
      (hit.status ? statusTag(hit.status) : '') +
      (hit.plainLine ? `<span class="hit__plain small">${text(hit.plainLine)}</span>` : '')
    : '<span class="muted">not assessed yet</span>';
  return (
    `<div class="hit"><div class="hit__name"><a href="${attr(hit.url)}" class="hit__link">${title}</a>` +
    (hit.description ? `<span class="hit__description">${text(hit.description)}</span>` : '') +
    `<span class="hit__meta small muted">${meta}</span></div><div class="hit__figure">${figure}</div></div>`
  );
}

function resultsHtml(view: SearchView): string {
  const notice = view.notInCatalog
    ? `<p class="notice" data-testid="not-in-catalog"><strong>“${text(view.query)}” is ${text(view.notInCatalog.notice)}.</strong> The nearest civilian occupations are listed instead.</p>`
    : '';
  const groups = view.groups.map((group) =>
    group.heading === null
      ? `<li>${group.hits.map((hit) => hitHtml(hit, false)).join('')}</li>`
      : `<li><div class="hit-group"><h2 class="hit-group__heading">“${text(group.heading)}” can mean ${group.hits.length} different jobs</h2>` +
        `<ul class="hit-group__hits">${group.hits.map((hit) => `<li>${hitHtml(hit, true)}</li>`).join('')}</ul></div></li>`,
  );
  return `${notice}<p class="muted" role="status">${view.hits.length} ${view.hits.length === 1 ? 'match' : 'matches'}, best first.</p><ol class="hits">${groups.join('')}</ol>`;
}

function noResultsHtml(view: SearchView): string {
  return (
    `<div class="empty" role="status"><p class="lede">No job title matched “${text(view.query)}”.</p><ul>` +
    '<li>Check the spelling, or try a shorter or more common title (“developer” rather than “senior full-stack developer II”).</li>' +
    '<li>Abbreviations work too: RN, CPA, HVAC.</li><li>Or <a href="/browse">browse the jobs by category</a>.</li></ul></div>'
  );
}

function suggestionsHtml(view: SearchView): string {
  const items = view.suggestions.map((suggestion) => `<li><a href="${attr(suggestion.href)}">${text(suggestion.text)}</a></li>`).join('');
  return `<section aria-labelledby="try"><h2 id="try">Try one of these</h2><ul class="suggestions">${items}</ul></section>`;
}

/** The search page's content, for search.astro and the server alike (ADR 0142); its styles are src/web/styles/search-page.css. */
export function searchPageBody(view: SearchView): PageBody {
  return {
    head: {
      title: view.query ? `${view.query} — search` : 'Search',
      description: 'Find any job by its title, abbreviation or a title people use for it, and see its AI resistance score.',
      canonicalPath: '/search',
      noindex: view.query !== '',
    },
    before: `<h1>${text(view.query ? `Results for “${view.query}”` : 'Search by job title')}</h1>`,
    typeahead: { id: 'search-q', label: 'Job title', initialQuery: view.query, placeholder: 'e.g. RN, accountant, welder' },
    after:
      (view.state === 'results' ? resultsHtml(view) : '') +
      (view.state === 'no-results' ? noResultsHtml(view) : '') +
      (view.state === 'results' ? '' : suggestionsHtml(view)),
    storable: true,
  };
}

/** The whole search page in the route's shell (ADR 0171), without Astro. */
export function renderSearchPage(view: SearchView, shell: RouteShell, renderIsland: IslandRenderer, publicUrl: string): RenderedPage {
  return renderPageBody(searchPageBody(view), shell, renderIsland, publicUrl);
}
