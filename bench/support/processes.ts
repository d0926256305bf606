import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Resolves when the child prints `marker` on stdout or stderr; rejects on timeout or exit. */
export function waitForOutput(child: ChildProcess, marker: string, timeoutMs: number): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for "${marker}":\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(marker)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before "${marker}":\n${output}`)));
  });
}

/** Prefixes a command with `taskset -c <cores>` when cores are given, so server and load generator do not share a core. */
export function pinned(cores: string | null, command: string, args: readonly string[]): [string, string[]] {
  return cores === null ? [command, [...args]] : ['taskset', ['-c', cores, command, ...args]];
}

/**
 * Moves every thread of this process to `cores` (taskset -a -p). A benchmark that sends requests
 * itself (the c=1 figures) is then a load generator like wrk, kept off the server's core; the
 * processes it starts later are pinned by their own taskset.
 */
export async function pinThisProcess(cores: string): Promise<void> {
  await promisify(execFile)('taskset', ['-a', '-p', '-c', cores, String(process.pid)]).catch((error: unknown) => {
    throw new Error(`could not pin the benchmark to core(s) ${cores} with taskset: ${(error as Error).message}`);
  });
}

/** Starts the real server (npm start's entry) on a fresh embedded store in `work`, optionally pinned to cores. */
export async function startSite(options: { port: number; work: string; cores?: string | null }): Promise<ChildProcess> {
  const [command, args] = pinned(options.cores ?? null, process.execPath, ['src/server/main.ts']);
  const site = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(options.port), JOBZONE_DATA_DIR: join(options.work, 'data'), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.stderr.write('starting the site (builds if needed, loads the catalog into a fresh store)…\n');
  await waitForOutput(site, 'jobzone is running', 600_000);
  return site;
}

/** Stops the children a benchmark started and gives them a moment to exit. */
export async function stopAll(children: readonly ChildProcess[]): Promise<void> {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}
