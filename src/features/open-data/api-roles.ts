import { z } from 'zod';
import { categorySlug, assessmentKey, type AssessmentEntry, type ReadModel, type RevisionRecord } from '../read-model/read-model.ts';
import { ApiError } from './api-errors.ts';
import { absolute, assessmentPaths, citedName, metaOf, type ApiContext } from './api-links.ts';
import { invalidQuery, parseQuery } from './api-query.ts';
import type { AssessmentResponse, RevisionList, RoleList, RoleListItem } from './api.schemas.ts';

/** Largest page of GET /api/v1/roles. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;
// A cursor carries the last item's title; titles are far shorter than this.
const MAX_CURSOR_LENGTH = 1024;
export const ROLE_SORTS = ['score-desc', 'score-asc', 'title', 'updated'] as const;
export type RoleSort = (typeof ROLE_SORTS)[number];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slugParam = (what: string) => z.string().regex(SLUG, `a ${what} slug: lower-case words joined by "-"`);
const scoreParam = z
  .string()
  .regex(/^\d{1,3}(?:\.\d+)?$/, 'a score from 0 to 100, like 47.5')
  .transform(Number)
  .pipe(z.number().max(100, 'a score from 0 to 100'));

/** The query of GET /api/v1/roles: filters, sort, page size and cursor, every one optional. */
export const RolesQuerySchema = z
  .object({
    category: slugParam('category').optional().describe('A category slug from /api/v1/categories.'),
    zone: z
      .string()
      .transform((value) => value.charAt(0).toUpperCase() + value.slice(1).toLowerCase())
      .pipe(z.enum(['Green', 'Yellow', 'Red'], 'one of Green, Yellow, Red'))
      .optional()
      .describe('Green, Yellow or Red (any case).'),
    status: z.enum(['expert', 'baseline'], 'expert or baseline').optional().describe('expert (reviewed by an assessor) or baseline (derived from data).'),
    seniority: slugParam('seniority').optional().describe('A seniority slug, e.g. all-levels, entry-level, mid-level, senior.'),
    minScore: scoreParam.optional().describe('Only assessments scoring at least this (0–100).'),
    maxScore: scoreParam.optional().describe('Only assessments scoring at most this (0–100).'),
    sort: z.enum(ROLE_SORTS, `one of ${ROLE_SORTS.join(', ')}`).default('score-desc').describe('score-desc (default), score-asc, title or updated (newest first).'),
    limit: z
      .string()
      .regex(/^\d{1,12}$/, `a whole number from 1 to ${MAX_PAGE_SIZE}`)
      .transform(Number)
      .pipe(z.number().min(1, `a whole number from 1 to ${MAX_PAGE_SIZE}`).max(MAX_PAGE_SIZE, `at most ${MAX_PAGE_SIZE} items per page`))
      .default(DEFAULT_PAGE_SIZE)
      .describe(`Items per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`),
    cursor: z.string().max(MAX_CURSOR_LENGTH).optional().describe('The nextCursor of the previous page.'),
  })
  .strict();

export type RolesQuery = z.output<typeof RolesQuerySchema>;

/** Reads the query of GET /api/v1/roles, naming each parameter at fault. */
export function parseRolesQuery(params: URLSearchParams): RolesQuery {
  return parseQuery(params, RolesQuerySchema, { cursor: MAX_CURSOR_LENGTH });
}

// A cursor remembers the sort keys of the last item shown, so pages stay in order even when a publication moves items between requests.
const CursorSchema = z.object({ s: z.enum(ROLE_SORTS), k: z.string().max(200), c: z.number(), t: z.string().max(600), p: z.number() }).strict();
type Position = { key: string; score: number; title: string; publishedAt: number };

const positionOf = (entry: AssessmentEntry): Position => ({ key: entry.key, score: entry.figures.score, title: entry.title, publishedAt: entry.revision.publishedAt.getTime() });
const byKey = (a: Position, b: Position) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byTitle = (a: Position, b: Position) => a.title.localeCompare(b.title, 'en');

const ORDERS: Record<RoleSort, (a: Position, b: Position) => number> = {
  'score-desc': (a, b) => b.score - a.score || byTitle(a, b) || byKey(a, b),
  'score-asc': (a, b) => a.score - b.score || byTitle(b, a) || byKey(b, a),
  title: (a, b) => byTitle(a, b) || byKey(a, b),
  updated: (a, b) => b.publishedAt - a.publishedAt || byKey(a, b),
};

function encodeCursor(sort: RoleSort, position: Position): string {
  return Buffer.from(JSON.stringify({ s: sort, k: position.key, c: position.score, t: position.title, p: position.publishedAt }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, sort: RoleSort): Position {
  let parsed: z.ZodSafeParseResult<z.output<typeof CursorSchema>>;
  try {
    parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidQuery([{ field: 'cursor', message: 'not a cursor this API issued; pass the nextCursor of the previous page unchanged' }]);
  }
  if (!parsed.success) throw invalidQuery([{ field: 'cursor', message: 'not a cursor this API issued; pass the nextCursor of the previous page unchanged' }]);
  if (parsed.data.s !== sort) throw invalidQuery([{ field: 'cursor', message: `this cursor continues a list sorted by ${parsed.data.s}; pass sort=${parsed.data.s} with it or start again without a cursor` }]);
  return { key: parsed.data.k, score: parsed.data.c, title: parsed.data.t, publishedAt: parsed.data.p };
}

/** Shapes one assessment as a list item. */
export function roleListItemOf(entry: AssessmentEntry, context: ApiContext): RoleListItem {
  return {
    slug: entry.roleSlug,
    seniority: entry.seniority,
    title: entry.title,
    onetCode: entry.onetCode,
    category: entry.category,
    status: entry.status,
    score: entry.figures.score,
    zone: entry.figures.zone,
    subLabel: entry.figures.subLabel,
    url: absolute(context, assessmentPaths(entry.roleSlug, entry.seniority).page),
  };
}

/** Lists current assessments for GET /api/v1/roles: filtered, sorted, one page after the cursor. */
export function listRoles(model: ReadModel, query: RolesQuery, context: ApiContext): RoleList {
  if (query.category !== undefined && !model.categories.some((category) => category.slug === query.category)) {
    throw invalidQuery([{ field: 'category', message: `no category "${query.category}"; use a slug from /api/v1/categories, like ${model.categories[0]?.slug ?? 'management'}` }]);
  }
  if (query.minScore !== undefined && query.maxScore !== undefined && query.minScore > query.maxScore) {
    throw invalidQuery([{ field: 'minScore', message: `must not exceed maxScore (${query.maxScore})` }]);
  }
  const order = ORDERS[query.sort];
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, query.sort);
  const matching = model.ranked
    .filter(
      (entry) =>
        (query.category === undefined || categorySlug(entry.category) === query.category) &&
        (query.zone === undefined || entry.figures.zone === query.zone) &&
        (query.status === undefined || entry.status === query.status) &&
        (query.seniority === undefined || entry.seniority === query.seniority) &&
        (query.minScore === undefined || entry.figures.score >= query.minScore) &&
        (query.maxScore === undefined || entry.figures.score <= query.maxScore),
    )
    .map((entry) => ({ entry, position: positionOf(entry) }))
    .sort((a, b) => order(a.position, b.position));
  const start = after === null ? 0 : matching.findIndex(({ position }) => order(position, after) > 0);
  const page = start < 0 ? [] : matching.slice(start, start + query.limit);
  const last = page.at(-1);
  const hasMore = start >= 0 && start + query.limit < matching.length;
  return {
    items: page.map(({ entry }) => roleListItemOf(entry, context)),
    nextCursor: hasMore && last ? encodeCursor(query.sort, last.position) : null,
    meta: metaOf(model, context, { title: 'jobzone assessments', path: '/api/v1/roles' }),
  };
}

function findEntry(model: ReadModel, slug: string, seniority: string): AssessmentEntry {
  const entry = model.assessments.get(assessmentKey(slug, seniority));
  if (entry) return entry;
  const role = model.roles.get(slug);
  if (role) throw new ApiError('api.not_found', `${role.title} is not assessed at "${seniority.slice(0, 60)}"; it is assessed at ${role.seniorities.join(', ')}.`);
  throw new ApiError('api.not_found', `There is no role "${slug.slice(0, 100)}"; find roles with /api/v1/search?q= or /api/v1/roles.`);
}

function assessmentOf(model: ReadModel, entry: AssessmentEntry, record: RevisionRecord, context: ApiContext): AssessmentResponse {
  const paths = assessmentPaths(entry.roleSlug, entry.seniority);
  const isCurrent = record.number === entry.revision.number;
  const onetCode = record.document.role.onetCodes[0] ?? entry.onetCode;
  return {
    slug: entry.roleSlug,
    seniority: entry.seniority,
    title: entry.title,
    onetCode: entry.onetCode,
    category: entry.category,
    status: record.document.status,
    isCurrent,
    revision: { number: record.number, publishedAt: record.publishedAt.toISOString(), author: record.author, note: record.note, methodologyVersion: record.methodologyVersion },
    figures: record.figures,
    document: record.document as unknown as Record<string, unknown>,
    links: {
      self: absolute(context, isCurrent ? paths.api : paths.revision(record.number)),
      page: absolute(context, paths.page),
      revisions: absolute(context, paths.revisions),
      revision: absolute(context, paths.revision(record.number)),
      occupation: onetCode && model.occupations.has(onetCode) ? absolute(context, `/api/v1/occupations/${onetCode}`) : null,
      report: absolute(context, paths.report),
      methodology: absolute(context, '/api/v1/methodology'),
    },
    meta: metaOf(model, context, { title: citedName(entry.title, entry.seniority), path: paths.revision(record.number), revision: record.number, methodologyVersion: record.methodologyVersion }),
  };
}

/** Answers GET /api/v1/roles/{slug}/{seniority}: the current revision with every figure, its inputs and their provenance. */
export function getAssessment(model: ReadModel, slug: string, seniority: string, context: ApiContext): AssessmentResponse {
  const entry = findEntry(model, slug, seniority);
  const current = entry.revisions.at(-1) ?? { ...entry.revision, document: entry.assessment, figures: entry.figures };
  return assessmentOf(model, entry, current, context);
}

/** Answers GET /api/v1/roles/{slug}/{seniority}/revisions: every published revision, oldest first, with its headline figures. */
export function listRevisions(model: ReadModel, slug: string, seniority: string, context: ApiContext): RevisionList {
  const entry = findEntry(model, slug, seniority);
  const paths = assessmentPaths(entry.roleSlug, entry.seniority);
  return {
    slug: entry.roleSlug,
    seniority: entry.seniority,
    title: entry.title,
    current: entry.revision.number,
    revisions: entry.revisions.map((record) => ({
      number: record.number,
      publishedAt: record.publishedAt.toISOString(),
      author: record.author,
      note: record.note,
      methodologyVersion: record.methodologyVersion,
      score: record.figures.score,
      zone: record.figures.zone,
      subLabel: record.figures.subLabel,
      url: absolute(context, paths.revision(record.number)),
    })),
    meta: metaOf(model, context, { title: `${citedName(entry.title, entry.seniority)}: revisions`, path: paths.revisions }),
  };
}

/** Answers GET /api/v1/roles/{slug}/{seniority}/revisions/{n}: one past or current revision, exactly as published. */
export function getRevision(model: ReadModel, slug: string, seniority: string, number: string, context: ApiContext): AssessmentResponse {
  if (!/^[1-9]\d{0,5}$/.test(number)) throw invalidQuery([{ field: 'n', message: `a revision number (a whole number from 1); got "${number.slice(0, 20)}"` }]);
  const entry = findEntry(model, slug, seniority);
  const record = entry.revisions.find((revision) => revision.number === Number(number));
  if (!record) throw new ApiError('api.not_found', `${citedName(entry.title, entry.seniority)} has revisions 1 to ${entry.revision.number}; there is no revision ${number}.`);
  return assessmentOf(model, entry, record, context);
}
