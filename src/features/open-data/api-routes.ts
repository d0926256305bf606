import { z } from 'zod';
import type { ReadModel } from '../read-model/read-model.ts';
import { getMethodology, getOccupation, listCategories, listMovers, MoversQuerySchema, searchJobs, SearchQuerySchema } from './api-catalog.ts';
import type { ApiContext } from './api-links.ts';
import { computePersonalScore, parsePersonalScoreRequest } from './api-personal-score.ts';
import { parseQuery } from './api-query.ts';
import { getAssessment, getRevision, listRevisions, listRoles, parseRolesQuery, RolesQuerySchema } from './api-roles.ts';
import {
  AssessmentResponseSchema,
  CategoriesResponseSchema,
  MethodologyResponseSchema,
  MoversResponseSchema,
  OccupationResponseSchema,
  PersonalScoreRequestSchema,
  PersonalScoreResponseSchema,
  RevisionListSchema,
  RoleListSchema,
  SearchResponseSchema,
} from './api.schemas.ts';

/** What a route's answer reads: the read model, the path parameters, the query, the JSON body and the clock. */
export interface ApiCall {
  model: ReadModel;
  context: ApiContext;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  now: Date;
}

/** A path parameter as the reference documents it. */
export interface PathParameter {
  name: string;
  description: string;
}

/** One route of /api/v1: how it is matched, what it answers and how it is documented. */
export interface ApiRoute {
  method: 'GET' | 'POST';
  /** The OpenAPI path template, e.g. /api/v1/roles/{slug}/{seniority}. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  pathParameters: readonly PathParameter[];
  query: z.ZodObject | null;
  requestBody: z.ZodType | null;
  response: z.ZodType;
  /** The rate-limit bucket the route draws from. */
  limit: 'read' | 'compute';
  /** A request worth showing as an example, built from what the read model holds. */
  example: (model: ReadModel) => { path: string; body?: unknown };
  answer: (call: ApiCall) => unknown;
}

// The search reads the first 200 characters, as it always has; longer text is cut, not refused, up to this.
const MAX_SEARCH_TEXT = 1000;
const SLUG_PARAMETER: PathParameter = { name: 'slug', description: 'The role’s slug, e.g. registered-nurses.' };
const SENIORITY_PARAMETER: PathParameter = { name: 'seniority', description: 'The seniority slug, e.g. all-levels or mid-level.' };
const noQuery = (call: ApiCall) => parseQuery(call.query, NO_QUERY);
// A route without parameters still refuses unknown ones, so a typo is reported instead of ignored.
const NO_QUERY = z.object({}).strict();

function exampleAssessment(model: ReadModel) {
  const entry = model.ranked.find((candidate) => candidate.status === 'expert' && candidate.revisions.length > 0) ?? model.ranked[0];
  return { slug: entry?.roleSlug ?? 'registered-nurses', seniority: entry?.seniority ?? 'all-levels', onetCode: entry?.onetCode ?? '29-1141.00' };
}

const rolePath = (model: ReadModel) => {
  const { slug, seniority } = exampleAssessment(model);
  return `/api/v1/roles/${slug}/${seniority}`;
};

/** Every route of /api/v1; the router, the OpenAPI document and the reference page all read this list. */
export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/roles',
    operationId: 'listRoles',
    summary: 'List assessments',
    description: 'Current assessments, filtered and sorted, one page at a time. Follow nextCursor until it is null.',
    pathParameters: [],
    query: RolesQuerySchema,
    requestBody: null,
    response: RoleListSchema,
    limit: 'read',
    example: () => ({ path: '/api/v1/roles?zone=green&status=expert&limit=2' }),
    answer: (call) => listRoles(call.model, parseRolesQuery(call.query), call.context),
  },
  {
    method: 'GET',
    path: '/api/v1/roles/{slug}/{seniority}',
    operationId: 'getAssessment',
    summary: 'One current assessment',
    description: 'The current revision: every figure exactly as `jobzone score --json` prints it, the document with every input and its provenance, the revision, and links.',
    pathParameters: [SLUG_PARAMETER, SENIORITY_PARAMETER],
    query: null,
    requestBody: null,
    response: AssessmentResponseSchema,
    limit: 'read',
    example: (model) => ({ path: rolePath(model) }),
    answer: (call) => (noQuery(call), getAssessment(call.model, call.params.slug ?? '', call.params.seniority ?? '', call.context)),
  },
  {
    method: 'GET',
    path: '/api/v1/roles/{slug}/{seniority}/revisions',
    operationId: 'listRevisions',
    summary: 'Revision history of an assessment',
    description: 'Every published revision, oldest first, with its headline figures and a permanent address.',
    pathParameters: [SLUG_PARAMETER, SENIORITY_PARAMETER],
    query: null,
    requestBody: null,
    response: RevisionListSchema,
    limit: 'read',
    example: (model) => ({ path: `${rolePath(model)}/revisions` }),
    answer: (call) => (noQuery(call), listRevisions(call.model, call.params.slug ?? '', call.params.seniority ?? '', call.context)),
  },
  {
    method: 'GET',
    path: '/api/v1/roles/{slug}/{seniority}/revisions/{n}',
    operationId: 'getRevision',
    summary: 'One revision of an assessment',
    description: 'Any past or the current revision, exactly as it was published. The address never changes: cite it.',
    pathParameters: [SLUG_PARAMETER, SENIORITY_PARAMETER, { name: 'n', description: 'The revision number, from 1.' }],
    query: null,
    requestBody: null,
    response: AssessmentResponseSchema,
    limit: 'read',
    example: (model) => ({ path: `${rolePath(model)}/revisions/1` }),
    answer: (call) => (noQuery(call), getRevision(call.model, call.params.slug ?? '', call.params.seniority ?? '', call.params.n ?? '', call.context)),
  },
  {
    method: 'GET',
    path: '/api/v1/occupations/{onetCode}',
    operationId: 'getOccupation',
    summary: 'One O*NET occupation',
    description: 'O*NET facts, wages, projections, published AI-exposure indices with their percentiles, and every assessment mapped to the occupation.',
    pathParameters: [{ name: 'onetCode', description: 'The O*NET-SOC code, e.g. 29-1141.00.' }],
    query: null,
    requestBody: null,
    response: OccupationResponseSchema,
    limit: 'read',
    example: (model) => ({ path: `/api/v1/occupations/${exampleAssessment(model).onetCode}` }),
    answer: (call) => (noQuery(call), getOccupation(call.model, call.params.onetCode ?? '', call.context)),
  },
  {
    method: 'GET',
    path: '/api/v1/search',
    operationId: 'searchJobs',
    summary: 'Search job titles',
    description: 'Job titles matching the words, best first, each with its role’s current score and zone and why it matched; notInCatalog says when the title has no occupation at all.',
    pathParameters: [],
    query: SearchQuerySchema,
    requestBody: null,
    response: SearchResponseSchema,
    limit: 'read',
    example: () => ({ path: '/api/v1/search?q=rn&limit=3' }),
    answer: (call) => searchJobs(call.model, parseQuery(call.query, SearchQuerySchema, { q: MAX_SEARCH_TEXT }), call.context),
  },
  {
    method: 'GET',
    path: '/api/v1/movers',
    operationId: 'listMovers',
    summary: 'Largest score changes',
    description: 'The largest score changes and every zone change over the last days.',
    pathParameters: [],
    query: MoversQuerySchema,
    requestBody: null,
    response: MoversResponseSchema,
    limit: 'read',
    example: () => ({ path: '/api/v1/movers?days=90' }),
    answer: (call) => listMovers(call.model, parseQuery(call.query, MoversQuerySchema), call.now, call.context),
  },
  {
    method: 'GET',
    path: '/api/v1/categories',
    operationId: 'listCategories',
    summary: 'Categories',
    description: 'Every category with its number of assessments by zone; use the slug to filter /api/v1/roles.',
    pathParameters: [],
    query: null,
    requestBody: null,
    response: CategoriesResponseSchema,
    limit: 'read',
    example: () => ({ path: '/api/v1/categories' }),
    answer: (call) => (noQuery(call), listCategories(call.model, call.context)),
  },
  {
    method: 'GET',
    path: '/api/v1/methodology',
    operationId: 'getMethodology',
    summary: 'The methodology definition',
    description: 'The versioned definition of the AIJRI method: every constant, range, threshold and label.',
    pathParameters: [],
    query: null,
    requestBody: null,
    response: MethodologyResponseSchema,
    limit: 'read',
    example: () => ({ path: '/api/v1/methodology' }),
    answer: (call) => (noQuery(call), getMethodology(call.model, call.context)),
  },
  {
    method: 'POST',
    path: '/api/v1/personal-score',
    operationId: 'personalScore',
    summary: 'Score a personal version of a role',
    description: 'The personal report’s engine: the same inputs as the /report address, as JSON (at most 64 KB). Answers the score, its band and what moved it.',
    pathParameters: [],
    query: null,
    requestBody: PersonalScoreRequestSchema,
    response: PersonalScoreResponseSchema,
    limit: 'compute',
    example: () => ({ path: '/api/v1/personal-score', body: { role: 'registered-nurses/all-levels', drop: [2], context: ['union'] } }),
    answer: (call) => (noQuery(call), computePersonalScore(call.model, parsePersonalScoreRequest(call.body), call.context)),
  },
];

/** The route serving the OpenAPI document itself; it is listed in the document too. */
export const OPENAPI_PATH = '/api/v1/openapi.json';

/** Finds the route of a method and path, with its path parameters; `allowed` lists the methods the path answers when the method is wrong. */
export function matchApiRoute(method: string, pathname: string): { route: ApiRoute; params: Record<string, string> } | { route: null; allowed: string[] } {
  const allowed: string[] = [];
  const segments = pathname.split('/');
  for (const route of API_ROUTES) {
    const template = route.path.split('/');
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = template.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith('{')) {
        if (segment === '') return false;
        try {
          params[part.slice(1, -1)] = decodeURIComponent(segment);
        } catch {
          return false;
        }
        return true;
      }
      return part === segment;
    });
    if (!matches) continue;
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, params };
    allowed.push(route.method);
  }
  return { route: null, allowed };
}
