import { escapeAttribute, escapeHtml } from '../escape.ts';
import { islandSourceOf } from '../personal-report/island-source.ts';
import type { ReportPage } from '../personal-report/report-page.ts';
import { islandWriter, type IslandRenderer } from './island-slot.ts';
import { renderDocumentParts, type RenderedPage } from './page-document.ts';
import type { RouteShell } from './route-shell.ts';

/** The report of a role has no scoped styles (its rules are global under .personal-report). */
export const REPORT_SCOPE_ANCHORS: Readonly<Record<string, RegExp>> = {};

/**
 * The personal report as report.astro renders it (ADR 0171); null for the answers Astro gives: the
 * role search, an unknown role and a redirect to the compact address. A report showing input
 * problems or notices is one of endlessly many bad addresses: `storable` is false, as report.astro
 * says with `no-store`.
 */
export function renderReportPage(page: ReportPage, shell: RouteShell, renderIsland: IslandRenderer, publicUrl: string): RenderedPage | null {
  if (page.kind !== 'report') return null;
  const island = islandWriter(shell, renderIsland);
  const main = [reportLeadHtml(page), ...island.parts('PersonalReport', reportIslandProps(page))];
  const html = renderDocumentParts(shell, { title: reportTitle(page), description: REPORT_DESCRIPTION, canonical: new URL('/report', publicUrl).href, noindex: true }, main);
  return { html, hasIslands: island.count() > 0, storable: page.view.problems.length === 0 && page.notices.length === 0 };
}

type RoleReport = Extract<ReportPage, { kind: 'report' }>;

export const REPORT_DESCRIPTION = 'Score your own job, not just its title: your tasks, seniority and workplace, with the same published method.';

export const reportTitle = (page: RoleReport) => `Your personal score as ${page.source.title}`;

/** The PersonalReport island's props. */
export const reportIslandProps = (page: RoleReport) => ({
  source: islandSourceOf(page.source, page.inputs, page.view),
  relatedHref: page.relatedHref,
  initial: page.inputs,
  initialProblems: page.parseProblems,
  narrative: page.narrative,
});

/** The report's kicker, heading, lede and notices: written once, for this renderer and report.astro (ADR 0142). */
export function reportLeadHtml(page: RoleReport): string {
  const title = escapeHtml(page.source.title);
  return (
    `<p class="kicker">Personal AI risk report</p><h1>Your score as ${title}</h1>` +
    '<p class="lede pr-lede">Make the score yours: say how often you do each task, your seniority and your workplace. Same method as the ' +
    `<a href="${escapeAttribute(page.view.roleHref)}">${title} (${escapeHtml(page.view.seniorityLabel)}) assessment</a>.</p>` +
    (page.source.status === 'baseline' ? '<p class="small muted pr-estimate">Automated estimate: this role’s figures come from published data and no assessor has reviewed them yet.</p>' : '') +
    page.notices.map((notice) => `<p class="baseline-banner" role="status">${escapeHtml(notice)}</p>`).join('')
  );
}
