import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser.ts';
import { findFreePort } from '../../src/shared/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    /** The site's JOBZONE_DATA_DIR: mail without SMTP lands in its outbox/ folder. */
    siteDataDir: string;
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 180_000;

function waitForStart(child: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the site did not start within ${START_TIMEOUT_MS / 1000} s:\n${log()}`)), START_TIMEOUT_MS);
    child.stdout?.on('data', () => {
      if (log().includes('jobzone is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the site exited with code ${code} before it started:\n${log()}`));
    });
  });
}

/** Starts the real site (built Astro + our server + a fresh embedded store) once for all browser tests. */
export default async function startSite(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM_PATH}; install it with "apt-get install chromium" (.ci/run does).`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'jobzone-e2e-'));
  const port = await findFreePort();
  // localhost rather than 127.0.0.1: WebAuthn refuses IP addresses as relying-party ids, and the studio's passkeys are tested here.
  const siteUrl = `http://localhost:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), JOBZONE_DATA_DIR: dataDir, PUBLIC_URL: siteUrl, DATABASE_URL: '', JOBZONE_PRERENDER: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForStart(child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('siteUrl', siteUrl);
  project.provide('siteDataDir', dataDir);
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  };
}
