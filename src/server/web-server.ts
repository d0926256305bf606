import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createApiFront, isApiRequest, type ApiFront } from './api-front.ts';
import { createMcpHttpEndpoint, type McpHttpEndpoint } from '../mcp/mcp-http.ts';
import { DEFAULT_API_RATE_LIMITS, type ApiRateLimits } from '../features/open-data/api-http.ts';
import { createSyncedRateLimiter } from '../features/rate-limits/synced-rate-limiter.ts';
import type { ReadModel } from '../features/read-model/read-model.ts';
import { createMaterialisedPages, type MaterialisedPages } from './materialised-pages.ts';
import { renderCacheKeyOf } from '../features/render-cache/cache-keys.ts';
import { createRenderCache, DEFAULT_RENDER_CACHE_BOUNDS, etagFor, RENDER_CACHE_CONTROL, type CachedPage, type RenderCache, type RenderCacheBounds } from '../features/render-cache/render-cache.ts';
import type { OpenData } from '../features/open-data/open-data.usecases.ts';
import type { SubscriptionDependencies } from '../features/subscriptions/subscriptions.usecases.ts';
import { SECURITY_HEADERS } from '../web/lib/security-headers.ts';
import { createClientAddressResolver, type ClientAddressResolver } from './client-address.ts';
import type { ReadModelHolder } from './read-model-holder.ts';
import { declaresTooLargeBody, DEFAULT_BODY_LIMITS, readBoundedBody, type BodyLimits } from './request-body.ts';
import { createStaticFiles, type StaticFiles } from './static-files.ts';
import type { SignInDependencies } from '../features/accounts/sign-in.usecases.ts';
import { resumeSession } from '../features/accounts/sessions.usecases.ts';
import { readCookie, SESSION_COOKIE } from '../web/lib/studio-session.ts';
import { createRemoteCliEndpoint, isRemoteCliRequest } from './remote-cli-endpoint.ts';
import { isBodyless, plainPathOf, prepareFastAnswer, writeFastAnswer, type FastAnswer } from './fast-answers.ts';
import { createQueryPages, type QueryPages } from './query-pages.ts';
import { createReportRelatedFiles, type ReportRelatedFiles } from './report-related.ts';
import type { IslandRenderer } from '../presentation/query-pages/island-slot.ts';
import { createRenderPool, type RenderPool } from './render-threads/render-pool.ts';

type AstroHandler = (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void, locals?: object) => void | Promise<void>;

export interface WebServerOptions {
  readModel: ReadModelHolder;
  publicUrl: string;
  subscriptions: SubscriptionDependencies;
  /** The bulk files and monthly snapshots served under /data. */
  openData: OpenData;
  /** The built browser files (dist/client). */
  clientRoot: string;
  /** Astro's request handler from the built server bundle. */
  astroHandler: AstroHandler;
  /** The islands bundled beside it (`loadServerIslands`); with them search, compare and the report render without Astro (ADR 0171). */
  serverIslands?: IslandRenderer;
  /** Proxies whose X-Forwarded-For names the client (TRUST_PROXY); none by default. */
  trustedProxies?: readonly string[];
  /** Body size and time limits; tests pass shorter ones. */
  bodyLimits?: BodyLimits;
  /** Memory bounds of the render cache. */
  renderCacheBounds?: RenderCacheBounds;
  /** Sign-in, sessions and passkeys of the studio; without them every visitor is a reader. */
  accounts?: SignInDependencies;
  /** Per-client limits of /api/v1 (drawn from the subscriptions' store-backed limiter); null switches them off, for the throughput benchmark. */
  apiRateLimits?: ApiRateLimits | null;
  /** Renders every read-model page in the background once listening (ADR 0121); tests leave it off and call `materialised` themselves. */
  materialise?: boolean;
  /** Renders the pages a publication changes before the new read model is served; defaults to `materialise`. */
  prepareOnPublication?: boolean;
  /**
   * Worker threads that render search, compare and the report beside this one (ADR 0178): how many,
   * and the islands bundle they load. Needs `serverIslands` and a holder that tells each model's origin.
   */
  renderThreads?: { count: number; islandsEntry: string; maxQueuePerThread?: number };
  /** Where the server reports background work (pre-rendering); silent by default. */
  log?: (line: string) => void;
}

/** The web server and its render cache, which tests and the hardening probe inspect. */
export interface WebServer {
  server: Server;
  renderCache: RenderCache;
  /** The pages rendered ahead of requests; `renderAll` runs once the server listens when `materialise` is set. */
  materialised: MaterialisedPages;
  /** How many search, compare and report pages were rendered without Astro (ADR 0171). */
  queryPagesRendered: () => number;
  /** The render threads, when the server has them (ADR 0178). */
  renderPool: RenderPool | null;
}

const SERVED_METHODS = new Set(['GET', 'HEAD', 'POST']);
const ALLOW = [...SERVED_METHODS].join(', ');
// Methods HTTP defines that no jobzone address accepts get 405; the others Node parses (WebDAV and the like) 501.
// OPTIONS is answered under /api/ only: the CORS preflight of the API's POST.
const REFUSED_METHODS = new Set(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT']);

/** Creates the HTTP server: limits and security headers first, then built client files, cached pages, and every other page through Astro. */
export function createWebServer(options: WebServerOptions): WebServer {
  const renderCache = createRenderCache(options.renderCacheBounds ?? DEFAULT_RENDER_CACHE_BOUNDS);
  const staticFiles = createStaticFiles(options.clientRoot);
  const clientAddressOf = createClientAddressResolver(options.trustedProxies ?? []);
  const limits = options.bodyLimits ?? DEFAULT_BODY_LIMITS;
  const apiLimiter = createSyncedRateLimiter(options.subscriptions.limiter, {
    onSyncError: (error) => process.stderr.write(`could not record API rate limits in the store: ${error.message}\n`),
  });
  const mcp = createMcpHttpEndpoint({ readModel: () => options.readModel.current(), publicUrl: options.publicUrl }, limits.maxBodyBytes);
  const api = createApiFront({
    readModel: () => options.readModel.current(),
    publicUrl: options.publicUrl,
    limiter: apiLimiter,
    limits: options.apiRateLimits === undefined ? DEFAULT_API_RATE_LIMITS : options.apiRateLimits,
    clientAddressOf: (request) => clientAddressOf(request.socket.remoteAddress, request.headers['x-forwarded-for']),
  });
  const remoteCli = options.accounts ? createRemoteCliEndpoint(options.accounts.db) : null;
  const localsFor = (readModel: ReadModel, clientAddress: string, signedIn: SignedIn | null = null): App.Locals => ({
    readModel,
    publicUrl: options.publicUrl,
    subscriptions: options.subscriptions,
    openData: options.openData,
    renderCache,
    clientAddress,
    api: { limiter: apiLimiter, limits: options.apiRateLimits === undefined ? DEFAULT_API_RATE_LIMITS : options.apiRateLimits },
    actor: signedIn?.actor ?? null,
    session: signedIn ? { sessionId: signedIn.sessionId, secret: signedIn.secret, csrfToken: signedIn.csrfToken } : null,
    csrfToken: signedIn?.csrfToken ?? null,
    accounts: options.accounts ?? null,
  });
  const materialised = createMaterialisedPages({
    handler: options.astroHandler,
    cache: renderCache,
    current: () => options.readModel.current(),
    localsFor: (model) => localsFor(model, '127.0.0.1'),
    log: options.log ?? (() => undefined),
  });
  const { originOf } = options.readModel;
  const renderPool =
    options.serverIslands && originOf && options.renderThreads && options.renderThreads.count > 0
      ? createRenderPool({ threads: options.renderThreads.count, islandsEntry: options.renderThreads.islandsEntry, maxQueuePerThread: options.renderThreads.maxQueuePerThread, publicUrl: options.publicUrl, originOf, current: () => options.readModel.current(), log: options.log })
      : null;
  const queryPages = options.serverIslands
    ? createQueryPages({ handler: options.astroHandler, cache: renderCache, localsFor: (model) => localsFor(model, '127.0.0.1'), publicUrl: options.publicUrl, islands: options.serverIslands, log: options.log ?? (() => undefined), threads: renderPool })
    : null;
  const reportRelated = createReportRelatedFiles();
  const prepares = (options.prepareOnPublication ?? options.materialise) === true;
  // The threads build the new version on their own core while this one pre-renders its pages.
  const stopPreparing = prepares || renderPool ? options.readModel.beforeSwap?.(async (next, previous) => void (await Promise.all([renderPool?.follow(next), prepares ? materialised.prepareSwap(next, previous) : undefined]))) : undefined;
  let servedVersion = 0;
  const server = createServer((request, response) => {
    const version = options.readModel.current().version;
    // The holder swaps models only once the new version's pages are prepared; from then on they are served.
    if (version !== servedVersion) {
      renderCache.serve(version);
      servedVersion = version;
    }
    if (isApiRequest(request.url) ? api.answerStored(request, response) : answerStoredPage(request, response, renderCache, version)) return;
    void handle({ options, renderCache, staticFiles, clientAddressOf, limits, mcp, api, remoteCli, localsFor, queryPages, reportRelated }, request, response);
  });
  if (options.materialise) server.once('listening', () => void materialised.renderAll());
  server.on('close', () => {
    stopPreparing?.();
    void mcp.close();
    void renderPool?.close();
  });
  return { server, renderCache, materialised, queryPagesRendered: () => queryPages?.rendered() ?? 0, renderPool };
}

interface Context {
  options: WebServerOptions;
  renderCache: RenderCache;
  staticFiles: StaticFiles;
  clientAddressOf: ClientAddressResolver;
  limits: BodyLimits;
  mcp: McpHttpEndpoint;
  remoteCli: ReturnType<typeof createRemoteCliEndpoint> | null;
  localsFor: (readModel: ReadModel, clientAddress: string, signedIn?: SignedIn | null) => App.Locals;
  api: ApiFront;
  queryPages: QueryPages | null;
  reportRelated: ReportRelatedFiles;
}

function refuse(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  // A refused body may still be arriving: close the connection rather than read the rest of it.
  response.writeHead(status, STATUS_CODES[status], { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close', ...headers });
  response.end(`${message}\n`);
}

function refuseMethod(request: IncomingMessage, response: ServerResponse): void {
  const method = request.method ?? '';
  if (REFUSED_METHODS.has(method)) refuse(response, 405, `${method} is not accepted here; jobzone answers ${ALLOW}.`, { allow: ALLOW });
  else refuse(response, 501, `${method} is not supported by jobzone; use ${ALLOW}.`, { allow: ALLOW });
}

const fastPages = new WeakMap<CachedPage, FastAnswer>();

/** The prepared answer of a stored page, made on its first hit and kept as long as the page is. */
function fastAnswerOfPage(page: CachedPage): FastAnswer {
  let answer = fastPages.get(page);
  if (!answer) {
    answer = prepareFastAnswer(page.bodies, {
      status: page.status,
      headers: { ...page.headers, 'cache-control': RENDER_CACHE_CONTROL, 'x-render-cache': 'hit' },
      etagFor: (coding) => etagFor(page.etag, coding),
    });
    fastPages.set(page, answer);
  }
  return answer;
}

/**
 * Answers a stored page before anything else runs (ADR 0120): no header object, URL object, Astro
 * request or middleware — a lookup and one writeHead. Only bodiless GET and HEAD requests qualify,
 * so the body limits and method checks of `handle` still see every other request.
 */
function answerStoredPage(request: IncomingMessage, response: ServerResponse, cache: RenderCache, version: number): boolean {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || !isBodyless(request)) return false;
  const url = request.url ?? '';
  if (url.startsWith('/api/')) return false;
  let key = plainPathOf(url);
  if (key === null) {
    try {
      key = renderCacheKeyOf(new URL(url, 'http://localhost'));
    } catch {
      return false;
    }
    if (key === null) return false;
  }
  const page = cache.get(version, key);
  return page !== undefined && writeFastAnswer(request, response, fastAnswerOfPage(page));
}

async function handle(context: Context, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { options, limits } = context;
  try {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const isApiPreflight = request.method === 'OPTIONS' && (request.url ?? '').startsWith('/api/');
    if (!SERVED_METHODS.has(request.method ?? '') && !isApiPreflight) return refuseMethod(request, response);
    if (declaresTooLargeBody(request, limits)) return refuse(response, 413, `Requests to jobzone may carry at most ${limits.maxBodyBytes / 1024} KB.`);
    let body: Buffer | null = null;
    if (request.method === 'POST') {
      const outcome = await readBoundedBody(request, limits);
      if (outcome.kind === 'too-large') return refuse(response, 413, `Requests to jobzone may carry at most ${limits.maxBodyBytes / 1024} KB.`);
      if (outcome.kind === 'too-slow') return refuse(response, 408, `The request body did not arrive within ${limits.bodyTimeoutMs / 1000} s; please send it again.`);
      // Astro reads a body already read by the server from request.body instead of the stream.
      (request as IncomingMessage & { body?: Buffer }).body = outcome.body;
      body = outcome.body;
    }
    if (context.mcp.handles(request.url)) return await context.mcp.serve(request, response, body);
    if (context.remoteCli && isRemoteCliRequest(request.url)) return await context.remoteCli(request, response, body);
    if (isApiRequest(request.url)) return await context.api.serve(request, response, body, context.clientAddressOf(request.socket.remoteAddress, request.headers['x-forwarded-for']));
    if (await context.staticFiles.serve(request, response)) return;
    if (isBodyless(request) && context.reportRelated.serve(request, response, options.readModel.current())) return;
    if (context.queryPages && isBodyless(request) && (await context.queryPages.serve(request, response, options.readModel.current()))) return;
    const signedIn = await sessionOf(options.accounts, request);
    const locals = context.localsFor(options.readModel.current(), context.clientAddressOf(request.socket.remoteAddress, request.headers['x-forwarded-for']), signedIn);
    await options.astroHandler(request, response, undefined, locals);
  } catch (error) {
    process.stderr.write(`error serving ${request.method} ${request.url?.slice(0, 200)}: ${(error as Error).message}\n`);
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Something went wrong on our side. Please try again.');
  }
}

// Only requests carrying the session cookie reach the store; readers never do.
type SignedIn = NonNullable<Awaited<ReturnType<typeof sessionOf>>>;

async function sessionOf(accounts: SignInDependencies | undefined, request: IncomingMessage) {
  const secret = accounts ? readCookie(request.headers.cookie, SESSION_COOKIE) : null;
  if (!accounts || secret === null) return null;
  const open = await resumeSession(accounts.db, secret, accounts.lifetime);
  return open ? { ...open, secret } : null;
}

/** Loads the islands the site build bundles for the server (dist/server/islands.mjs). */
export async function loadServerIslands(entry: string): Promise<IslandRenderer> {
  const module = (await import(entry)) as { renderIslandHtml?: IslandRenderer };
  if (typeof module.renderIslandHtml !== 'function') throw new Error(`${entry} has no renderIslandHtml; rebuild the site with "npm run build"`);
  return module.renderIslandHtml;
}

/** Loads Astro's handler from the built server bundle. */
export async function loadAstroHandler(entry: string): Promise<AstroHandler> {
  const module = (await import(entry)) as { handler?: AstroHandler };
  if (typeof module.handler !== 'function') throw new Error(`${entry} has no request handler; rebuild the site with "npx astro build"`);
  return module.handler;
}
