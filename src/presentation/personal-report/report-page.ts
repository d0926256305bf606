import type { ReadModel } from '../../features/read-model/read-model.ts';
import { searchRoles } from '../../features/read-model/read-model.queries.ts';
import { canonicalInputs } from '../../features/personal-report/personal-edits.ts';
import type { InputProblem, PersonalInputs } from '../../features/personal-report/personal-inputs.ts';
import { parseReportParams, serializeReportParams } from '../../features/personal-report/report-params.ts';
import type { ReportSource } from '../../features/personal-report/report-source.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { buildReportSource, reportNarrative, type ReportNarrative } from '../../features/personal-report/report-source-builder.ts';
import { buildReportView, type ReportView } from './report-view.ts';
import { formatScore } from '../format.ts';
import { relatedHrefOf } from './report-related.ts';

export interface RoleChoice {
  title: string;
  matchedTitle: string;
  href: string;
  score: string | null;
  zone: string | null;
  seniority: string | null;
}

export type ReportPage =
  | { kind: 'search'; query: string; choices: RoleChoice[]; problems: InputProblem[] }
  | { kind: 'not-found'; query: string; choices: RoleChoice[]; message: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'report'; source: ReportSource; inputs: PersonalInputs; parseProblems: InputProblem[]; view: ReportView; narrative: ReportNarrative; notices: string[]; relatedHref: string };

function decodedQuery(url: URL): string {
  try {
    return decodeURIComponent(url.search.slice(1));
  } catch {
    return url.search.slice(1);
  }
}

/** Lists roles matching a search, each linking to its personal report. */
export function chooseRoles(model: ReadModel, query: string, limit = 10): RoleChoice[] {
  if (query.trim() === '') return [];
  return searchRoles(model, query, limit).map((hit) => ({
    title: hit.title,
    matchedTitle: hit.matchedTitle,
    href: `/report?role=${hit.slug}/${hit.entry?.seniority ?? 'all-levels'}`,
    score: hit.entry ? formatScore(hit.entry.figures.score) : null,
    zone: hit.entry?.figures.zone ?? null,
    seniority: hit.entry ? seniorityLabel(hit.entry.seniority) : null,
  }));
}

/**
 * Decides what /report shows for a URL: a role search (no role), a 404 with a search (unknown
 * role), a redirect to the compact address (a valid plain-form submission), or the report with
 * any problems shown on the form.
 */
export function resolveReportPage(model: ReadModel, url: URL): ReportPage {
  const parsed = parseReportParams(url.searchParams);
  const query = (url.searchParams.get('q') ?? '').trim();
  if (!parsed.inputs) return { kind: 'search', query, choices: chooseRoles(model, query), problems: parsed.problems };
  const { slug, seniority } = parsed.inputs.role;
  const source = buildReportSource(model, slug, seniority);
  if (!source) {
    const words = slug.replace(/-/g, ' ');
    return { kind: 'not-found', query: words, choices: chooseRoles(model, words, 5), message: `There is no role "${slug}" in the catalog. Search for your job title instead.` };
  }
  const notices: string[] = [];
  if (seniority !== '' && seniority !== source.seniority) {
    notices.push(`${source.title} is not assessed at "${seniority}"; the report starts from ${seniorityLabel(source.seniority)}.`);
  }
  const inputs = parsed.problems.length === 0 ? canonicalInputs(source, parsed.inputs) : { ...parsed.inputs, role: { slug, seniority: source.seniority } };
  const view = buildReportView(source, inputs, parsed.problems);
  if (view.problems.length === 0 && notices.length === 0) {
    const canonical = serializeReportParams(inputs);
    if (decodedQuery(url) !== canonical) return { kind: 'redirect', location: `/report?${canonical}` };
  }
  return {
    kind: 'report',
    source,
    inputs,
    parseProblems: parsed.problems,
    view,
    narrative: reportNarrative(model, slug, inputs.level ?? source.seniority),
    notices,
    relatedHref: relatedHrefOf(model, source.roleSlug),
  };
}

export type ReportPdfRequest =
  | { kind: 'pdf'; view: ReportView; narrative: ReportNarrative; path: string; filename: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found'; message: string };

/** Decides what /report.pdf answers: the PDF of a valid report, or a redirect to the form when the inputs need fixing. */
export function resolveReportPdf(model: ReadModel, url: URL): ReportPdfRequest {
  const parsed = parseReportParams(url.searchParams);
  if (!parsed.inputs) return { kind: 'redirect', location: '/report' };
  const source = buildReportSource(model, parsed.inputs.role.slug, parsed.inputs.role.seniority);
  if (!source) return { kind: 'not-found', message: `There is no role "${parsed.inputs.role.slug}" in the catalog.` };
  const formUrl = `/report${url.search}`;
  if (parsed.problems.length > 0) return { kind: 'redirect', location: formUrl };
  const inputs = canonicalInputs(source, parsed.inputs);
  const view = buildReportView(source, inputs);
  if (!view.result) return { kind: 'redirect', location: formUrl };
  return { kind: 'pdf', view, narrative: reportNarrative(model, source.roleSlug, inputs.level ?? source.seniority), path: view.reportHref, filename: `jobzone-personal-report-${source.roleSlug}.pdf` };
}
