import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileDropDriver } from '../features/mail/mail-drivers.ts';
import { openStore, pgliteDirectoryOf } from './database.ts';

const scratch = await mkdtemp(join(tmpdir(), 'jobzone-modes-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

async function modesBelow(folder: string): Promise<Map<string, number>> {
  const modes = new Map<string, number>();
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    modes.set(path, await modeOf(path));
  }
  return modes;
}

describe('files jobzone creates are readable by their owner only', () => {
  it('the data directory and the embedded database: folders 0700, files 0600', async () => {
    const dataDir = join(scratch, 'data');
    const store = await openStore({ dataDir, databaseUrl: undefined });
    await store.close();
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(pgliteDirectoryOf(dataDir))).toBe(0o700);
    const open = [...(await modesBelow(pgliteDirectoryOf(dataDir)))].filter(([, mode]) => (mode & 0o077) !== 0);
    expect(open).toEqual([]);
  }, 60_000);

  it('outbox .eml files: folder 0700, files 0600', async () => {
    const folder = join(scratch, 'data-mail', 'outbox');
    const driver = createFileDropDriver(folder, 'jobzone <updates@localhost>');
    await driver.send({ to: 'reader@example.com', subject: 'Confirm', text: 'secret link', html: '<p>secret link</p>', messageId: '<m1@localhost>', label: 'confirmation', headers: {} });
    await driver.close();
    expect(await modeOf(folder)).toBe(0o700);
    const files = await modesBelow(folder);
    expect([...files.values()]).toEqual([0o600]);
  });
});
