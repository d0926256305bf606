import { z } from 'zod';
import { CURRENT_METHODOLOGY, METHODOLOGIES } from '../../methodology/definition.ts';
import { periodChangesOf } from '../history-pages/history-queries.ts';
import { assessmentKey, type ReadModel } from '../read-model/read-model.ts';
import { answerRoleSearch } from '../read-model/role-search-answer.ts';
import { rankMovers, type Mover } from '../revisions/movers.ts';
import { normalizeQuery } from '../search/search-text.ts';
import { ApiError } from './api-errors.ts';
import { absolute, assessmentPaths, metaOf, type ApiContext } from './api-links.ts';
import { roleListItemOf } from './api-roles.ts';
import type { CategoriesResponse, MethodologyResponse, MoversResponse, OccupationResponse, SearchResponse } from './api.schemas.ts';

const DAY_MS = 86_400_000;
export const MAX_MOVERS_DAYS = 365;
export const DEFAULT_MOVERS_DAYS = 30;
export const MAX_MOVERS = 100;
export const DEFAULT_MOVERS = 20;
export const SEARCH_API_DEFAULT_LIMIT = 8;
export const SEARCH_API_MAX_LIMIT = 20;

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `a whole number from ${min} to ${max}`).max(max, `a whole number from ${min} to ${max}`));

/** The query of GET /api/v1/search: the words (at most 200 characters are read) and the number of results. */
export const SearchQuerySchema = z
  .object({
    q: z.string().default('').describe('Any job title or words from one, e.g. "rn" or "software developer" (at most 200 characters are read).'),
    limit: wholeNumber(1, SEARCH_API_MAX_LIMIT).default(SEARCH_API_DEFAULT_LIMIT).describe(`Results, 1–${SEARCH_API_MAX_LIMIT} (default ${SEARCH_API_DEFAULT_LIMIT}).`),
  })
  .strict();

/** The query of GET /api/v1/movers: the period in days back from now and how many of the largest moves. */
export const MoversQuerySchema = z
  .object({
    days: wholeNumber(1, MAX_MOVERS_DAYS).default(DEFAULT_MOVERS_DAYS).describe(`The period, 1–${MAX_MOVERS_DAYS} days back from now (default ${DEFAULT_MOVERS_DAYS}).`),
    limit: wholeNumber(1, MAX_MOVERS).default(DEFAULT_MOVERS).describe(`How many of the largest moves, 1–${MAX_MOVERS} (default ${DEFAULT_MOVERS}); zone changes are all listed.`),
  })
  .strict();

export type SearchQuery = z.output<typeof SearchQuerySchema>;
export type MoversQuery = z.output<typeof MoversQuerySchema>;

/** Answers GET /api/v1/search: today's typeahead answer (query, results, notInCatalog) with the metadata block. */
export function searchJobs(model: ReadModel, query: SearchQuery, context: ApiContext): SearchResponse {
  const text = normalizeQuery(query.q);
  const { hits, notInCatalog } = answerRoleSearch(model, text, query.limit);
  return {
    query: text,
    results: hits.map(({ slug, title, matchedTitle, onetCode, entry, url, explanation, description }) => ({
      slug,
      title,
      matchedTitle,
      onetCode,
      score: entry?.figures.score ?? null,
      zone: entry?.figures.zone ?? null,
      label: entry?.figures.label ?? null,
      url,
      explanation,
      description,
    })),
    notInCatalog,
    meta: metaOf(model, context, { title: `jobzone search: ${text}`, path: `/api/v1/search?q=${encodeURIComponent(text)}` }),
  };
}

/** Answers GET /api/v1/occupations/{onetCode}: O*NET facts, wages, projections, index percentiles and every assessment mapped to it. */
export function getOccupation(model: ReadModel, onetCode: string, context: ApiContext): OccupationResponse {
  const occupation = model.occupations.get(onetCode);
  if (!occupation) {
    const hint = /^\d{2}-\d{4}\.\d{2}$/.test(onetCode) ? 'it is not in the catalog' : 'O*NET codes look like 29-1141.00';
    throw new ApiError('api.not_found', `There is no occupation "${onetCode.slice(0, 40)}": ${hint}.`);
  }
  const roleSlugs = [occupation.slug, ...occupation.expertRoleSlugs];
  const assessments = roleSlugs.flatMap((slug) => {
    const role = model.roles.get(slug);
    return (role?.seniorities ?? []).flatMap((seniority) => {
      const entry = model.assessments.get(assessmentKey(slug, seniority));
      return entry ? [{ ...roleListItemOf(entry, context), api: absolute(context, assessmentPaths(slug, seniority).api) }] : [];
    });
  });
  const { expertRoleSlugs: _experts, indices, ...facts } = occupation;
  return {
    ...facts,
    indices: indices.map(({ index, value, percentile, crosswalked }) => ({ index, value, percentile, crosswalked })),
    relatedOnetCodes: [...occupation.relatedOnetCodes],
    assessments,
    meta: metaOf(model, context, { title: `${occupation.title} (O*NET ${occupation.onetCode})`, path: `/api/v1/occupations/${occupation.onetCode}` }),
  };
}

/** Answers GET /api/v1/categories: every category with its number of assessments by zone. */
export function listCategories(model: ReadModel, context: ApiContext): CategoriesResponse {
  return {
    categories: model.categories.map((category) => ({
      name: category.name,
      slug: category.slug,
      count: category.count,
      byZone: { ...category.byZone },
      roles: absolute(context, `/api/v1/roles?category=${category.slug}`),
    })),
    meta: metaOf(model, context, { title: 'jobzone categories', path: '/api/v1/categories' }),
  };
}

/** Answers GET /api/v1/methodology: the versioned definition of the current method, every constant, threshold and label. */
export function getMethodology(model: ReadModel, context: ApiContext): MethodologyResponse {
  const m = CURRENT_METHODOLOGY;
  const plain = <T>(value: T): T => structuredClone(value);
  return {
    version: m.version,
    name: m.name,
    versions: Object.keys(METHODOLOGIES),
    documentation: absolute(context, '/methodology'),
    ranges: plain(m.ranges),
    constants: { taskResistanceBase: m.taskResistanceBase, evidenceStep: m.evidenceStep, barrierStep: m.barrierStep, growthStep: m.growthStep, rawFloor: m.rawFloor, rawDivisor: m.rawDivisor },
    places: plain(m.places),
    zones: plain(m.zones),
    subLabels: plain(m.subLabels),
    quickScreen: plain(m.quickScreen),
    composition: plain(m.composition),
    defaultImpactByScore: Object.fromEntries(Object.entries(m.defaultImpactByScore).map(([score, impact]) => [score, impact])),
    taskScoreMeaning: Object.fromEntries(Object.entries(m.taskScoreMeaning)),
    protective: plain([...m.protective]),
    evidence: plain([...m.evidence]),
    barriers: plain([...m.barriers]),
    growthLabel: m.growthLabel,
    meta: metaOf(model, context, { title: m.name, path: '/api/v1/methodology', methodologyVersion: m.version }),
  };
}

function moverOf(mover: Mover, context: ApiContext) {
  const { roleSlug, seniority, title, category, fromRevision, toRevision, before, after, delta, zoneChanged } = mover;
  return { slug: roleSlug, seniority, title, category, fromRevision, toRevision, before, after, delta, zoneChanged, url: absolute(context, assessmentPaths(roleSlug, seniority).page) };
}

/** Answers GET /api/v1/movers: the largest score changes and every zone change over the last `days` days before `now`. */
export function listMovers(model: ReadModel, query: MoversQuery, now: Date, context: ApiContext): MoversResponse {
  const until = now;
  const since = new Date(now.getTime() - query.days * DAY_MS);
  const movers = rankMovers(periodChangesOf(model, since, until), { since, until }, query.limit);
  return {
    days: query.days,
    since: since.toISOString(),
    until: until.toISOString(),
    largest: movers.largest.map((mover) => moverOf(mover, context)),
    zoneChanges: movers.zoneChanges.map((mover) => moverOf(mover, context)),
    meta: metaOf(model, context, { title: `jobzone movers, last ${query.days} days`, path: `/api/v1/movers?days=${query.days}` }),
  };
}
