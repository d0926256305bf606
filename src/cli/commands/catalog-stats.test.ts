import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogToLoad } from '../../features/catalog/catalog-source.ts';
import { createMigratedDataDir } from '../../store/test-support/scratch-stores.ts';
import type { CliIo } from '../cli-io.ts';
import { createCatalogShowCommand } from './catalog-show.ts';
import { createCatalogLoadCommand } from './catalog-load.ts';
import { createCatalogStatsCommand } from './catalog-stats.ts';

async function run(command: { run: (args: string[], io: CliIo) => Promise<number> }, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await command.run(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: process.cwd(), stderrIsTerminal: false });
  return { code, stdout, stderr };
}

describe('jobzone catalog stats, show and load on a fresh PGlite data directory', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await createMigratedDataDir();
  }, 120_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('the first stats loads the committed catalog, reporting progress on stderr and only the counts on stdout', async () => {
    const committed = await readCatalogToLoad();
    const { code, stdout, stderr } = await run(createCatalogStatsCommand({ dataDir, databaseUrl: undefined }), ['--json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/is empty: loading the committed catalog/);
    const stats = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(stats)).toEqual(['occupations', 'assessments', 'baseline', 'expert', 'titles', 'byZone']);
    expect(stats).toMatchObject({ occupations: committed.occupations.length, baseline: committed.baselines.length, expert: committed.experts.length });
    expect(Object.keys(stats.byZone as object)).toEqual(['Green', 'Yellow', 'Red']);
  }, 300_000);

  it('stats on a loaded store loads nothing and prints a readable summary without --json', async () => {
    const { code, stdout, stderr } = await run(createCatalogStatsCommand({ dataDir, databaseUrl: undefined }), []);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/Occupations\s+[\d,]+/);
    expect(stdout).toMatch(/Zones\s+Green \d+ · Yellow \d+ · Red \d+/);
  }, 60_000);

  it('show --json prints the slug, title, code, status and the published figures of an expert role', async () => {
    const { code, stdout } = await run(createCatalogShowCommand({ dataDir, databaseUrl: undefined }), ['multimodal-ai-engineer', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      slug: 'multimodal-ai-engineer',
      title: 'Multimodal AI Engineer',
      onetCode: '15-1221.00',
      status: 'expert',
      score: 64,
      zone: 'Green',
      label: 'Green (Accelerated)',
    });
  }, 60_000);

  it('show of an unknown slug exits 1 and suggests jobzone search', async () => {
    const { code, stdout, stderr } = await run(createCatalogShowCommand({ dataDir, databaseUrl: undefined }), ['chief-vibes-officer']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no occupation or role "chief-vibes-officer".*jobzone search "chief-vibes-officer"/);
  }, 60_000);

  it('load on a store already up to the committed catalog publishes nothing, and says so', async () => {
    const { code, stdout } = await run(createCatalogLoadCommand({ dataDir, databaseUrl: undefined }), ['--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ revisionsPublished: 0, republished: 0, keptEdited: [] });
    const text = await run(createCatalogLoadCommand({ dataDir, databaseUrl: undefined }), []);
    expect(text.stdout).toMatch(/is up to date with the committed catalog\.\n {2}New assessments published {8}0\n {2}Baselines republished \(changed\) {2}0\n$/);
  }, 120_000);

  it('load with an argument is a usage error', async () => {
    await expect(run(createCatalogLoadCommand({ dataDir, databaseUrl: undefined }), ['now'])).rejects.toThrow(/load takes no arguments, found "now"/);
  });
});
