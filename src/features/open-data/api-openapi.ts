import { z } from 'zod';
import { CURRENT_METHODOLOGY } from '../../methodology/definition.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { listProblemKinds } from './api-errors.ts';
import { absolute, type ApiContext } from './api-links.ts';
import { API_ROUTES, OPENAPI_PATH, type ApiRoute } from './api-routes.ts';
import { MetaSchema, ProblemSchema } from './api.schemas.ts';

type JsonObject = Record<string, unknown>;

/** One worked example of a route: the request and the answer the read model gives it. */
export interface RouteExample {
  route: ApiRoute;
  path: string;
  body?: unknown;
  answer: unknown;
}

/** Runs each route's example request against the read model, so documented examples are real answers. */
export function routeExamples(model: ReadModel, context: ApiContext, now: Date = model.builtAt): RouteExample[] {
  return API_ROUTES.map((route) => {
    const example = route.example(model);
    const url = new URL(example.path, 'http://example.invalid');
    const params = paramsOf(route.path, url.pathname);
    const answer = route.answer({ model, context, params, query: url.searchParams, body: example.body, now });
    return { route, path: example.path, ...(example.body === undefined ? {} : { body: example.body }), answer };
  });
}

function paramsOf(template: string, pathname: string): Record<string, string> {
  const names = template.split('/');
  const values = pathname.split('/');
  return Object.fromEntries(names.flatMap((name, index) => (name.startsWith('{') ? [[name.slice(1, -1), decodeURIComponent(values[index] ?? '')]] : [])));
}

/** Converts a zod schema to JSON Schema 2020-12 (what OpenAPI 3.1 uses), without the $schema line. */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
  return rest;
}

function componentName(route: ApiRoute): string {
  return `${route.operationId.charAt(0).toUpperCase()}${route.operationId.slice(1)}Response`;
}

function queryParameters(route: ApiRoute): JsonObject[] {
  if (!route.query) return [];
  const schema = jsonSchemaOf(route.query, 'input') as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: 'query', required: (schema.required ?? []).includes(name), description: description ?? name, schema: rest };
  });
}

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const RATE_HEADERS = {
  RateLimit: { description: 'Requests left in this client’s bucket and seconds until it is full: "read";r=119;t=1', schema: { type: 'string' } },
  'RateLimit-Policy': { description: 'The bucket’s size and refill window: "read";q=120;w=60', schema: { type: 'string' } },
};

function operationOf(route: ApiRoute, example: RouteExample): JsonObject {
  const parameters = [
    ...route.pathParameters.map((parameter) => ({ name: parameter.name, in: 'path', required: true, description: parameter.description, schema: { type: 'string', maxLength: 200 } })),
    ...queryParameters(route),
  ];
  const responses: JsonObject = {
    200: {
      description: route.summary,
      headers: { ...(route.method === 'GET' ? { ETag: { description: 'Strong entity tag of the body; send it back as If-None-Match.', schema: { type: 'string' } } } : {}), ...RATE_HEADERS },
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${componentName(route)}` }, example: example.answer } },
    },
    ...(route.method === 'GET' ? { 304: { description: 'Not modified: the If-None-Match tag is current.' } } : {}),
    400: problem('A query parameter is unknown, repeated, too long or out of range; errors names each.'),
    404: problem('Nothing at this address.'),
    ...(route.method === 'POST'
      ? { 413: problem('The body is over 64 KB.'), 415: problem('The body is not sent as application/json.'), 422: problem('The body is not valid; errors names each field at fault.') }
      : {}),
    429: { ...problem('Too many requests from this client’s network; wait Retry-After seconds.'), headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } }, ...RATE_HEADERS } },
  };
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.requestBody
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(route.requestBody, 'input'), example: example.body } } } }
      : {}),
    responses,
  };
}

/** Builds the OpenAPI 3.1 document of /api/v1 from the routes and their zod schemas, with real examples from the read model. */
export function buildOpenApiDocument(model: ReadModel, context: ApiContext): JsonObject {
  const examples = routeExamples(model, context);
  const paths: Record<string, JsonObject> = {};
  for (const example of examples) {
    const { route } = example;
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationOf(route, example) };
  }
  paths[OPENAPI_PATH] = {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This OpenAPI document',
      description: 'The OpenAPI 3.1 description of /api/v1, generated from the schemas the API validates its answers with.',
      responses: { 200: { description: 'The document.', content: { 'application/json': { schema: { type: 'object' } } } }, 304: { description: 'Not modified.' } },
    },
  };
  const schemas: Record<string, JsonObject> = { Meta: jsonSchemaOf(MetaSchema, 'output'), Problem: jsonSchemaOf(ProblemSchema, 'output') };
  for (const route of API_ROUTES) schemas[componentName(route)] = jsonSchemaOf(route.response, 'output');
  return {
    openapi: '3.1.1',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'jobzone API',
      version: `v1 (${CURRENT_METHODOLOGY.version})`,
      summary: 'AI job-displacement assessments (AIJRI): every figure, its inputs, provenance and history.',
      description: `Read-only JSON over the published catalog, plus the personal score. Every answer carries meta: the methodology version, the snapshot time, a permanent link and a suggested citation. Errors are RFC 9457 problems (${listProblemKinds()
        .map((kind) => `${kind.status} ${kind.title}`)
        .join(', ')}). Reference: ${absolute(context, '/api')}. Licences and the attribution the sources require: ${absolute(context, '/data')}.`,
    },
    servers: [{ url: context.publicUrl.replace(/\/$/, '') }],
    paths,
    components: { schemas },
  };
}
