/**
 * Throughput and p99 latency of GET /api/v1/roles/{slug}/{seniority} at 50 connections, against
 * nginx serving the same JSON bytes (identity, and gzip-precompressed for clients that accept it).
 * The server under test and nginx run on core 0, wrk on core 1; each target gets a warm-up run
 * before the measured one.
 *
 * Usage: npm run bench:api [-- --seconds 10 --warmup 3 --connections 50 --role multimodal-ai-engineer/mid-level]
 * Needs wrk and nginx (apt-get install wrk nginx-light) and taskset (util-linux).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { findFreePort } from '../src/shared/free-port.ts';
import { startNginx } from './support/nginx.ts';
import { pinned, ROOT, stopAll, waitForOutput } from './support/processes.ts';
import { runWrk, type WrkResult } from './support/wrk.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    role: { type: 'string', default: 'multimodal-ai-engineer/mid-level' },
  },
});
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const path = `/api/v1/roles/${values.role}`;
const SERVER_CORE = '0';
const LOAD_CORE = '1';
const GOAL = { ratio: 0.25, p99Ms: 10 };

async function measure(url: string, headers: Record<string, string>): Promise<WrkResult> {
  await runWrk({ url, connections, seconds: warmup, headers, cores: LOAD_CORE });
  return runWrk({ url, connections, seconds, headers, cores: LOAD_CORE });
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'jobzone-bench-api-'));
  const sitePort = await findFreePort();
  const nginxPort = await findFreePort();
  const children: ChildProcess[] = [];
  try {
    const [command, args] = pinned(SERVER_CORE, process.execPath, ['bench/support/api-site.ts', String(sitePort)]);
    const site = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(site);
    process.stderr.write('starting the site on core 0 (builds it if needed)…\n');
    await waitForOutput(site, 'jobzone is running', 600_000);

    const answer = await fetch(`http://127.0.0.1:${sitePort}${path}`, { headers: { 'accept-encoding': 'identity' } });
    if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
    const json = Buffer.from(await answer.arrayBuffer());
    children.push(await startNginx({ work, port: nginxPort, cores: SERVER_CORE, answer: { fileName: 'role.json', body: json, contentType: 'application/json', gzipped: gzipSync(json, { level: 9 }) } }));

    process.stderr.write(`${path}: ${(json.byteLength / 1024).toFixed(1)} KB of JSON; wrk -c${connections}, ${warmup} s warm-up + ${seconds} s measured per row\n`);
    const rows: [string, WrkResult, WrkResult][] = [];
    for (const [name, headers] of [
      ['identity', { 'accept-encoding': 'identity' }],
      ['gzip accepted', { 'accept-encoding': 'gzip' }],
    ] as const) {
      const nginx = await measure(`http://127.0.0.1:${nginxPort}/`, headers);
      const jobzone = await measure(`http://127.0.0.1:${sitePort}${path}`, headers);
      rows.push([name, nginx, jobzone]);
    }
    const format = (result: WrkResult) => `${result.perSecond.toFixed(0).padStart(7)} req/s  p99 ${result.p99.toFixed(2).padStart(6)} ms  errors ${result.errors}`;
    for (const [name, nginx, jobzone] of rows) {
      const ratio = jobzone.perSecond / nginx.perSecond;
      const met = ratio >= GOAL.ratio && jobzone.p99 <= GOAL.p99Ms;
      process.stdout.write(
        `${name.padEnd(14)} nginx ${format(nginx)} | jobzone ${format(jobzone)} | ×${ratio.toFixed(3)} of nginx — goal ≥ ×${GOAL.ratio}, p99 ≤ ${GOAL.p99Ms} ms: ${met ? 'met' : 'MISSED'}\n`,
      );
    }
  } finally {
    await stopAll(children);
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
