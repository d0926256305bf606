import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { text } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { median } from './measure.ts';
import type { ChildReport } from './request-child.ts';

/**
 * Requests of a kind sent before its figures are taken: V8 keeps optimising a page's code for its first
 * hundred or so requests (on threads the process figure counts), work paid once per process.
 */
export const WARM_UP_REQUESTS = 100;

/** Reads CPU milliseconds used so far (by a process, or one thread of it). */
export type CpuMeter = () => number;

export interface PerRequestCpu<Meter extends string> {
  /** CPU per request by each meter, median and mean, in milliseconds. */
  cpu: Record<Meter, { medianMs: number; meanMs: number }>;
  /** Wall time per request as the client saw it, median, in milliseconds. */
  wallMedianMs: number;
  statuses: Set<number>;
  meanKb: number;
}

const CHILD = fileURLToPath(new URL('./request-child.ts', import.meta.url));

/** Runs request-child.ts over `paths` against `base` and returns what it reports. */
async function runRequestChild(base: string, paths: readonly string[], acceptEncoding: string): Promise<ChildReport> {
  const child = spawn(process.execPath, [CHILD, base, acceptEncoding], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.stdin.end(JSON.stringify(paths));
  const output = await text(child.stdout);
  const code = await exited;
  if (code !== 0) throw new Error(`the request process exited with ${code} after printing: ${output.slice(0, 300)}`);
  return JSON.parse(output) as ChildReport;
}

/**
 * The CPU a server in this process spends per request, each request on its own (issue 12's measure is
 * a median). A client in another process requests `paths` one after another; the meters are read as
 * each request arrives, so each request is charged everything the process does until the next one
 * arrives (its rendering, compression, writing, and any collection it leaves), and nothing of the client.
 */
export async function measureServerPerRequest<Meter extends string>(
  server: Server,
  base: string,
  paths: readonly string[],
  meters: Record<Meter, CpuMeter>,
  acceptEncoding = 'br, gzip',
): Promise<PerRequestCpu<Meter>> {
  const names = Object.keys(meters) as Meter[];
  const readings: number[][] = [];
  const read = () => readings.push(names.map((name) => meters[name]()));
  server.prependListener('request', read);
  let report: ChildReport;
  try {
    report = await runRequestChild(base, paths, acceptEncoding);
  } finally {
    server.off('request', read);
  }
  read();
  if (readings.length !== paths.length + 1) throw new Error(`the server saw ${readings.length - 1} requests, not the ${paths.length} sent`);
  const cpu = Object.fromEntries(names.map((name, index) => [name, perRequest(readings.map((reading) => reading[index] ?? 0))])) as PerRequestCpu<Meter>['cpu'];
  return { cpu, wallMedianMs: median(report.wallMs), statuses: new Set(report.statuses), meanKb: report.bytes / Math.max(1, paths.length) / 1024 };
}

/**
 * The CPU another process spends per request this one sends, one at a time: `cpuMsNow` reads that
 * process (threadsCpuMsOf). One reading between requests, so work a request leaves after its answer is
 * charged to it or to the next, never lost; the reading costs this process, not the server.
 */
export async function measureOtherProcessPerRequest(
  paths: readonly string[],
  get: (path: string) => Promise<{ status: number; body: Uint8Array; ms: number }>,
  cpuMsNow: () => Promise<number>,
): Promise<PerRequestCpu<'server'>> {
  const readings = [await cpuMsNow()];
  const wall: number[] = [];
  const statuses = new Set<number>();
  let bytes = 0;
  for (const path of paths) {
    const answer = await get(path);
    readings.push(await cpuMsNow());
    wall.push(answer.ms);
    statuses.add(answer.status);
    bytes += answer.body.byteLength;
  }
  return { cpu: { server: perRequest(readings) }, wallMedianMs: median(wall), statuses, meanKb: bytes / Math.max(1, paths.length) / 1024 };
}

/** Median and mean of what was spent between consecutive readings: one before the first request, one after each. */
function perRequest(readings: readonly number[]): { medianMs: number; meanMs: number } {
  const spent = readings.slice(1).map((after, index) => after - (readings[index] ?? after));
  return { medianMs: median(spent), meanMs: spent.reduce((sum, ms) => sum + ms, 0) / Math.max(1, spent.length) };
}
