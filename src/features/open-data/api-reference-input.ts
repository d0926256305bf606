import type { ReadModel } from '../read-model/read-model.ts';
import type { ApiContext } from './api-links.ts';
import { routeExamples, type RouteExample } from './api-openapi.ts';

/** What the /api reference page shows, gathered before the page is built: each route's example with its real answer. */
export interface ApiReferenceInput {
  context: ApiContext;
  examples: readonly RouteExample[];
}

/** Gathers every route's example request and the answer the read model gives it. */
export function gatherApiReferenceInput(model: ReadModel, context: ApiContext): ApiReferenceInput {
  return { context, examples: routeExamples(model, context) };
}
