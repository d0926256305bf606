import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { config } from '../config/config.ts';
import { publishAssessment } from '../features/revisions/revisions.usecases.ts';
import { expertAssessment } from '../features/revisions/test-support/publishing-fixture.ts';
import { findFreePort } from '../shared/free-port.ts';
import { openScratchPostgresStore } from '../store/test-support/scratch-stores.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function until(condition: () => boolean, timeoutMs: number, describeWait: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${describeWait()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const distinct = (output: string, pattern: RegExp) => new Set([...output.matchAll(pattern)].map((match) => match[1]));

// Needs PostgreSQL: PGlite admits one process. Under CI TEST_DATABASE_URL is always set.
describe.runIf(config.testDatabaseUrl !== undefined || config.ci)('WEB_CONCURRENCY on PostgreSQL', () => {
  it('runs that many web processes on one port, and every one of them follows a publication', async () => {
    const scratch = await openScratchPostgresStore(config.testDatabaseUrl ?? '');
    const name = ((await scratch.store.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] }).rows[0]?.name ?? '';
    const databaseUrl = new URL(config.testDatabaseUrl ?? '');
    databaseUrl.pathname = `/${name}`;
    const dataDir = await mkdtemp(join(tmpdir(), 'jobzone-web-concurrency-'));
    const port = await findFreePort();
    let output = '';
    let server: ChildProcess | undefined;
    try {
      server = spawn(process.execPath, ['src/server/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), JOBZONE_DATA_DIR: dataDir, DATABASE_URL: databaseUrl.toString(), WEB_CONCURRENCY: '2', JOBZONE_PRERENDER: 'false', SMTP_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await until(() => distinct(output, /jobzone is running .*web process (\d+)/g).size === 2, 480_000, () => `two web processes:\n${output.slice(-2_000)}`);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);

      await publishAssessment(scratch.store.db, expertAssessment(), { author: 'Ada Assessor', note: 'New evidence.' });
      await until(() => distinct(output, /Read model refreshed after a publication .* in web process (\d+)/g).size === 2, 60_000, () => `both processes to refresh:\n${output.slice(-2_000)}`);
    } finally {
      server?.kill('SIGTERM');
      await new Promise((resolve) => (server && server.exitCode === null ? server.once('exit', resolve) : resolve(undefined)));
      await scratch.dispose();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 600_000);
});
