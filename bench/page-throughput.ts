/**
 * The render-path benchmark of issue 12, on one core for servers and one for the load generator:
 *  1. a cached role page, compressed on both sides, jobzone against nginx serving the same bytes
 *     (wrk, 50 connections): nginx's absolute rate is printed so a reader sees wrk was not the limit;
 *  2. distinct role pages right after start + warm-up, and right after a publication (unloaded median, hit share);
 *  3. server-rendered pages (search, compare of 3 roles, personal report): the server's CPU per request
 *     at c=1 (every thread of it, each request on its own, median; after a warm-up of the kind and once
 *     the server is quiet), then 50 connections of distinct addresses (max latency, timeouts);
 *  4. resident memory once every page is pre-rendered.
 *
 * Usage: npm run bench:pages [-- --seconds 10 --warmup 2 --dynamic-seconds 30 --distinct 200 --samples 300
 *                                --path /roles/roofers --publish roofers/all-levels --connections 50]
 * Needs nginx (Debian nginx-light), wrk and taskset.
 */
import type { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort } from '../src/shared/free-port.ts';
import { closeClient, compareWithNginx, COMPRESSED, fetchRaw, formatComparison, loadAverage, LOAD_CORE, median, rssMbOf } from './support/measure.ts';
import { measureOtherProcessPerRequest, WARM_UP_REQUESTS } from './support/per-request-cpu.ts';
import { threadsCpuMsOf } from './support/process-cpu.ts';
import { pinThisProcess, stopAll, waitForOutput } from './support/processes.ts';
import { queryAddresses } from './support/query-addresses.ts';
import { untilQuiet } from './support/quiet.ts';
import { startBenchSite } from './support/site-process.ts';
import { pathRotationScript, runWrk } from './support/wrk.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    'dynamic-seconds': { type: 'string', default: '30' },
    distinct: { type: 'string', default: '200' },
    samples: { type: 'string', default: '300' },
    connections: { type: 'string', default: '50' },
    path: { type: 'string', default: '/roles/roofers' },
    publish: { type: 'string', default: 'roofers/all-levels' },
    'prerender-timeout': { type: 'string', default: '300' },
  },
});
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const dynamicSeconds = Number(values['dynamic-seconds']);
const distinct = Number(values.distinct);
const samples = Number(values.samples);
const connections = Number(values.connections);
const out = (line: string) => process.stdout.write(`${line}\n`);
/** The addresses wrk cycles through at c=50 (numbers 0 to this); the c=1 figures use the numbers after them. */
const C50_ADDRESSES = 20_000;

/** Requests each path once, in order, on one kept-alive connection: median latency and how many were render-cache hits. */
async function visitOnce(siteUrl: string, paths: readonly string[]): Promise<{ median: number; hits: number; statuses: Set<number> }> {
  const times: number[] = [];
  let hits = 0;
  const statuses = new Set<number>();
  for (const path of paths) {
    const answer = await fetchRaw(siteUrl, path, COMPRESSED);
    times.push(answer.ms);
    statuses.add(answer.status);
    if (answer.headers['x-render-cache'] === 'hit') hits += 1;
  }
  return { median: median(times), hits, statuses };
}

/** Busy and total clock ticks of each core, from /proc/stat. */
async function coreTimes(): Promise<{ busy: number; total: number }[]> {
  const lines = (await readFile('/proc/stat', 'utf8')).split('\n').filter((line) => /^cpu\d+ /.test(line));
  return lines.map((line) => {
    const ticks = line.split(/\s+/).slice(1).map(Number);
    const total = ticks.reduce((sum, tick) => sum + tick, 0);
    // idle and iowait are the fourth and fifth figures.
    return { busy: total - (ticks[3] ?? 0) - (ticks[4] ?? 0), total };
  });
}

const busyShares = (before: { busy: number; total: number }[], after: { busy: number; total: number }[]) =>
  after.map((core, index) => (core.busy - (before[index]?.busy ?? 0)) / Math.max(1, core.total - (before[index]?.total ?? 0)));

const spread = <T>(items: readonly T[], count: number): T[] => {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, index) => items[Math.floor(index * step)] as T);
};

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'jobzone-bench-pages-'));
  // nginx's workers run as another user and must reach the files below.
  await chmod(work, 0o755);
  const children: ChildProcess[] = [];
  try {
    // This process sends the c=1 requests: it is a load generator too, so it runs on wrk's core.
    await pinThisProcess(LOAD_CORE);
    out(`load average at start: ${await loadAverage()}; this process pinned to core ${LOAD_CORE}`);
    const started = performance.now();
    const { site, pid, url } = await startBenchSite(await findFreePort(), values.publish);
    children.push(site);
    // The site reports its pre-rendering (pages, cache size) and each prepared publication on stderr.
    const reports: string[] = [];
    site.stderr?.on('data', (chunk: Buffer) => reports.push(...chunk.toString().split('\n').filter((line) => /^(materialised|prepared version|memory:|render thread)/.test(line))));
    const materialised = waitForOutput(site, 'materialised', Number(values['prerender-timeout']) * 1000).then(
      () => true,
      () => false,
    );
    const listening = performance.now();
    out(`site listening ${((listening - started) / 1000).toFixed(1)} s after launch; RSS ${(await rssMbOf(pid)).toFixed(0)} MB`);
    const done = await materialised;
    out(
      done
        ? `every read-model page pre-rendered ${((performance.now() - listening) / 1000).toFixed(1)} s after listening; RSS ${(await rssMbOf(pid)).toFixed(0)} MB (goal < 1024 MB)`
        : `no pre-rendering reported within ${values['prerender-timeout']} s (server without materialised pages); RSS ${(await rssMbOf(pid)).toFixed(0)} MB`,
    );

    for (const line of reports.splice(0)) out(`site: ${line}`);
    const sitemap = (await fetchRaw(url, '/sitemap.xml', { 'accept-encoding': 'identity' })).body.toString();
    const rolePaths = [...sitemap.matchAll(/<loc>[^<]*?(\/roles\/[^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
    for (let round = 0; round < 200; round += 1) await fetchRaw(url, '/', COMPRESSED);
    const fresh = await visitOnce(url, spread(rolePaths, distinct));
    out(`distinct role pages after start + warm-up, unloaded: median ${fresh.median.toFixed(2)} ms, ${fresh.hits}/${Math.min(distinct, rolePaths.length)} hits (goal: all hits, median ≤ 2 ms)`);

    const page = await compareWithNginx({ name: 'cached role page', siteUrl: url, path: values.path, contentType: 'text/html; charset=utf-8', work: join(work, 'page'), nginxPort: await findFreePort(), seconds, warmup, connections, children });
    const api = await compareWithNginx({
      name: 'API role answer',
      siteUrl: url,
      path: `/api/v1/roles/${values.publish}`,
      contentType: 'application/json; charset=utf-8',
      work: join(work, 'api'),
      nginxPort: await findFreePort(),
      seconds,
      warmup,
      connections,
      children,
    });
    out(formatComparison(page));
    out(formatComparison(api));

    const [slug, seniority] = values.publish.split('/');
    const publishedPage = `/roles/${slug}/${seniority}`;
    const before = await fetchRaw(url, publishedPage, COMPRESSED);
    const published = waitForOutput(site, 'published version', 120_000);
    const publishedAt = performance.now();
    site.kill('SIGUSR2');
    await published;
    const affected = [publishedPage, `/roles/${slug}`, `${publishedPage}/history`, '/', '/rankings', '/movers', '/sitemap.xml', '/feeds/all.atom'];
    const after = await fetchRaw(url, publishedPage, COMPRESSED);
    const afterPublication = await visitOnce(url, [...affected, ...spread(rolePaths.slice(1), distinct)]);
    out(
      `after a publication (swap ${((performance.now() - publishedAt) / 1000).toFixed(2)} s incl. the visits): its page ${after.headers['x-render-cache'] ?? 'no cache header'} ` +
        `with ETag ${before.headers.etag === after.headers.etag ? 'UNCHANGED' : 'changed'}; affected + distinct pages median ${afterPublication.median.toFixed(2)} ms, ${afterPublication.hits}/${affected.length + Math.min(distinct, rolePaths.length - 1)} hits`,
    );

    for (const line of reports.splice(0)) out(`site: ${line}`);
    const slugs = [...new Set(rolePaths.map((path) => path.split('/')[2] ?? ''))];
    const keys = rolePaths.map((path) => path.replace(/^\/roles\//, ''));
    const addresses = queryAddresses(slugs, keys);
    const dynamicKinds: [string, (n: number) => string][] = [
      ['search', addresses.search],
      ['compare of 3', addresses.compare],
      ['personal report', addresses.report],
    ];
    for (const [name, pathFor] of dynamicKinds) {
      // Warm up this kind's code first, and wait until the server is quiet (ADR 0175): the figure is per request, not per process start.
      await visitOnce(url, Array.from({ length: WARM_UP_REQUESTS }, (_, n) => pathFor(C50_ADDRESSES + n)));
      const serverCpuMs = () => threadsCpuMsOf(pid);
      await untilQuiet(undefined, serverCpuMs);
      const sampled = await measureOtherProcessPerRequest(Array.from({ length: samples }, (_, n) => pathFor(C50_ADDRESSES + WARM_UP_REQUESTS + n)), (path) => fetchRaw(url, path, COMPRESSED), serverCpuMs);
      const script = join(work, `${name.replace(/\W/g, '-')}.lua`);
      await writeFile(script, pathRotationScript(Array.from({ length: C50_ADDRESSES }, (_, n) => pathFor(n))));
      const [serverCpuBefore, coresBefore, loadStarted] = [await serverCpuMs(), await coreTimes(), performance.now()];
      const loaded = await runWrk({ url, connections, seconds: dynamicSeconds, headers: COMPRESSED, cores: LOAD_CORE, script });
      const serverCores = ((await serverCpuMs()) - serverCpuBefore) / (performance.now() - loadStarted);
      const busy = busyShares(coresBefore, await coreTimes());
      out(
        `${name.padEnd(16)} c=1: median ${sampled.wallMedianMs.toFixed(2)} ms wall, CPU per request median ${sampled.cpu.server.medianMs.toFixed(2)} ms, mean ${sampled.cpu.server.meanMs.toFixed(2)} (statuses ${[...sampled.statuses].join(',')}) | ` +
          `c=${connections} ${dynamicSeconds} s distinct: ${loaded.perSecond.toFixed(0)} req/s, p99 ${loaded.p99.toFixed(1)} ms, max ${loaded.max.toFixed(0)} ms, timeouts ${loaded.timeouts}, errors ${loaded.errors} (goal: ≤ 2 ms CPU, max < 1 s, no timeouts); ` +
          `server used ${serverCores.toFixed(2)} cores, machine cores busy ${busy.map((share) => `${(share * 100).toFixed(0)}%`).join(' / ')}`,
      );
    }
    out(`RSS at the end: ${(await rssMbOf(pid)).toFixed(0)} MB; load average now: ${await loadAverage()}`);
    const memory = waitForOutput(site, 'memory:', 10_000).catch(() => undefined);
    site.kill('SIGHUP');
    await memory;
    for (const line of reports.splice(0)) out(`site at the end: ${line}`);
  } finally {
    closeClient();
    await stopAll(children);
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
