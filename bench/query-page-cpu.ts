/**
 * CPU per request of the pages rendered from query input (search, compare of 3, personal report),
 * in one process: the real web server over the committed catalog (no pre-rendering), requested over
 * loopback one at a time with `Accept-Encoding: br, gzip`, addresses built as `bench:pages` builds
 * them and never asked before. The client runs in a process of its own (support/request-child.ts) and
 * each request is charged what the process spends until the next arrives, so the figures are the
 * server's alone; a cache hit, `hit`, shows the floor of answering anything.
 * Quicker than `bench:pages` while working on the render path. The process
 * figure counts every thread (V8's concurrent GC threads, zlib's pool and the render threads too); "main
 * thread" counts only the event loop's thread, the one that serves every request, which also moves less
 * with the machine's load; "render threads" is what the threads of ADR 0178 spent.
 *
 * Each request's CPU is taken on its own, and the figure is the median (issue 12's measure), the mean
 * beside it: the mean also carries the rare young-generation collection that lands in one request.
 * Before measuring a kind, the bench sends WARM_UP_REQUESTS of it and waits until the process is quiet
 * (ADRs 0175, 0180). A kind named twice measures new addresses again (support/query-addresses.ts).
 *
 * The server runs as `jobzone serve` runs it on the embedded store: RENDER_THREADS render threads,
 * by default all cores but one (src/config/config.ts); RENDER_THREADS=0 renders on the main thread only.
 *
 * Usage: npm run bench:query-pages [-- search,compare,report,notfound,hit 300]
 *        PROFILE=<dir> … writes a CPU profile of each measured loop to <dir>/<kind>.cpuprofile;
 *        DUMP=<dir> … writes three uncompressed pages of each kind instead of measuring;
 *        ASTRO_ONLY=1 … renders every page through Astro (as before ADR 0171), for before/after pairs.
 */
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { request as httpRequest } from 'node:http';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config/config.ts';
import { readCatalogToLoad } from '../src/features/catalog/catalog-source.ts';
import { createOpenData } from '../src/features/open-data/open-data.usecases.ts';
import { createRateLimiter } from '../src/features/rate-limits/rate-limits.usecases.ts';
import { buildReadModel } from '../src/features/read-model/read-model.ts';
import { readModelInputOf } from '../src/features/site-pages/test-support/read-model-fixture.ts';
import { DEFAULT_SUBSCRIPTION_LIMITS } from '../src/features/subscriptions/subscriptions.usecases.ts';
import { holdReadModel } from '../src/server/read-model-holder.ts';
import { ensureSiteBuilt, SITE_CLIENT_ROOT, SITE_ENTRY, SITE_ISLANDS } from '../src/server/site-build.ts';
import { createWebServer, loadAstroHandler, loadServerIslands } from '../src/server/web-server.ts';
import { openScratchPgliteStore } from '../src/store/test-support/scratch-stores.ts';
import { measureServerPerRequest, WARM_UP_REQUESTS } from './support/per-request-cpu.ts';
import { queryAddresses } from './support/query-addresses.ts';
import { untilQuiet } from './support/quiet.ts';

const kinds = (process.argv[2] ?? 'search,compare,report,hit').split(',');
const count = Number(process.argv[3] ?? 300);
const out = (line: string) => process.stdout.write(`${line}\n`);

await ensureSiteBuilt(out);
const [input, scratch, astroHandler] = await Promise.all([readCatalogToLoad().then(readModelInputOf), openScratchPgliteStore(), loadAstroHandler(pathToFileURL(SITE_ENTRY).href)]);
const model = buildReadModel(input);
const publicUrl = 'http://127.0.0.1';
// The embedded store's default, as the server computes it (no DATABASE_URL: this bench runs PGlite).
const threadCount = process.env.ASTRO_ONLY ? 0 : loadConfig({ RENDER_THREADS: process.env.RENDER_THREADS }).renderThreads;
const { server, renderPool } = createWebServer({
  readModel: holdReadModel(model, () => Promise.resolve(model), () => undefined, undefined, () => ({ input })),
  renderThreads: { count: threadCount, islandsEntry: pathToFileURL(SITE_ISLANDS).href },
  publicUrl,
  openData: await createOpenData(scratch.store.db, publicUrl),
  subscriptions: { db: scratch.store.db, limiter: createRateLimiter(scratch.store.db), limits: DEFAULT_SUBSCRIPTION_LIMITS },
  clientRoot: SITE_CLIENT_ROOT,
  astroHandler,
  ...(process.env.ASTRO_ONLY ? {} : { serverIslands: await loadServerIslands(pathToFileURL(SITE_ISLANDS).href) }),
  apiRateLimits: null,
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as { port: number };
out(`render threads: ${renderPool ? renderPool.stats().threads : 0} (RENDER_THREADS=${process.env.RENDER_THREADS ?? `unset, default ${threadCount}`}), load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
const threadsCpu = async () => {
  const usages = await Promise.all((renderPool?.workers() ?? []).map((worker) => worker.cpuUsage()));
  return usages.reduce((sum, usage) => sum + usage.user + usage.system, 0);
};

function get(path: string, acceptEncoding: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

const entries = [...model.assessments.values()];
const slugs = [...new Set(entries.map((entry) => entry.roleSlug))];
const keys = entries.map((entry) => `${entry.roleSlug}/${entry.seniority}`);
// The addresses of bench/page-throughput.ts: numbered from 0 per kind, each a page not asked before.
const { search, compare, report } = queryAddresses(slugs, keys);
const pathFor: Record<string, (n: number) => string> = {
  search,
  compare,
  report,
  notfound: (n) => `/no-such-page-${n}`,
  hit: () => '/search?q=nurse',
};

try {
  // A thread builds its own read model after start: measure only once it renders (as a running server does).
  for (let attempt = 0; renderPool && renderPool.stats().renderedThere === 0; attempt += 1) {
    if (attempt > 600) throw new Error('no render thread rendered a page within a minute');
    await get(`/search?q=warm-up-${attempt}`, 'br');
    if (renderPool.stats().renderedThere === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const asked = new Map<string, number>();
  for (const kind of kinds) {
    const pathOf = pathFor[kind];
    if (!pathOf) throw new Error(`unknown page kind "${kind}"; expected ${Object.keys(pathFor).join(', ')}`);
    if (process.env.DUMP) {
      for (const n of [5, 77, 1234]) await writeFile(`${process.env.DUMP}/${kind}-${n}.html`, (await get(pathOf(n), 'identity')).body);
      continue;
    }
    const next = asked.get(kind) ?? 0;
    asked.set(kind, next + WARM_UP_REQUESTS + count);
    for (let n = next; n < next + WARM_UP_REQUESTS; n += 1) await get(pathOf(n), 'br, gzip');
    const first = next + WARM_UP_REQUESTS;
    const quietAfter = await untilQuiet();
    const session = process.env.PROFILE ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 250 });
      await session.post('Profiler.start');
    }
    const there = renderPool?.stats().renderedThere ?? 0;
    const threadsBefore = await threadsCpu();
    const measured = await measureServerPerRequest(server, `http://127.0.0.1:${port}`, Array.from({ length: count }, (_, n) => pathOf(first + n)), {
      process: () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000;
      },
      main: () => {
        const { user, system } = process.threadCpuUsage();
        return (user + system) / 1000;
      },
    });
    const inThreads = (await threadsCpu()) - threadsBefore;
    const threadShare = renderPool ? `; render threads mean ${(inThreads / 1000 / count).toFixed(2)}, ${(renderPool.stats().renderedThere - there).toString()} of ${count} rendered there` : '';
    const { process: whole, main } = measured.cpu;
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(`${process.env.PROFILE}/${kind}.cpuprofile`, JSON.stringify(profile));
      session.disconnect();
    }
    out(`${kind.padEnd(9)} ${whole.medianMs.toFixed(2)} ms CPU per request median, mean ${whole.meanMs.toFixed(2)} (main thread median ${main.medianMs.toFixed(2)}, mean ${main.meanMs.toFixed(2)}${threadShare}; quiet after ${quietAfter} ms), wall median ${measured.wallMedianMs.toFixed(2)} ms, statuses ${[...measured.statuses].join(',')}, ${measured.meanKb.toFixed(1)} KB sent`);
  }
} finally {
  server.close();
  await scratch.dispose();
}
process.exit(0);
