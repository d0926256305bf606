import type { ReadModel } from '../read-model/read-model.ts';
import { searchRoles, type RoleSearchHit } from '../read-model/read-model.queries.ts';
import type { InputProblem, PersonalInputs } from './personal-inputs.ts';
import { parseReportParams } from './report-params.ts';
import type { ReportSource } from './report-source.ts';
import { buildReportSource, reportNarrative, type ReportNarrative } from './report-source-builder.ts';

/** How many roles the search of /report lists, and how many a 404 for an unknown role suggests. */
export const REPORT_SEARCH_LIMIT = 10;
export const REPORT_SUGGESTION_LIMIT = 5;

/** The roles a search of /report found, best first. */
export type ReportSearchHits = readonly RoleSearchHit[];

/** The read-model version a report names its shared related-tasks file by (ADR 0174). */
export type ReportCatalog = Pick<ReadModel, 'version' | 'builtAt'>;

/** The role a report address names, with everything the report shows about it. */
export interface ReportRoleInput {
  kind: 'role';
  inputs: PersonalInputs;
  problems: InputProblem[];
  source: ReportSource;
  /** The narrative of the level the report is for (the `level` asked for, else the role's own). */
  narrative: ReportNarrative;
  catalog: ReportCatalog;
}

/** What /report shows for an address, gathered before the page is built. */
export type ReportPageInput =
  | { kind: 'search'; query: string; problems: InputProblem[]; hits: ReportSearchHits }
  | { kind: 'unknown-role'; slug: string; query: string; hits: ReportSearchHits }
  | ReportRoleInput;

/** What /report.pdf answers for an address, gathered before it is built: no search is needed. */
export type ReportPdfInput = { kind: 'no-role' } | { kind: 'unknown-role'; slug: string } | ReportRoleInput;

function gatherRole(model: ReadModel, inputs: PersonalInputs, problems: InputProblem[]): ReportRoleInput | null {
  const { slug, seniority } = inputs.role;
  const source = buildReportSource(model, slug, seniority);
  if (!source) return null;
  // canonicalInputs keeps an asked level other than the role's own, so this is the level the report shows.
  const narrative = reportNarrative(model, slug, inputs.level ?? source.seniority);
  return { kind: 'role', inputs, problems, source, narrative, catalog: { version: model.version, builtAt: model.builtAt } };
}

/** Gathers what /report shows: a role search when no role is named, suggestions for an unknown role, or the role's report data. */
export function gatherReportPageInput(model: ReadModel, params: URLSearchParams): ReportPageInput {
  const parsed = parseReportParams(params);
  if (!parsed.inputs) {
    const query = (params.get('q') ?? '').trim();
    return { kind: 'search', query, problems: parsed.problems, hits: query === '' ? [] : searchRoles(model, query, REPORT_SEARCH_LIMIT) };
  }
  const role = gatherRole(model, parsed.inputs, parsed.problems);
  if (role) return role;
  const { slug } = parsed.inputs.role;
  const query = slug.replace(/-/g, ' ');
  return { kind: 'unknown-role', slug, query, hits: query.trim() === '' ? [] : searchRoles(model, query, REPORT_SUGGESTION_LIMIT) };
}

/** Gathers what /report.pdf needs: whether a role is named and known, and that role's report data. */
export function gatherReportPdfInput(model: ReadModel, params: URLSearchParams): ReportPdfInput {
  const parsed = parseReportParams(params);
  if (!parsed.inputs) return { kind: 'no-role' };
  return gatherRole(model, parsed.inputs, parsed.problems) ?? { kind: 'unknown-role', slug: parsed.inputs.role.slug };
}
