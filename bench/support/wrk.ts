import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pinned } from './processes.ts';

/** What wrk measured: requests per second, latency percentiles and maximum in milliseconds, and failures. */
export interface WrkResult {
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  /** Requests wrk gave up on (its --timeout). */
  timeouts: number;
  /** Non-2xx/3xx answers plus socket errors, timeouts included. */
  errors: number;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function milliseconds(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`wrk printed a latency "${text}" this benchmark cannot read`);
  return Number(match[1]) * (UNIT_MS[match[2] ?? 'ms'] ?? 1);
}

/** Reads the figures out of wrk's --latency report. */
export function parseWrkReport(report: string): WrkResult {
  const perSecond = /Requests\/sec:\s+([\d.]+)/.exec(report)?.[1];
  const max = /^\s+Latency\s+\S+\s+\S+\s+(\S+)/m.exec(report)?.[1];
  const p50 = /^\s+50%\s+(\S+)/m.exec(report)?.[1];
  const p99 = /^\s+99%\s+(\S+)/m.exec(report)?.[1];
  const requests = /(\d+) requests in/.exec(report)?.[1];
  if (!perSecond || !p50 || !p99 || !max || !requests) throw new Error(`wrk's report could not be read:\n${report}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(report)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(report);
  const socketErrors = socket ? socket.slice(1).reduce((sum, value) => sum + Number(value), 0) : 0;
  return {
    perSecond: Number(perSecond),
    p50: milliseconds(p50),
    p99: milliseconds(p99),
    max: milliseconds(max),
    requests: Number(requests),
    timeouts: Number(socket?.[4] ?? 0),
    errors: non2xx + socketErrors,
  };
}

/** Runs wrk (one thread, `connections` connections, `seconds` seconds) against a URL, pinned to `cores` when given; `script` is a Lua file choosing each request. */
export async function runWrk(options: {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  cores?: string | null;
  script?: string;
}): Promise<WrkResult> {
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const scriptArgs = options.script ? ['-s', options.script] : [];
  const [command, args] = pinned(options.cores ?? null, 'wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency', ...scriptArgs, ...headerArgs, options.url]);
  const { stdout } = await promisify(execFile)(command, args, { maxBuffer: 1024 * 1024 });
  return parseWrkReport(stdout);
}

/** A wrk Lua script that sends each path of the list in turn, so every request of a run can be a different page. */
export function pathRotationScript(paths: readonly string[]): string {
  const quoted = paths.map((path) => `"${path.replace(/["\\]/g, '\\$&')}"`).join(',\n');
  return `local paths = {\n${quoted}\n}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", paths[((i - 1) % #paths) + 1])\nend\n`;
}
