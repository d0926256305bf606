import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { answerFromCache, createRenderCache, type RenderCache } from '../features/render-cache/render-cache.ts';
import type { SubscriptionDependencies } from '../features/subscriptions/subscriptions.usecases.ts';
import type { ReadModelHolder } from './read-model-holder.ts';
import { serveStaticFile } from './static-files.ts';

type AstroHandler = (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void, locals?: object) => void | Promise<void>;

export interface WebServerOptions {
  readModel: ReadModelHolder;
  publicUrl: string;
  subscriptions: SubscriptionDependencies;
  /** The built browser files (dist/client). */
  clientRoot: string;
  /** Astro's request handler from the built server bundle. */
  astroHandler: AstroHandler;
}

const RENDER_CACHE_PAGES = 2_000;

/** Creates the HTTP server: built client files first, then every page through Astro with the read model in `locals`. */
export function createWebServer(options: WebServerOptions): Server {
  const renderCache = createRenderCache(RENDER_CACHE_PAGES);
  return createServer((request, response) => {
    void handle(options, renderCache, request, response);
  });
}

// Repeat views are answered here, before Astro builds a request, matches a route and runs middleware.
function answerCachedPage(request: IncomingMessage, response: ServerResponse, cache: RenderCache, version: number): boolean {
  if (request.method !== 'GET' || !request.url || request.url.startsWith('/api/')) return false;
  const answer = answerFromCache(cache, version, request.url, request.headers['if-none-match'] ?? null);
  if (!answer) return false;
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body ?? undefined);
  return true;
}

async function handle(options: WebServerOptions, renderCache: RenderCache, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    if (await serveStaticFile(options.clientRoot, request, response)) return;
    const readModel = options.readModel.current();
    if (answerCachedPage(request, response, renderCache, readModel.version)) return;
    const locals: App.Locals = { readModel, publicUrl: options.publicUrl, subscriptions: options.subscriptions, renderCache };
    await options.astroHandler(request, response, undefined, locals);
  } catch (error) {
    process.stderr.write(`error serving ${request.method} ${request.url}: ${(error as Error).message}\n`);
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Something went wrong on our side. Please try again.');
  }
}

/** Loads Astro's handler from the built server bundle. */
export async function loadAstroHandler(entry: string): Promise<AstroHandler> {
  const module = (await import(entry)) as { handler?: AstroHandler };
  if (typeof module.handler !== 'function') throw new Error(`${entry} has no request handler; rebuild the site with "npx astro build"`);
  return module.handler;
}
