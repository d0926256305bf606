import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { ChildProcess } from 'node:child_process';
import { startNginx } from './nginx.ts';
import { runWrk, type WrkResult } from './wrk.ts';

/** The cores every benchmark uses: servers on one, the load generator on the other. */
export const SERVER_CORE = '0';
export const LOAD_CORE = '1';
/** The goal for cached answers at 50 connections. */
export const GOAL = { ratio: 0.25, p99Ms: 10 };
export const COMPRESSED = { 'accept-encoding': 'br, gzip' } as const;

/** One answer read without decompressing: status, headers and the bytes as sent. */
export interface Fetched {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  ms: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** Sends one GET on a kept-alive connection and times it from the first byte written to the last read; retried once when the server had closed the idle connection. */
export async function fetchRaw(base: string, path: string, headers: Record<string, string> = {}): Promise<Fetched> {
  try {
    return await fetchOnce(base, path, headers);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
    return fetchOnce(base, path, headers);
  }
}

function fetchOnce(base: string, path: string, headers: Record<string, string>): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const sent = request(`${base}${path}`, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** Closes the kept-alive connection of `fetchRaw`. */
export function closeClient(): void {
  agent.destroy();
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Resident memory of a process in MB, from /proc. */
export async function rssMbOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** The machine's load averages, to print beside figures from a shared machine. */
export async function loadAverage(): Promise<string> {
  return (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');
}

export interface Comparison {
  name: string;
  nginx: WrkResult;
  jobzone: WrkResult;
}

/**
 * Serves the exact bytes jobzone sent for `path` (identity, Brotli, gzip) from nginx on the server
 * core, then drives nginx and jobzone in turn with wrk on the load core (warm-up, then measured).
 */
export async function compareWithNginx(options: {
  name: string;
  siteUrl: string;
  path: string;
  contentType: string;
  work: string;
  nginxPort: number;
  seconds: number;
  warmup: number;
  connections: number;
  children: ChildProcess[];
}): Promise<Comparison> {
  const { siteUrl, path } = options;
  const identity = await fetchRaw(siteUrl, path, { 'accept-encoding': 'identity' });
  if (identity.status !== 200) throw new Error(`${path} answered ${identity.status}: ${identity.body.toString().slice(0, 300)}`);
  const brotli = await fetchRaw(siteUrl, path, { 'accept-encoding': 'br' });
  const gzipped = await fetchRaw(siteUrl, path, { 'accept-encoding': 'gzip' });
  // Whatever jobzone sent is what nginx serves; a coding jobzone did not use is made here at its usual settings.
  const brBytes = brotli.headers['content-encoding'] === 'br' ? brotli.body : brotliCompressSync(identity.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  const gzBytes = gzipped.headers['content-encoding'] === 'gzip' ? gzipped.body : gzipSync(identity.body, { level: 6 });
  const nginx = await startNginx({
    work: options.work,
    port: options.nginxPort,
    cores: SERVER_CORE,
    answer: { fileName: 'answer', body: identity.body, contentType: options.contentType, brotli: brBytes, gzipped: gzBytes },
  });
  options.children.push(nginx);
  process.stderr.write(`${options.name} ${path}: ${(identity.body.byteLength / 1024).toFixed(1)} KB, ${(brBytes.byteLength / 1024).toFixed(1)} KB in Brotli; wrk -c${options.connections}, ${options.warmup} s warm-up + ${options.seconds} s\n`);
  const measure = async (url: string) => {
    await runWrk({ url, connections: options.connections, seconds: options.warmup, headers: COMPRESSED, cores: LOAD_CORE });
    return runWrk({ url, connections: options.connections, seconds: options.seconds, headers: COMPRESSED, cores: LOAD_CORE });
  };
  const nginxResult = await measure(`http://127.0.0.1:${options.nginxPort}/`);
  nginx.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const jobzoneResult = await measure(`${siteUrl}${path}`);
  return { name: options.name, nginx: nginxResult, jobzone: jobzoneResult };
}

const rate = (result: WrkResult) => `${result.perSecond.toFixed(0).padStart(7)} req/s  p99 ${result.p99.toFixed(2).padStart(7)} ms  errors ${result.errors}`;

/** One line per comparison: nginx's absolute figures, jobzone's, the ratio, and whether the goal is met. */
export function formatComparison({ name, nginx, jobzone }: Comparison): string {
  const ratio = jobzone.perSecond / nginx.perSecond;
  const met = ratio >= GOAL.ratio && jobzone.p99 <= GOAL.p99Ms && jobzone.errors === 0;
  return `${name.padEnd(22)} nginx ${rate(nginx)} | jobzone ${rate(jobzone)} | ×${ratio.toFixed(3)} — goal ≥ ×${GOAL.ratio}, p99 ≤ ${GOAL.p99Ms} ms: ${met ? 'met' : 'MISSED'}`;
}
