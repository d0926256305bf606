import { z } from 'zod';
import { listProblemKinds } from '../../features/open-data/api-errors.ts';
import { DEFAULT_API_RATE_LIMITS, API_CACHE_CONTROL } from '../../features/open-data/api-http.ts';
import { absolute } from '../../features/open-data/api-links.ts';
import type { ApiReferenceInput } from '../../features/open-data/api-reference-input.ts';
import { OPENAPI_PATH } from '../../features/open-data/api-routes.ts';

/** One parameter as the reference page lists it. */
export interface ParameterView {
  name: string;
  where: 'path' | 'query' | 'body';
  required: boolean;
  description: string;
}

/** One route as the reference page shows it: what it does, its parameters and a working example. */
export interface RouteView {
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: ParameterView[];
  curl: string;
  /** The start of the example's answer, pretty-printed. */
  exampleAnswer: string;
  exampleCut: boolean;
}

/** What the /api reference page shows. */
export interface ApiReferenceView {
  openApiUrl: string;
  quickStart: string;
  routes: RouteView[];
  problems: { anchor: string; status: number; title: string }[];
  cacheControl: string;
  limits: { read: string; compute: string };
}

const EXAMPLE_LINES = 40;

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function propertiesOf(schema: z.ZodObject, io: 'input' | 'output'): { name: string; required: boolean; description: string }[] {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({ name, required: (json.required ?? []).includes(name), description: property.description ?? '' }));
}

const perMinute = (limit: { capacity: number; refillSeconds: number }) =>
  `${limit.capacity} at once, then one every ${limit.refillSeconds < 1 ? `${limit.refillSeconds * 1000} ms` : `${limit.refillSeconds} s`}`;

/** Builds the reference page of /api/v1 from the gathered route examples, with a curl command and the real answer of each. */
export function buildApiReferenceView({ context, examples }: ApiReferenceInput): ApiReferenceView {
  const routes = examples.map(({ route, path, body, answer }) => {
    const url = absolute(context, path);
    const curl = body === undefined ? `curl -s ${shellQuote(url)}` : `curl -s -X POST ${shellQuote(url)} \\\n  -H 'Content-Type: application/json' \\\n  -d ${shellQuote(JSON.stringify(body))}`;
    const lines = JSON.stringify(answer, null, 2).split('\n');
    const parameters: ParameterView[] = [
      ...route.pathParameters.map((parameter) => ({ name: parameter.name, where: 'path' as const, required: true, description: parameter.description })),
      ...(route.query ? propertiesOf(route.query, 'input').map((parameter) => ({ ...parameter, where: 'query' as const })) : []),
      ...(route.requestBody instanceof z.ZodObject ? propertiesOf(route.requestBody, 'input').map((parameter) => ({ ...parameter, where: 'body' as const })) : []),
    ];
    return {
      anchor: route.operationId,
      method: route.method,
      path: route.path,
      summary: route.summary,
      description: route.description,
      parameters,
      curl,
      exampleAnswer: lines.slice(0, EXAMPLE_LINES).join('\n'),
      exampleCut: lines.length > EXAMPLE_LINES,
    };
  });
  return {
    openApiUrl: absolute(context, OPENAPI_PATH),
    quickStart: routes.find((route) => route.anchor === 'getAssessment')?.curl ?? `curl -s ${shellQuote(absolute(context, '/api/v1/roles'))}`,
    routes,
    problems: listProblemKinds().map(({ anchor, status, title }) => ({ anchor, status, title })),
    cacheControl: API_CACHE_CONTROL,
    limits: { read: perMinute(DEFAULT_API_RATE_LIMITS.read), compute: perMinute(DEFAULT_API_RATE_LIMITS.compute) },
  };
}
