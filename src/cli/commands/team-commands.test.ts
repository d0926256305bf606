import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedDataDir } from '../../store/test-support/scratch-stores.ts';
import { EXIT, UsageError, type CliIo } from '../cli-io.ts';
import { createTokensCommand } from './tokens.ts';
import { createUsersCommand } from './users.ts';

async function run(command: { run: (args: string[], io: CliIo) => Promise<number> }, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await command.run(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: process.cwd(), stderrIsTerminal: false });
  return { code, stdout, stderr };
}

describe('jobzone users and tokens on a fresh PGlite data directory', () => {
  let dataDir = '';
  let users: ReturnType<typeof createUsersCommand>;
  let tokens: ReturnType<typeof createTokensCommand>;
  beforeAll(async () => {
    dataDir = await createMigratedDataDir();
    users = createUsersCommand({ dataDir, databaseUrl: undefined });
    tokens = createTokensCommand({ dataDir, databaseUrl: undefined });
  }, 120_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers a missing action with the usage and exit 2, --help with the usage and exit 0', async () => {
    for (const command of [users, tokens]) {
      const missing = await run(command, []);
      expect(missing.code).toBe(EXIT.usage);
      expect(missing.stdout).toMatch(/^Usage: jobzone (users|tokens) /);
      for (const args of [['--help'], ['list', '--help']]) {
        const help = await run(command, args);
        expect(help.code).toBe(EXIT.ok);
        expect(help.stdout).toBe(missing.stdout);
      }
    }
  });

  it('refuses unknown actions and wrong argument counts as usage errors naming what is expected', async () => {
    await expect(run(users, ['promote', 'a@example.org'])).rejects.toThrow(new UsageError('unknown action "promote"; expected add, list, set-role or remove'));
    await expect(run(users, ['add', 'a@example.org'])).rejects.toThrow(/--role is required: one of assessor, reviewer, editor, admin/);
    await expect(run(users, ['remove'])).rejects.toThrow('users remove takes one email address; found 0 arguments');
    await expect(run(tokens, ['create'])).rejects.toThrow(/--email is required/);
    await expect(run(tokens, ['revoke'])).rejects.toThrow(/takes the number of one token/);
  });

  it('invites the first admin, issues a token shown once, lists and revokes it, and keeps the last admin', async () => {
    const added = await run(users, ['add', 'Ada@Example.org', '--role', 'admin']);
    expect(added).toMatchObject({ code: EXIT.ok, stdout: 'Invited ada@example.org as admin; a sign-in link is on its way to them.\n' });
    const listed = await run(users, ['list', '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ email: 'ada@example.org', role: 'admin' }]);

    const created = await run(tokens, ['create', '--email', 'ada@example.org', '--name', 'laptop']);
    expect(created.code).toBe(EXIT.ok);
    expect(created.stderr).toMatch(/It is shown only now/);
    const token = created.stdout.trim();
    expect(token.length).toBeGreaterThan(20);
    const tokenList = await run(tokens, ['list']);
    expect(tokenList.stdout).toMatch(/ada@example\.org {2}laptop {2}\(never used\)/);
    expect(tokenList.stdout).not.toContain(token);
    const id = /^\s*(\d+)/.exec(tokenList.stdout)?.[1] ?? '';
    expect((await run(tokens, ['revoke', id])).stdout).toBe(`Revoked token ${id} "laptop" of ada@example.org.\n`);
    expect((await run(tokens, ['list'])).stdout).toMatch(/\(revoked \d{4}-\d{2}-\d{2}\)/);

    const demoted = await run(users, ['set-role', 'ada@example.org', 'editor']);
    expect(demoted.code).toBe(EXIT.invalid);
    expect(demoted.stderr).toBe('jobzone users set-role: ada@example.org is the only admin; make someone else admin first\n');
  }, 120_000);
});
