import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The server bundle Astro builds; our server mounts its handler. */
export const SITE_ENTRY = join(ROOT, 'dist/server/entry.mjs');
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

/** Tells whether the built site is missing or older than any of its sources. */
export async function isSiteBuildStale(): Promise<boolean> {
  const built = await stat(SITE_ENTRY).catch(() => null);
  if (!built) return true;
  for (const input of INPUTS) if ((await newestModification(join(ROOT, input))) > built.mtimeMs) return true;
  return false;
}

/** Builds the site with Astro when it is missing or stale, echoing Astro's output to the log. */
export async function ensureSiteBuilt(log: (line: string) => void): Promise<void> {
  if (!(await isSiteBuildStale())) return;
  log('Building the site (first start or sources changed)…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'build', '--', '--silent'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build exited with code ${code}`))));
  });
}
