import { beforeAll, describe, expect, it } from 'vitest';
import { committedReadModel } from '../site-pages/test-support/read-model-fixture.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { buildOpenApiDocument, routeExamples } from './api-openapi.ts';
import { API_ROUTES, OPENAPI_PATH } from './api-routes.ts';

const context = { publicUrl: 'https://jobzone.test' };
let model: ReadModel;
type Json = Record<string, unknown>;

beforeAll(async () => {
  model = await committedReadModel();
}, 60_000);

function resolve(document: Json, ref: string): unknown {
  expect(ref.startsWith('#/')).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], document);
}

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('documents every route of the router, and nothing the router does not serve', () => {
    const document = buildOpenApiDocument(model, context) as { paths: Record<string, Json> };
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual([...API_ROUTES.map((route) => `${route.method} ${route.path}`), `GET ${OPENAPI_PATH}`].sort());
  });

  it('every documented example is a real answer that validates against its route’s schema', () => {
    for (const example of routeExamples(model, context)) {
      const checked = example.route.response.safeParse(example.answer);
      expect(checked.success, `${example.route.operationId}: ${checked.error?.message ?? ''}`).toBe(true);
      if (example.route.requestBody) expect(example.route.requestBody.safeParse(example.body).success).toBe(true);
    }
    const document = buildOpenApiDocument(model, context) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>> };
    for (const route of API_ROUTES) {
      const example = document.paths[route.path]?.[route.method.toLowerCase()]?.responses['200']?.content?.['application/json']?.example;
      expect(route.response.safeParse(example).success, route.operationId).toBe(true);
    }
  });

  it('is structurally valid OpenAPI 3.1: version, info, unique operation ids, declared path parameters, resolvable references', () => {
    const document = buildOpenApiDocument(model, context) as Json & { paths: Record<string, Record<string, Json>>; info: Json };
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof document.info.title).toBe('string');
    expect(typeof document.info.version).toBe('string');
    const operationIds: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      expect(path.startsWith('/')).toBe(true);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      for (const [method, operation] of Object.entries(item)) {
        expect(['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'trace']).toContain(method);
        operationIds.push(operation.operationId as string);
        const parameters = (operation.parameters ?? []) as { name: string; in: string; required?: boolean; schema?: unknown }[];
        const inPath = parameters.filter((parameter) => parameter.in === 'path');
        expect(inPath.map((parameter) => parameter.name).sort()).toEqual([...templated].sort());
        for (const parameter of parameters) {
          expect(['path', 'query', 'header', 'cookie']).toContain(parameter.in);
          expect(parameter.schema).toBeTypeOf('object');
          if (parameter.in === 'path') expect(parameter.required).toBe(true);
        }
        const responses = operation.responses as Record<string, { description?: unknown }>;
        expect(Object.keys(responses).length).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(responses)) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect(typeof response.description).toBe('string');
        }
      }
    }
    expect(new Set(operationIds).size).toBe(operationIds.length);
    for (const ref of refsIn(document)) expect(resolve(document, ref), ref).toBeTypeOf('object');
  });
});
