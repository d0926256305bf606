import { canonicalInputs } from '../../features/personal-report/personal-edits.ts';
import type { InputProblem, PersonalInputs } from '../../features/personal-report/personal-inputs.ts';
import { serializeReportParams } from '../../features/personal-report/report-params.ts';
import type { ReportPageInput, ReportPdfInput, ReportSearchHits } from '../../features/personal-report/report-page-input.ts';
import type { ReportSource } from '../../features/personal-report/report-source.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import type { ReportNarrative } from '../../features/personal-report/report-source-builder.ts';
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

/** Words the roles a search found, each linking to its personal report. */
export function roleChoicesOf(hits: ReportSearchHits): RoleChoice[] {
  return hits.map((hit) => ({
    title: hit.title,
    matchedTitle: hit.matchedTitle,
    href: `/report?role=${hit.slug}/${hit.entry?.seniority ?? 'all-levels'}`,
    score: hit.entry ? formatScore(hit.entry.figures.score) : null,
    zone: hit.entry?.figures.zone ?? null,
    seniority: hit.entry ? seniorityLabel(hit.entry.seniority) : null,
  }));
}

/**
 * Decides what /report shows for an address from its gathered input: a role search (no role), a 404
 * with a search (unknown role), a redirect to the compact address (a valid plain-form submission),
 * or the report with any problems shown on the form.
 */
export function resolveReportPage(input: ReportPageInput, url: URL): ReportPage {
  if (input.kind === 'search') return { kind: 'search', query: input.query, choices: roleChoicesOf(input.hits), problems: input.problems };
  if (input.kind === 'unknown-role') {
    return { kind: 'not-found', query: input.query, choices: roleChoicesOf(input.hits), message: `There is no role "${input.slug}" in the catalog. Search for your job title instead.` };
  }
  const { source, problems } = input;
  const { slug, seniority } = input.inputs.role;
  const notices: string[] = [];
  if (seniority !== '' && seniority !== source.seniority) {
    notices.push(`${source.title} is not assessed at "${seniority}"; the report starts from ${seniorityLabel(source.seniority)}.`);
  }
  const inputs = problems.length === 0 ? canonicalInputs(source, input.inputs) : { ...input.inputs, role: { slug, seniority: source.seniority } };
  const view = buildReportView(source, inputs, problems);
  if (view.problems.length === 0 && notices.length === 0) {
    const canonical = serializeReportParams(inputs);
    if (decodedQuery(url) !== canonical) return { kind: 'redirect', location: `/report?${canonical}` };
  }
  return {
    kind: 'report',
    source,
    inputs,
    parseProblems: problems,
    view,
    narrative: input.narrative,
    notices,
    relatedHref: relatedHrefOf(input.catalog, source.roleSlug),
  };
}

export type ReportPdfRequest =
  | { kind: 'pdf'; view: ReportView; narrative: ReportNarrative; path: string; filename: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found'; message: string };

/** Decides what /report.pdf answers from its gathered input: the PDF of a valid report, or a redirect to the form when the inputs need fixing. */
export function resolveReportPdf(input: ReportPdfInput, url: URL): ReportPdfRequest {
  if (input.kind === 'no-role') return { kind: 'redirect', location: '/report' };
  if (input.kind === 'unknown-role') return { kind: 'not-found', message: `There is no role "${input.slug}" in the catalog.` };
  const { source } = input;
  const formUrl = `/report${url.search}`;
  if (input.problems.length > 0) return { kind: 'redirect', location: formUrl };
  const inputs = canonicalInputs(source, input.inputs);
  const view = buildReportView(source, inputs);
  if (!view.result) return { kind: 'redirect', location: formUrl };
  return { kind: 'pdf', view, narrative: input.narrative, path: view.reportHref, filename: `jobzone-personal-report-${source.roleSlug}.pdf` };
}
