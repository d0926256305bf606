import type { ReadModel } from '../features/read-model/read-model.ts';
import type { IslandRenderer } from '../presentation/query-pages/island-slot.ts';
import type { RouteShell } from '../presentation/query-pages/route-shell.ts';
import type { RenderedPage } from '../presentation/query-pages/page-document.ts';
import { renderSearchPage, searchShellPath } from '../presentation/query-pages/search-page.ts';
import { buildSearchView } from '../presentation/site-pages/search-view.ts';
import { gatherSearchInput } from '../features/site-pages/search-input.ts';
import { renderComparePage } from '../presentation/query-pages/compare-page.ts';
import { renderReportPage, REPORT_SCOPE_ANCHORS } from '../presentation/query-pages/report-page.ts';
import { buildCompareView } from '../presentation/site-pages/compare-view.ts';
import { gatherCompareInput } from '../features/site-pages/compare-input.ts';
import { resolveReportPage } from '../presentation/personal-report/report-page.ts';
import { gatherReportPageInput } from '../features/personal-report/report-page-input.ts';

export interface QueryPageContext {
  shell: RouteShell;
  islands: IslandRenderer;
  publicUrl: string;
}

/** A page rendered from query input without Astro (ADR 0171). */
export interface QueryPage {
  path: string;
  /** An address whose page, as Astro renders it, shows every part of the shell (an island, each scoped class). */
  shellPath: (model: ReadModel) => string;
  scopeAnchors: Readonly<Record<string, RegExp>>;
  /** The whole page, or null for an answer Astro gives (a redirect, a role search, an unknown role). */
  render: (model: ReadModel, url: URL, context: QueryPageContext) => RenderedPage | null;
}

function firstRoleSlugs(model: ReadModel, count: number): string[] {
  const slugs: string[] = [];
  for (const entry of model.assessments.values()) {
    if (!slugs.includes(entry.roleSlug)) slugs.push(entry.roleSlug);
    if (slugs.length === count) break;
  }
  return slugs;
}

export const QUERY_PAGES: readonly QueryPage[] = [
  {
    path: '/search',
    shellPath: (model) => searchShellPath((firstRoleSlugs(model, 1)[0] ?? 'nurse').replace(/-/g, ' ')),
    // Search and compare carry no scoped-style classes (ADR 0142).
    scopeAnchors: {},
    render: (model, url, context) => renderSearchPage(buildSearchView(gatherSearchInput(model, url.searchParams.get('q'))), context.shell, context.islands, context.publicUrl),
  },
  {
    path: '/compare',
    // Two roles: the page still offers to add one (the island).
    shellPath: (model) => `/compare?roles=${firstRoleSlugs(model, 2).join(',')}`,
    scopeAnchors: {},
    render: (model, url, context) => renderComparePage(buildCompareView(gatherCompareInput(model, url.searchParams)), context.shell, context.islands, context.publicUrl),
  },
  {
    path: '/report',
    shellPath: (model) => {
      const entry = model.assessments.values().next().value;
      return `/report?role=${entry ? `${entry.roleSlug}/${entry.seniority}` : ''}`;
    },
    scopeAnchors: REPORT_SCOPE_ANCHORS,
    render: (model, url, context) => renderReportPage(resolveReportPage(gatherReportPageInput(model, url.searchParams), url), context.shell, context.islands, context.publicUrl),
  },
];
