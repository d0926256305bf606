import { beforeAll, describe, expect, it } from 'vitest';
import { committedReadModel } from '../site-pages/test-support/read-model-fixture.ts';
import { historyReadModel, oneTask } from '../history-pages/test-support/history-fixture.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { getMethodology, getOccupation, listCategories, listMovers, MoversQuerySchema, searchJobs, SearchQuerySchema } from './api-catalog.ts';
import { ApiError } from './api-errors.ts';
import { computePersonalScore, parsePersonalScoreRequest } from './api-personal-score.ts';
import { parseQuery } from './api-query.ts';
import { getAssessment, getRevision, listRevisions, listRoles, parseRolesQuery } from './api-roles.ts';
import {
  AssessmentResponseSchema,
  CategoriesResponseSchema,
  MethodologyResponseSchema,
  MoversResponseSchema,
  OccupationResponseSchema,
  PersonalScoreResponseSchema,
  RevisionListSchema,
  RoleListSchema,
  SearchResponseSchema,
} from './api.schemas.ts';
import { explainScore, methodologyOf, scoreAssessment, toScoreJson } from '../../methodology/index.ts';

const context = { publicUrl: 'https://jobzone.test' };
let model: ReadModel;
const rolesQuery = (query: string) => parseRolesQuery(new URLSearchParams(query));

function apiErrorOf(action: () => unknown): ApiError {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

beforeAll(async () => {
  model = await committedReadModel();
}, 60_000);

describe('listing roles', () => {
  it('pages through every filtered assessment exactly once with the cursor, in score order', () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let previous = Number.POSITIVE_INFINITY;
    do {
      const page = listRoles(model, rolesQuery(`zone=green&limit=100${cursor ? `&cursor=${cursor}` : ''}`), context);
      expect(RoleListSchema.parse(page)).toEqual(page);
      for (const item of page.items) {
        expect(item.zone).toBe('Green');
        expect(item.score).toBeLessThanOrEqual(previous);
        previous = item.score;
        seen.push(`${item.slug}/${item.seniority}`);
      }
      cursor = page.nextCursor;
    } while (cursor);
    const expected = [...model.assessments.values()].filter((entry) => entry.figures.zone === 'Green').map((entry) => entry.key);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(expected.sort());
  });

  it('items carry exactly the fields the issue names, with an absolute page link', () => {
    const [item] = listRoles(model, rolesQuery('status=expert&limit=1'), context).items;
    expect(Object.keys(item ?? {}).sort()).toEqual(['category', 'onetCode', 'score', 'seniority', 'slug', 'status', 'subLabel', 'title', 'url', 'zone']);
    expect(item?.url).toBe(`https://jobzone.test/roles/${item?.slug}/${item?.seniority}`);
  });

  it('filters by score range, seniority and category and sorts by title', () => {
    const sample = model.ranked.find((entry) => entry.seniority === 'all-levels' && entry.figures.score >= 30 && entry.figures.score <= 60);
    const category = model.categories.find((candidate) => candidate.name === sample?.category);
    const page = listRoles(model, rolesQuery(`category=${category?.slug}&minScore=30&maxScore=60&seniority=all-levels&sort=title&limit=100`), context);
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.category).toBe(category?.name);
      expect(item.score).toBeGreaterThanOrEqual(30);
      expect(item.score).toBeLessThanOrEqual(60);
      expect(item.seniority).toBe('all-levels');
    }
    const titles = page.items.map((item) => item.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('refuses a huge limit, unknown filters, a forged cursor and a cursor of another sort, naming the field', () => {
    expect(apiErrorOf(() => rolesQuery('limit=1000000')).errors).toEqual([{ field: 'limit', message: 'at most 100 items per page' }]);
    expect(apiErrorOf(() => rolesQuery('colour=blue')).errors[0]).toEqual({ field: 'colour', message: expect.stringContaining('accepts category, zone, status') });
    expect(apiErrorOf(() => rolesQuery('zone=purple')).errors[0]?.field).toBe('zone');
    expect(apiErrorOf(() => rolesQuery(`seniority=${'x'.repeat(500)}`)).errors[0]).toEqual({ field: 'seniority', message: 'at most 200 characters; got 500' });
    expect(apiErrorOf(() => rolesQuery(`cursor=${'x'.repeat(5000)}`)).errors[0]?.field).toBe('cursor');
    expect(apiErrorOf(() => listRoles(model, rolesQuery('cursor=not-a-cursor'), context)).errors[0]?.field).toBe('cursor');
    const { nextCursor } = listRoles(model, rolesQuery('limit=2'), context);
    expect(apiErrorOf(() => listRoles(model, rolesQuery(`sort=title&cursor=${nextCursor}`), context)).errors[0]?.message).toContain('sort=score-desc');
    expect(apiErrorOf(() => listRoles(model, rolesQuery('category=no-such-category'), context)).errors[0]?.field).toBe('category');
    expect(apiErrorOf(() => listRoles(model, rolesQuery('minScore=60&maxScore=30'), context)).errors[0]?.field).toBe('minScore');
  });
});

describe('one assessment', () => {
  it('carries every figure exactly as `jobzone score --json` prints it, the document, revision and a permanent link', () => {
    const entry = model.ranked.find((candidate) => candidate.status === 'expert');
    if (!entry) throw new Error('the committed catalog has expert assessments');
    const answer = getAssessment(model, entry.roleSlug, entry.seniority, context);
    expect(AssessmentResponseSchema.parse(answer)).toEqual(answer);
    expect(answer.figures).toEqual(toScoreJson(scoreAssessment(entry.assessment, methodologyOf(entry.assessment.methodology)), explainScore(entry.assessment, methodologyOf(entry.assessment.methodology))));
    expect(answer.revision.number).toBe(entry.revision.number);
    expect(answer.meta.permalink).toBe(`https://jobzone.test/api/v1/roles/${entry.roleSlug}/${entry.seniority}/revisions/${entry.revision.number}`);
    expect(answer.meta.citation.text).toContain(`revision ${entry.revision.number}`);
    expect(answer.document).toMatchObject({ role: { slug: entry.roleSlug } });
  });

  it('says which seniorities a role has when another is asked for, and that an unknown role is not there', () => {
    const role = [...model.roles.values()][0];
    expect(apiErrorOf(() => getAssessment(model, role?.slug ?? '', 'no-level', context)).message).toContain(`assessed at ${role?.seniorities.join(', ')}`);
    expect(apiErrorOf(() => getAssessment(model, 'no-such-role', 'all-levels', context)).code).toBe('api.not_found');
  });
});

describe('revisions', () => {
  const history = () =>
    historyReadModel([{ onetCode: '15-1252.00', title: 'Software Developers', zone: 'Yellow', revisions: [{ at: '2026-01-10', tasks: oneTask(3) }, { at: '2026-02-10', tasks: oneTask(5) }] }]);

  it('lists every revision oldest first and serves any past one as published', () => {
    const sample = history();
    const entry = [...sample.assessments.values()][0];
    if (!entry) throw new Error('one sample assessment');
    const list = listRevisions(sample, entry.roleSlug, entry.seniority, context);
    expect(RevisionListSchema.parse(list)).toEqual(list);
    expect(list.revisions.map((revision) => [revision.number, revision.zone])).toEqual([
      [1, 'Yellow'],
      [2, 'Red'],
    ]);
    const first = getRevision(sample, entry.roleSlug, entry.seniority, '1', context);
    expect(first.isCurrent).toBe(false);
    expect(first.figures.zone).toBe('Yellow');
    expect(getAssessment(sample, entry.roleSlug, entry.seniority, context).revision.number).toBe(2);
    expect(apiErrorOf(() => getRevision(sample, entry.roleSlug, entry.seniority, '3', context)).message).toContain('revisions 1 to 2');
    expect(apiErrorOf(() => getRevision(sample, entry.roleSlug, entry.seniority, '-1', context)).errors[0]?.field).toBe('n');
  });

  it('movers name the largest change of the period with its link', () => {
    const sample = history();
    const answer = listMovers(sample, parseQuery(new URLSearchParams('days=30'), MoversQuerySchema), new Date('2026-02-20T00:00:00Z'), context);
    expect(MoversResponseSchema.parse(answer)).toEqual(answer);
    expect(answer.zoneChanges).toHaveLength(1);
    expect(answer.largest[0]).toMatchObject({ fromRevision: 1, toRevision: 2, zoneChanged: true });
    expect(apiErrorOf(() => parseQuery(new URLSearchParams('days=10000'), MoversQuerySchema)).errors[0]?.field).toBe('days');
  });
});

describe('catalog answers', () => {
  it('an occupation carries its facts, index percentiles and every assessment mapped to it', () => {
    const occupation = [...model.occupations.values()].find((candidate) => candidate.expertRoleSlugs.length > 0);
    if (!occupation) throw new Error('some occupation has an expert role');
    const answer = getOccupation(model, occupation.onetCode, context);
    expect(OccupationResponseSchema.parse(answer)).toEqual(answer);
    expect(answer.assessments.map((item) => item.slug)).toEqual(expect.arrayContaining([occupation.slug, ...occupation.expertRoleSlugs]));
    expect(apiErrorOf(() => getOccupation(model, 'nurse', context)).message).toContain('29-1141.00');
  });

  it('search keeps its shape and adds the metadata block; categories and methodology validate', () => {
    const search = searchJobs(model, parseQuery(new URLSearchParams('q=rn'), SearchQuerySchema), context);
    expect(SearchResponseSchema.parse(search)).toEqual(search);
    expect(search.results[0]?.title).toBe('Registered Nurses');
    const categories = listCategories(model, context);
    expect(CategoriesResponseSchema.parse(categories)).toEqual(categories);
    expect(categories.categories.reduce((sum, category) => sum + category.count, 0)).toBe(model.assessments.size);
    const methodology = getMethodology(model, context);
    expect(MethodologyResponseSchema.parse(methodology)).toEqual(methodology);
    expect(methodology.zones.greenFrom).toBe('48');
  });
});

describe('personal score', () => {
  it('scores the same inputs as the report address and says what moved the score', () => {
    const answer = computePersonalScore(model, parsePersonalScoreRequest({ role: 'registered-nurses/all-levels', drop: [1], context: ['union'] }), context);
    expect(PersonalScoreResponseSchema.parse(answer)).toEqual(answer);
    expect(answer.attribution.map((step) => step.key)).toEqual(expect.arrayContaining(['drop', 'union']));
    expect(answer.report).toContain('/report?role=registered-nurses/all-levels');
  });

  it('names each field at fault', () => {
    const invalid = apiErrorOf(() => parsePersonalScoreRequest({ role: 'Registered Nurses', drop: ['x'], extra: 1 }));
    expect(invalid.code).toBe('api.invalid_body');
    expect(invalid.errors.map((error) => error.field).sort()).toEqual(['body', 'drop.0', 'role'].sort());
    expect(apiErrorOf(() => computePersonalScore(model, parsePersonalScoreRequest({ role: 'registered-nurses/senior-staff' }), context)).errors[0]?.field).toBe('role');
  });
});
