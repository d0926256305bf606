import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { committedReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';
import { createOpenData } from '../../features/open-data/open-data.usecases.ts';
import { createRateLimiter } from '../../features/rate-limits/rate-limits.usecases.ts';
import { DEFAULT_SUBSCRIPTION_LIMITS } from '../../features/subscriptions/subscriptions.usecases.ts';
import { openScratchPgliteStore } from '../../store/test-support/scratch-stores.ts';
import type { Database } from '../../store/database.ts';
import { DEFAULT_SIGN_IN_LIMITS, type SignInDependencies } from '../../features/accounts/sign-in.usecases.ts';
import { ensureSiteBuilt, SITE_CLIENT_ROOT, SITE_ENTRY, SITE_ISLANDS } from '../site-build.ts';
import { createWebServer, loadAstroHandler, loadServerIslands, type WebServer, type WebServerOptions } from '../web-server.ts';

/** The real web server (built Astro site, committed catalog, scratch store) listening on a free port in this process. */
export interface SiteUnderTest extends WebServer {
  url: string;
  /** The scratch store behind the site (accounts, rate limits, subscriptions). */
  db: Database;
  close: () => Promise<void>;
}

/** Starts the site in-process; the store is a scratch PGlite database and the read model is the committed catalog. */
export async function startSiteInProcess(
  overrides: Partial<Pick<WebServerOptions, 'bodyLimits' | 'renderCacheBounds' | 'trustedProxies' | 'apiRateLimits' | 'readModel' | 'astroHandler' | 'serverIslands' | 'prepareOnPublication' | 'log' | 'renderThreads'>> = {},
  options: { accounts?: Partial<SignInDependencies> } = {},
): Promise<SiteUnderTest> {
  await ensureSiteBuilt(() => undefined);
  const [model, scratch, astroHandler, serverIslands] = await Promise.all([
    committedReadModel(),
    openScratchPgliteStore(),
    loadAstroHandler(pathToFileURL(SITE_ENTRY).href),
    loadServerIslands(pathToFileURL(SITE_ISLANDS).href),
  ]);
  const openData = await createOpenData(scratch.store.db, 'http://localhost:4321');
  await openData.recordMonthlySnapshot(model);
  const web = createWebServer({
    readModel: { current: () => model, refresh: async () => model },
    publicUrl: 'http://localhost:4321',
    openData,
    subscriptions: { db: scratch.store.db, limiter: createRateLimiter(scratch.store.db), limits: DEFAULT_SUBSCRIPTION_LIMITS },
    clientRoot: SITE_CLIENT_ROOT,
    astroHandler,
    serverIslands,
    ...(options.accounts
      ? { accounts: { db: scratch.store.db, limiter: createRateLimiter(scratch.store.db), limits: DEFAULT_SIGN_IN_LIMITS, lifetime: { idleHours: 12, maxDays: 7 }, publicUrl: 'http://localhost:4321', ...options.accounts } }
      : {}),
    ...overrides,
  });
  await new Promise<void>((resolve) => web.server.listen(0, '127.0.0.1', resolve));
  const { port } = web.server.address() as AddressInfo;
  return {
    ...web,
    url: `http://127.0.0.1:${port}`,
    db: scratch.store.db,
    close: async () => {
      web.server.closeAllConnections();
      await new Promise((resolve) => web.server.close(resolve));
      await scratch.dispose();
    },
  };
}

/** A raw answer: status line, headers and the body bytes exactly as sent (still compressed). */
export interface RawAnswer {
  status: number;
  statusMessage: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Sends one request with node:http, which keeps the reason phrase and does not decompress. */
export function send(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: Buffer | string; chunks?: (Buffer | string)[]; chunkDelayMs?: number } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}${path}`, { method, headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, statusMessage: response.statusMessage ?? '', headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    if (options.chunks) {
      const pending = [...options.chunks];
      const next = () => {
        const chunk = pending.shift();
        if (chunk === undefined) return void request.end();
        if (!request.destroyed) request.write(chunk);
        setTimeout(next, options.chunkDelayMs ?? 0);
      };
      next();
    } else request.end(options.body);
  });
}
