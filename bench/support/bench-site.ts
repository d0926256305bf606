/**
 * The real web server (built Astro site, /api/v1, render cache, pre-rendering) over the committed
 * catalog's read model, for the throughput benchmarks. API rate limits are off: one load generator
 * from one address would otherwise be held to 2 requests a second.
 *
 * A publication is simulated on SIGUSR2: the read model is rebuilt with one more revision of the
 * role given as the second argument, through the same holder a store NOTIFY drives in production,
 * so pre-rendering and the atomic swap run exactly as after a real publication.
 *
 * Usage: node bench/support/bench-site.ts <port> <slug/seniority>
 * Prints "jobzone is running" when listening and "published version <n>" after each swap; on
 * SIGHUP, and after pre-rendering or preparing a publication, a "memory:" line (heap, external, ArrayBuffers).
 */
import { pathToFileURL } from 'node:url';
import { readCatalogToLoad } from '../../src/features/catalog/catalog-source.ts';
import { createOpenData } from '../../src/features/open-data/open-data.usecases.ts';
import { createRateLimiter } from '../../src/features/rate-limits/rate-limits.usecases.ts';
import { config } from '../../src/config/config.ts';
import { buildReadModel, type ReadModel, type ReadModelInput } from '../../src/features/read-model/read-model.ts';
import type { ModelOrigin } from '../../src/server/render-threads/messages.ts';
import { readModelInputOf } from '../../src/features/site-pages/test-support/read-model-fixture.ts';
import { DEFAULT_SUBSCRIPTION_LIMITS } from '../../src/features/subscriptions/subscriptions.usecases.ts';
import { holdReadModel } from '../../src/server/read-model-holder.ts';
import { ensureSiteBuilt, SITE_CLIENT_ROOT, SITE_ENTRY, SITE_ISLANDS } from '../../src/server/site-build.ts';
import { createWebServer, loadAstroHandler, loadServerIslands } from '../../src/server/web-server.ts';
import { openScratchPgliteStore } from '../../src/store/test-support/scratch-stores.ts';

const port = Number(process.argv[2]);
const publishedKey = process.argv[3] ?? '';
if (!Number.isInteger(port) || port <= 0) throw new Error(`expected a port number, found "${process.argv[2] ?? ''}"`);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
/** Where the resident memory goes: V8's heap, memory outside it (PGlite's WebAssembly memory, buffers) and the buffers alone. */
const memoryLine = () => {
  const usage = process.memoryUsage();
  return `memory: RSS ${mb(usage.rss)} MB = heap ${mb(usage.heapUsed)} MB used of ${mb(usage.heapTotal)} MB, external ${mb(usage.external)} MB (of which ArrayBuffers ${mb(usage.arrayBuffers)} MB), the rest code, stacks and allocator`;
};
const log = (line: string) => process.stderr.write(`${line}\n${/^(materialised|prepared version)/.test(line) ? `${memoryLine()}\n` : ''}`);

/** The input with `count` more revisions of one assessment, as the store would read it after publishing them. */
function withPublications(input: ReadModelInput, key: string, count: number): ReadModelInput {
  const [slug, seniority] = key.split('/');
  let found = false;
  const assessments = input.assessments.map((entry) => {
    if (entry.roleSlug !== slug || entry.seniority !== seniority) return entry;
    found = true;
    return { ...entry, revision: { ...entry.revision, number: entry.revision.number + count, publishedAt: new Date(), note: `Benchmark publication ${count}.` } };
  });
  if (!found) throw new Error(`no assessment ${key} to publish; pass slug/seniority of the committed catalog`);
  return { ...input, assessments };
}

await ensureSiteBuilt(log);
const [input, scratch, astroHandler] = await Promise.all([readCatalogToLoad().then(readModelInputOf), openScratchPgliteStore(), loadAstroHandler(pathToFileURL(SITE_ENTRY).href)]);
let publications = 0;
// Render threads (RENDER_THREADS, ADR 0178) follow each model from the input it was built from.
const origins = new WeakMap<ReadModel, ModelOrigin>();
const built = (from: ReadModelInput) => {
  const model = buildReadModel(from);
  origins.set(model, { input: from });
  return model;
};
const readModel = holdReadModel(built(input), async () => built(withPublications(input, publishedKey, publications)), log, undefined, (model) => origins.get(model));
const publicUrl = `http://127.0.0.1:${port}`;
const { server } = createWebServer({
  readModel,
  publicUrl,
  openData: await createOpenData(scratch.store.db, publicUrl),
  subscriptions: { db: scratch.store.db, limiter: createRateLimiter(scratch.store.db), limits: DEFAULT_SUBSCRIPTION_LIMITS },
  clientRoot: SITE_CLIENT_ROOT,
  astroHandler,
  serverIslands: await loadServerIslands(pathToFileURL(SITE_ISLANDS).href),
  renderThreads: { count: config.renderThreads, islandsEntry: pathToFileURL(SITE_ISLANDS).href },
  apiRateLimits: null,
  materialise: true,
  log,
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`jobzone is running at ${publicUrl}/ (${config.renderThreads} render threads)\n`));
process.on('SIGHUP', () => process.stderr.write(`${memoryLine()}\n`));
process.on('SIGUSR2', () => {
  publications += 1;
  void readModel.refresh().then((model) => process.stdout.write(`published version ${model.version}\n`));
});
const stop = () => {
  server.closeAllConnections();
  server.close();
  void scratch.dispose().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
