/**
 * Throughput and p99 latency of the assessment page at 50 concurrent connections: rendered
 * without the render cache, from the render cache, and nginx serving the same HTML as a static
 * file — all measured in this run, with the same load generator, and reported as ratios to nginx.
 *
 * Usage: npm run bench:pages [-- --seconds 8 --connections 50 --path /roles/multimodal-ai-engineer/mid-level]
 * Needs nginx (apt-get install nginx-light) and a built site (npm start builds it).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort } from '../src/shared/free-port.ts';
import { startNginx } from './support/nginx.ts';
import { startSite, stopAll } from './support/processes.ts';
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '50' },
    path: { type: 'string', default: '/roles/multimodal-ai-engineer/mid-level' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const pagePath = values.path;

function get(agent: Agent, port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Keeps `connections` requests in flight for `seconds`, recording each latency. */
async function load(port: number, pathFor: (n: number) => string): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      try {
        const { status } = await get(agent, port, pathFor(counter++));
        if (status !== 200) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors };
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'jobzone-bench-'));
  const sitePort = await findFreePort();
  const nginxPort = await findFreePort();
  const children: ChildProcess[] = [];
  try {
    children.push(await startSite({ port: sitePort, work }));

    const agent = new Agent({ keepAlive: true });
    const page = await get(agent, sitePort, pagePath);
    agent.destroy();
    if (page.status !== 200) throw new Error(`${pagePath} answered ${page.status}`);
    children.push(await startNginx({ work, port: nginxPort, answer: { fileName: 'page.html', body: page.body, contentType: 'text/html' } }));

    process.stderr.write(`page ${pagePath}: ${(page.body.length / 1024).toFixed(1)} KB; ${connections} connections, ${seconds} s each\n`);
    const nginxResult = await load(nginxPort, () => '/');
    const cached = await load(sitePort, () => pagePath);
    // Unknown parameters share the page's cache entry; a new value of one the page reads (subscribe) is a miss every time.
    const uncached = await load(sitePort, (n) => `${pagePath}?subscribe=bench-${n}`);

    const row = (name: string, result: LoadResult) =>
      `${name.padEnd(24)} ${result.perSecond.toFixed(0).padStart(8)} req/s  p50 ${result.p50.toFixed(2).padStart(7)} ms  p99 ${result.p99.toFixed(2).padStart(7)} ms  ` +
      `throughput ×${(result.perSecond / nginxResult.perSecond).toFixed(3)} of nginx  p99 ×${(result.p99 / nginxResult.p99).toFixed(1)} of nginx  errors ${result.errors}`;
    process.stdout.write(`${row('nginx static file', nginxResult)}\n${row('site, render cache', cached)}\n${row('site, uncached render', uncached)}\n`);
  } finally {
    await stopAll(children);
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
