/**
 * The real web server (built Astro site, /api/v1, render cache) over the committed catalog's read
 * model, with the API's per-client rate limits switched off: the throughput benchmark measures
 * serving, and one load generator from one address would otherwise be limited to 2 requests a second.
 *
 * Usage: node bench/support/api-site.ts <port>   (prints "jobzone is running" when listening)
 */
import { pathToFileURL } from 'node:url';
import { createOpenData } from '../../src/features/open-data/open-data.usecases.ts';
import { createRateLimiter } from '../../src/features/rate-limits/rate-limits.usecases.ts';
import { committedReadModel } from '../../src/features/site-pages/test-support/read-model-fixture.ts';
import { DEFAULT_SUBSCRIPTION_LIMITS } from '../../src/features/subscriptions/subscriptions.usecases.ts';
import { ensureSiteBuilt, SITE_CLIENT_ROOT, SITE_ENTRY } from '../../src/server/site-build.ts';
import { createWebServer, loadAstroHandler } from '../../src/server/web-server.ts';
import { openScratchPgliteStore } from '../../src/store/test-support/scratch-stores.ts';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error(`expected a port number, found "${process.argv[2] ?? ''}"`);
await ensureSiteBuilt((line) => process.stderr.write(`${line}\n`));
const [model, scratch, astroHandler] = await Promise.all([committedReadModel(), openScratchPgliteStore(), loadAstroHandler(pathToFileURL(SITE_ENTRY).href)]);
const publicUrl = `http://127.0.0.1:${port}`;
const { server } = createWebServer({
  readModel: { current: () => model, refresh: async () => model },
  publicUrl,
  openData: await createOpenData(scratch.store.db, publicUrl),
  subscriptions: { db: scratch.store.db, limiter: createRateLimiter(scratch.store.db), limits: DEFAULT_SUBSCRIPTION_LIMITS },
  clientRoot: SITE_CLIENT_ROOT,
  astroHandler,
  apiRateLimits: null,
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`jobzone is running at http://127.0.0.1:${port}/\n`));
const stop = () => {
  server.closeAllConnections();
  server.close();
  void scratch.dispose().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
