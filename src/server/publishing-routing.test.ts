import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CliIo, Command } from '../cli/cli-io.ts';
import { createExportCommand } from '../cli/commands/export.ts';
import { createPublishCommand } from '../cli/commands/publish.ts';
import { createRevisionsCommand } from '../cli/commands/revisions.ts';
import { createMigratedDataDir } from '../store/test-support/scratch-stores.ts';
import { fetchServerStatus, type ServerStatus } from './internal-client.ts';
import { readLiveServerFile, serverFilePath } from './server-file.ts';
import { findFreePort } from '../shared/free-port.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 280_000;

async function run(command: Command, args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: process.cwd(), stderrIsTerminal: false };
  return { code: await command.run(args, io), stdout, stderr };
}

function runCliProcess(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, JOBZONE_DATA_DIR: dataDir, DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function waitUntil<T>(what: string, probe: () => Promise<T | null>, deadlineMs = 30_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('CLI commands while the server holds the embedded store', () => {
  let dataDir = '';
  let workDir = '';
  let server: ChildProcess | undefined;
  let log = '';
  const settings = () => ({ dataDir, databaseUrl: undefined, author: undefined });

  beforeAll(async () => {
    dataDir = await createMigratedDataDir();
    workDir = await mkdtemp(join(tmpdir(), 'jobzone-routing-'));
    const port = await findFreePort();
    server = spawn(process.execPath, ['src/server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), JOBZONE_DATA_DIR: dataDir, DATABASE_URL: '', ASTRO_TELEMETRY_DISABLED: '1', JOBZONE_PRERENDER: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<never>((_, reject) => server?.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${log}`))));
    await Promise.race([waitUntil('the server to start', async () => (log.includes('jobzone is running') ? true : null), START_TIMEOUT_MS), exited]);
  }, START_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
      await new Promise((resolve) => server?.once('exit', resolve));
    }
    await rm(dataDir, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
  });

  it('the running server announces its local internal API in server.json', async () => {
    const announced = await readLiveServerFile(dataDir);
    expect(announced).toMatchObject({ pid: server?.pid });
    if (!announced) throw new Error('no server.json');
    const status = await fetchServerStatus(announced);
    expect(status.readModel.assessments).toBeGreaterThan(900);
    const refused = await fetch(`http://127.0.0.1:${announced.port}/internal/v1/status`, { headers: { authorization: 'Bearer wrong' } });
    expect(refused.status).toBe(401);
  });

  it('export, publish and revisions go through the server, and its read model shows the new revision', async () => {
    const file = join(workDir, 'nurses.yaml');
    const exported = await run(createExportCommand(settings()), ['registered-nurses', '-o', file]);
    expect(exported).toMatchObject({ code: 0, stderr: expect.stringContaining('revision 1') });
    const original = await readFile(file, 'utf8');
    expect(parse(original)).toMatchObject({ basedOnRevision: 1, role: { slug: 'registered-nurses' } });
    await writeFile(file, original.replace(/(jobPostings:\n\s+score: )-?\d/, '$12'));

    const published = await run(createPublishCommand(settings()), [file, '--note', 'Postings for nurses keep rising', '--author', 'Ada Assessor']);
    expect(published.stderr).toBe('');
    expect(published).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Published registered-nurses\/all-levels revision 2: /) });

    const listed = await runCliProcess(['revisions', 'registered-nurses/all-levels', '--json'], dataDir);
    expect(listed.code).toBe(0);
    const revisions = JSON.parse(listed.stdout) as { revision: number; publishedAt: string; author: string; note: string; score: number }[];
    expect(revisions.map((revision) => [revision.revision, revision.author])).toEqual([
      [2, 'Ada Assessor'],
      [1, 'jobzone baseline pipeline'],
    ]);
    expect(Object.keys(revisions[0] ?? {})).toEqual(['revision', 'publishedAt', 'author', 'note', 'score', 'zone', 'subLabel']);
    expect(new Date(revisions[0]?.publishedAt ?? '').toISOString()).toBe(revisions[0]?.publishedAt);

    const announced = await readLiveServerFile(dataDir);
    if (!announced) throw new Error('no server.json');
    const shown = await waitUntil('the read model to show revision 2', async () => {
      const status: ServerStatus = await fetchServerStatus(announced, 'registered-nurses/all-levels');
      return status.assessment?.revision === 2 ? status.assessment : null;
    });
    expect(shown.score).toBe(revisions[0]?.score);
  });

  it('publishing the same exported file again is refused as a conflict and the file is left untouched', async () => {
    const file = join(workDir, 'nurses.yaml');
    const before = await readFile(file, 'utf8');
    const again = await runCliProcess(['publish', file, '--note', 'A second edit from the old export'], dataDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('you edited revision 1 of registered-nurses/all-levels but revision 2 is now the latest');
    expect(again.stderr).toContain('by Ada Assessor');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  // Three CLI processes each start Node and load the command line; they run side by side so a busy machine waits for one start, not three.
  it('catalog stats and show answer through the server while it holds the store', async () => {
    const [stats, shown, missing] = await Promise.all([
      runCliProcess(['catalog', 'stats', '--json'], dataDir),
      runCliProcess(['catalog', 'show', 'registered-nurses', '--json'], dataDir),
      runCliProcess(['catalog', 'show', 'chief-vibes-officer'], dataDir),
    ]);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ occupations: 923, assessments: 924 });
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ slug: 'registered-nurses', revision: { number: 2 } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no occupation or role "chief-vibes-officer"/);
  }, 60_000);

  it('stopping the server removes server.json, and the CLI then opens the store itself', async () => {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server?.kill('SIGTERM');
    await exited;
    expect(existsSync(serverFilePath(dataDir))).toBe(false);
    const listed = await run(createRevisionsCommand(settings()), ['registered-nurses']);
    expect(listed).toMatchObject({ code: 0, stdout: expect.stringContaining('2 revisions') });
  });
});
