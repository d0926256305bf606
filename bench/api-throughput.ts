/**
 * Throughput and p99 latency of GET /api/v1/roles/{slug}/{seniority} at 50 connections against nginx
 * serving the same JSON bytes (identity, Brotli and gzip copies), on the harness of bench:pages:
 * servers on core 0, wrk on core 1, `Accept-Encoding: br, gzip` on both sides.
 *
 * Usage: npm run bench:api [-- --seconds 10 --warmup 2 --connections 50 --role multimodal-ai-engineer/mid-level]
 * Needs wrk, nginx (Debian nginx-light) and taskset.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort } from '../src/shared/free-port.ts';
import { closeClient, compareWithNginx, formatComparison, loadAverage } from './support/measure.ts';
import { stopAll, waitForOutput } from './support/processes.ts';
import { startBenchSite } from './support/site-process.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    role: { type: 'string', default: 'multimodal-ai-engineer/mid-level' },
  },
});

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'jobzone-bench-api-'));
  const children: ChildProcess[] = [];
  try {
    process.stdout.write(`load average at start: ${await loadAverage()}\n`);
    const { site, url } = await startBenchSite(await findFreePort(), values.role);
    children.push(site);
    // Pre-rendering the pages runs on core 0, the core nginx is measured on: measured meanwhile, nginx
    // fell from ~35k to ~13k req/s and the baseline no longer reached its own speed.
    const waitStarted = performance.now();
    await waitForOutput(site, 'materialised', 600_000);
    process.stdout.write(`waited ${((performance.now() - waitStarted) / 1000).toFixed(1)} s for the site to finish pre-rendering its pages (it shares core 0 with nginx)\n`);
    const comparison = await compareWithNginx({
      name: 'API role answer',
      siteUrl: url,
      path: `/api/v1/roles/${values.role}`,
      contentType: 'application/json; charset=utf-8',
      work,
      nginxPort: await findFreePort(),
      seconds: Number(values.seconds),
      warmup: Number(values.warmup),
      connections: Number(values.connections),
      children,
    });
    process.stdout.write(`${formatComparison(comparison)}\nload average now: ${await loadAverage()}\n`);
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
