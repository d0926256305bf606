import { findAssessment, searchRoles } from '../read-model/read-model.queries.ts';
import type { AssessmentEntry, OccupationEntry, ReadModel } from '../read-model/read-model.ts';
import { socGroupTitleOf } from '../read-model/soc-group.ts';

/** At most this many roles are read from the address; more could never be shown. */
export const COMPARE_TOKENS_READ = 12;

/** A role found for the comparison, with the address token that names it and what its card shows besides the assessment. */
export interface ComparedRole {
  /** The role's slug at its default level, otherwise "slug/seniority". */
  token: string;
  entry: AssessmentEntry;
  occupation: OccupationEntry | null | undefined;
  socGroupTitle: string | null;
}

/** What one token of ?roles= named: a role, a role at a level it is not assessed at, or nothing. */
export type TokenResolution =
  | { kind: 'found'; role: ComparedRole }
  | { kind: 'unknown-role'; slug: string }
  | { kind: 'unknown-level'; seniority: string | undefined; roleTitle: string; seniorities: readonly string[] };

/** Everything the compare page is built from, gathered from the address and the read model. */
export interface CompareInput {
  /** The tokens read, in order, and how many more the address named. */
  requested: readonly string[];
  unread: number;
  /** One resolution per requested token, in the same order (repeats of one assessment included). */
  resolutions: readonly TokenResolution[];
  /** The trimmed ?add= query, or "" when none was given. */
  addQuery: string;
  /** The role ?add= found (by address, then by title), null when it matched none; undefined without ?add=. */
  addition: ComparedRole | null | undefined;
}

/** Splits the roles parameter into tokens ("a, b/senior,,a" → ["a", "b/senior"]), lower-cased and without repeats; reads at most `limit` of them. */
export function parseRoleTokens(raw: string | null | undefined, limit = COMPARE_TOKENS_READ): { tokens: string[]; unread: number } {
  const tokens = (raw ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase().replace(/^\/+|\/+$/g, ''))
    .filter((token) => token !== '');
  const unique = [...new Set(tokens)];
  return { tokens: unique.slice(0, limit), unread: Math.max(0, unique.length - limit) };
}

function comparedRole(model: ReadModel, entry: AssessmentEntry): ComparedRole {
  const token = model.roles.get(entry.roleSlug)?.defaultSeniority === entry.seniority ? entry.roleSlug : entry.key;
  const occupation = entry.onetCode ? model.occupations.get(entry.onetCode) : null;
  return { token, entry, occupation, socGroupTitle: socGroupTitleOf(model, occupation) };
}

function resolveToken(model: ReadModel, token: string): TokenResolution {
  const [slug = '', seniority] = token.split('/');
  const role = model.roles.get(slug);
  if (!role) return { kind: 'unknown-role', slug };
  const found = findAssessment(model, slug, seniority);
  if (!found) return { kind: 'unknown-level', seniority, roleTitle: role.title, seniorities: role.seniorities };
  return { kind: 'found', role: comparedRole(model, found.entry) };
}

function resolveAddition(model: ReadModel, query: string): ComparedRole | null {
  const exact = findAssessment(model, query.toLowerCase());
  const entry = exact ? exact.entry : searchRoles(model, query, 5).find((each) => each.entry !== null)?.entry;
  return entry ? comparedRole(model, entry) : null;
}

/** Gathers the compare page's roles from ?roles=a,b[/seniority]…&add=query. */
export function gatherCompareInput(model: ReadModel, params: URLSearchParams): CompareInput {
  const { tokens, unread } = parseRoleTokens(params.get('roles'));
  const addQuery = (params.get('add') ?? '').trim();
  return {
    requested: tokens,
    unread,
    resolutions: tokens.map((token) => resolveToken(model, token)),
    addQuery,
    addition: addQuery === '' ? undefined : resolveAddition(model, addQuery),
  };
}
