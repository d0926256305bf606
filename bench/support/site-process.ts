import { spawn, type ChildProcess } from 'node:child_process';
import { pinned, ROOT, waitForOutput } from './processes.ts';
import { SERVER_CORE } from './measure.ts';

/**
 * Starts bench/support/bench-site.ts pinned to the server core and resolves once it listens.
 * BENCH_SERVER_CORES (e.g. "0,1") widens the pinning, to measure render threads (ADR 0178) using both cores.
 */
export async function startBenchSite(port: number, publishedKey: string): Promise<{ site: ChildProcess; pid: number; url: string }> {
  const cores = process.env.BENCH_SERVER_CORES ?? SERVER_CORE;
  if (!/^\d+(,\d+)*$/.test(cores)) throw new Error(`BENCH_SERVER_CORES must list core numbers such as "0,1", not "${cores}"`);
  const [command, args] = pinned(cores, process.execPath, ['bench/support/bench-site.ts', String(port), publishedKey]);
  // taskset execs the command, so the child's pid is the server's.
  const site = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  process.stderr.write(`starting the site on core(s) ${cores} (builds it if needed)…\n`);
  await waitForOutput(site, 'jobzone is running', 600_000);
  if (site.pid === undefined) throw new Error('the site has no process id');
  return { site, pid: site.pid, url: `http://127.0.0.1:${port}` };
}
