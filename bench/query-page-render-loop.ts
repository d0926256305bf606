/**
 * The work of one query page without the server around it: renders search, compare or report pages of
 * the committed catalog in a loop in this thread, with the same typed renderers, UTF-8 encoding,
 * Brotli and ETag as a render thread (ADR 0178), and prints what each stage costs per page. No HTTP,
 * no thread hand-off: the floor under `bench:query-pages`, for finding where a page's CPU goes.
 *
 * The route shell is a stand-in of the real one's size (the real one is read from Astro's rendering, which
 * needs the whole server), so pages are as long as served ones and the island renders for real.
 *
 * Usage: npm run bench:render-loop [-- search|compare|report [pages]]
 *        PROFILE=<file> … also writes a CPU profile of a second loop of the same length;
 *        FIRST=<n> … starts at address number n (bench:pages measures from 20100: "part time …" searches,
 *        which cost about twice a bare title);
 *        IDLE_MS=<ms> … idles that long after each page, as a server does between requests (the thread
 *        CPU then includes the timer's small cost);
 *        node_modules/.bin/node --trace-opt --trace-deopt bench/query-page-render-loop.ts … shows what V8 optimises and
 *        throws away while the loop runs (a marker line every 250 pages).
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { readCatalogToLoad } from '../src/features/catalog/catalog-source.ts';
import { encodeBodyForSync } from '../src/features/render-cache/content-coding.ts';
import { etagOf } from '../src/features/render-cache/render-cache.ts';
import { buildReadModel } from '../src/features/read-model/read-model.ts';
import { readModelInputOf } from '../src/features/site-pages/test-support/read-model-fixture.ts';
import type { RouteShell } from '../src/presentation/query-pages/route-shell.ts';
import { withUtf8Bytes } from '../src/server/page-bytes.ts';
import { QUERY_PAGES } from '../src/server/query-page-routes.ts';
import { ensureSiteBuilt, SITE_ISLANDS } from '../src/server/site-build.ts';
import { loadServerIslands } from '../src/server/web-server.ts';
import { queryAddresses } from './support/query-addresses.ts';

const kind = process.argv[2] ?? 'search';
const pages = Number(process.argv[3] ?? 1000);
const WARM_UP_PAGES = 300;
const idleMs = Number(process.env.IDLE_MS ?? 0);
const firstAddress = Number(process.env.FIRST ?? 0);
const tracing = process.execArgv.some((flag) => flag.startsWith('--trace-'));
const MARK_EVERY = 250;
const out = (line: string) => process.stdout.write(`${line}\n`);

const page = QUERY_PAGES.find((candidate) => candidate.path === `/${kind}`);
if (!page || !Number.isInteger(pages) || pages < 1 || !Number.isInteger(firstAddress) || firstAddress < 0) {
  process.stderr.write(`usage: [FIRST=n ≥ 0] bench:render-loop [search|compare|report [pages ≥ 1]]; got "${kind}", "${process.argv[3] ?? ''}" and FIRST="${process.env.FIRST ?? ''}"\n`);
  process.exit(2);
}
await ensureSiteBuilt(out);
const model = buildReadModel(readModelInputOf(await readCatalogToLoad()));
const islands = await loadServerIslands(pathToFileURL(SITE_ISLANDS).href);
// About the size of the real shell's parts (head, header, footer, island script).
const filler = 'x'.repeat(1500);
const shell: RouteShell = {
  headTail: filler,
  bodyStart: filler,
  bodyEnd: filler,
  islandBootstrap: filler,
  rendererUrl: '/_astro/client.js',
  componentUrls: new Proxy({}, { get: () => '/_astro/island.js' }),
  scopes: new Proxy({}, { get: () => 'astro-scope' }),
};
const entries = [...model.assessments.values()];
const addresses = queryAddresses([...new Set(entries.map((entry) => entry.roleSlug))], entries.map((entry) => `${entry.roleSlug}/${entry.seniority}`));
const addressOf = addresses[kind as 'search' | 'compare' | 'report'];
const context = { shell, islands, publicUrl: 'http://127.0.0.1' };

const spent = { render: 0, utf8: 0, brotli: 0, etag: 0 };
let bytes = 0;
function renderOne(n: number): void {
  let started = performance.now();
  const lap = (stage: keyof typeof spent) => {
    const now = performance.now();
    spent[stage] += now - started;
    started = now;
  };
  const result = page?.render(model, new URL(addressOf(n), 'http://localhost'), context);
  if (!result) throw new Error(`${addressOf(n)} was left to Astro`);
  lap('render');
  withUtf8Bytes(result.html, (body) => {
    bytes += body.byteLength;
    lap('utf8');
    encodeBodyForSync(body, 'br');
    lap('brotli');
    etagOf(model.version, body);
    lap('etag');
  });
}

async function renderPages(first: number): Promise<void> {
  for (let n = first; n < first + pages; n += 1) {
    if (tracing && (n - first) % MARK_EVERY === 0) out(`— page ${n - first}`);
    renderOne(n);
    if (idleMs > 0) await new Promise((resolve) => setTimeout(resolve, idleMs));
  }
}

let collections = 0;
new PerformanceObserver((list) => void (collections += list.getEntries().length)).observe({ entryTypes: ['gc'] });
for (let n = 0; n < WARM_UP_PAGES; n += 1) renderOne(1_000_000 + n);
for (const stage of Object.keys(spent) as (keyof typeof spent)[]) spent[stage] = 0;
bytes = 0;
collections = 0;
const before = process.threadCpuUsage();
await renderPages(firstAddress);
const cpu = process.threadCpuUsage(before);
// Collections are reported after the loop, in a later turn of the event loop.
await new Promise((resolve) => setTimeout(resolve, 50));
const perPage = (ms: number) => (ms / pages).toFixed(3);
out(
  `${kind}: ${pages} pages after ${WARM_UP_PAGES} warm-up${idleMs > 0 ? `, ${idleMs} ms idle after each` : ''}, per page: render ${perPage(spent.render)} ms, UTF-8 ${perPage(spent.utf8)}, Brotli ${perPage(spent.brotli)}, ETag ${perPage(spent.etag)}; ` +
    `thread CPU ${perPage((cpu.user + cpu.system) / 1000)} ms; ${(bytes / pages / 1024).toFixed(1)} KB; ${collections} collections`,
);

if (process.env.PROFILE) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  await renderPages(firstAddress + pages);
  const { profile } = await session.post('Profiler.stop');
  await writeFile(process.env.PROFILE, JSON.stringify(profile));
  session.disconnect();
  out(`CPU profile of another ${pages} pages: ${process.env.PROFILE}`);
}
