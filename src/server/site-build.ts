import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The server bundle Astro builds; our server mounts its handler. */
export const SITE_ENTRY = join(ROOT, 'dist/server/entry.mjs');
/** The islands bundled for the server beside Astro's bundle (astro.config.mjs), which render the query pages (ADR 0171). */
export const SITE_ISLANDS = join(ROOT, 'dist/server/islands.mjs');
/** Written by astro.config.mjs once a build has finished, dated when that build started. */
const BUILD_STAMP = join(ROOT, 'dist/.build-complete');
/** The built browser files (island bundles, icons). */
export const SITE_CLIENT_ROOT = join(ROOT, 'dist/client');
const INPUTS = ['src', 'astro.config.mjs', 'package-lock.json'];

async function newestModification(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  let newest = info.mtimeMs;
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/**
 * Tells whether the built site is missing, still being written or older than any of its sources. The
 * build's own stamp decides, not the bundle's date: Astro writes entry.mjs long before the islands
 * bundle and the browser files, and a process that read "fresh" from it mid-build loaded a half-written site.
 */
export async function isSiteBuildStale(): Promise<boolean> {
  const built = await stat(BUILD_STAMP).catch(() => null);
  if (!built || !(await stat(SITE_ENTRY).catch(() => null)) || !(await stat(SITE_ISLANDS).catch(() => null))) return true;
  for (const input of INPUTS) if ((await newestModification(join(ROOT, input))) > built.mtimeMs) return true;
  return false;
}

// Outside dist/, which Astro empties when it builds; one lock per checkout.
const BUILD_LOCK = join(tmpdir(), `jobzone-site-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`);
const LOCK_POLL_MS = 250;
// A lock file still empty after this long was left by a process that died between creating and writing it.
const EMPTY_LOCK_GRACE_MS = 10_000;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` while holding the checkout's build lock: two processes starting at once (test workers,
 * a server and a benchmark) would otherwise run two Astro builds into the same dist/ and one of them
 * would serve half-written files. A lock left by a process that died is taken over.
 */
export async function withBuildLock(work: () => Promise<void>, lock: string = BUILD_LOCK): Promise<void> {
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const content = (await readFile(lock, 'utf8').catch(() => '')).trim();
      const holder = Number(content);
      const age = Date.now() - ((await stat(lock).catch(() => null))?.mtimeMs ?? Date.now());
      const abandoned = content === '' ? age > EMPTY_LOCK_GRACE_MS : !Number.isInteger(holder) || holder <= 0 || !isRunning(holder);
      if (abandoned) await rm(lock, { force: true });
      else await sleep(LOCK_POLL_MS);
    }
  }
  try {
    await work();
  } finally {
    await rm(lock, { force: true });
  }
}

/** Builds the site with Astro when it is missing or stale, echoing Astro's output to the log; one process builds, the others wait for it. */
export async function ensureSiteBuilt(log: (line: string) => void): Promise<void> {
  if (!(await isSiteBuildStale())) return;
  await withBuildLock(async () => {
    // Another process may have built it while this one waited for the lock.
    if (!(await isSiteBuildStale())) return;
    log('Building the site (first start or sources changed)…');
    await new Promise<void>((resolve, reject) => {
      const child = spawn('npm', ['run', '--silent', 'build', '--', '--silent'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build exited with code ${code}`))));
    });
  });
}
