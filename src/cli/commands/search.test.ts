import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCatalogFolder } from '../../features/search/test-support/catalog-folder.ts';
import type { CliIo } from '../cli-io.ts';
import { runCli } from '../run-cli.ts';

let root: string;
let emptyRoot: string;

beforeAll(async () => {
  root = await makeCatalogFolder({ withExpertRole: true });
  emptyRoot = await makeCatalogFolder({ withCatalog: false });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(emptyRoot, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const output = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (text) => (output.stdout += text), stderr: (text) => (output.stderr += text), cwd: root, stderrIsTerminal: false };
  const code = await runCli(argv, io);
  return { code, ...output };
}

const RESULT_KEYS = ['slug', 'title', 'socCode', 'onetCode', 'matchedTitle', 'score', 'explanation'];

describe('jobzone search', () => {
  it('prints the query, the matched title and the occupation with its code', async () => {
    const { code, stdout } = await run('search', 'rn', '--root', root);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^ 1\. rn → RN → Registered Nurses \(29-1141\.00\)/);
  });

  it('finds an occupation by an official title of the Census index, as the read model does', async () => {
    const { code, stdout } = await run('search', 'Coronary Care Nurse', '--root', root);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      ' 1. Coronary Care Nurse → Coronary Care Nurse → Registered Nurses (29-1141.00)  score 0.97',
      '    Matches an official title of the Census occupation index: “Coronary Care Nurse”',
    ]);
  });

  it('prints the contract JSON with --json, honouring --limit', async () => {
    const { code, stdout } = await run('search', 'Database Admin', '--json', '--limit', '1', '--root', root);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { query: string; results: Record<string, unknown>[] };
    expect(parsed.query).toBe('Database Admin');
    expect(parsed.results).toHaveLength(1);
    expect(Object.keys(parsed.results[0] ?? {})).toEqual(RESULT_KEYS);
    expect(parsed.results[0]).toMatchObject({ slug: 'database-administrators', socCode: '15-1242', onetCode: '15-1242.00' });
  });

  it('explains each result, in the text output and in the JSON', async () => {
    const text = await run('search', 'rn', '--root', root);
    expect(text.stdout.split('\n')[1]).toBe('    Matches an O*NET short title: “RN”');
    const { stdout } = await run('search', 'cashier', '--json', '--root', root);
    const parsed = JSON.parse(stdout) as { results: { explanation: string }[]; notInCatalog: unknown };
    expect(parsed.results[0]?.explanation).toBe('Matches the occupation’s own title');
    expect(parsed.notInCatalog).toBeNull();
  });

  it('says plainly when a military title has no civilian occupation', async () => {
    const json = JSON.parse((await run('search', 'Lance Corporal', '--json', '--root', root)).stdout) as { notInCatalog: { notice: string } | null };
    expect(json.notInCatalog?.notice).toBe('not in the catalog: military ranks have no civilian O*NET occupation');
    const text = await run('search', 'Lance Corporal', '--root', root);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('"Lance Corporal" is not in the catalog: military ranks have no civilian O*NET occupation. Nearest civilian occupations:');
  });

  it('finds expert roles from content/ beside the catalog', async () => {
    const { stdout } = await run('search', 'multimodal ai engineer', '--json', '--root', root);
    expect(JSON.parse(stdout).results[0]).toMatchObject({ slug: 'multimodal-ai-engineer', onetCode: '15-1221.00', matchedTitle: 'Multimodal AI Engineer' });
  });

  it('answers a batch file with one JSON line per query line, in order', async () => {
    const batch = join(root, 'queries.txt');
    await writeFile(batch, 'cashier\nteh cashier\n\ndba\n');
    const { code, stdout } = await run('search', '--batch', 'queries.txt', '--limit', '2', '--root', root);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { query: string; results: { onetCode: string }[] });
    expect(lines.map((line) => line.query)).toEqual(['cashier', 'teh cashier', '', 'dba']);
    expect(lines.map((line) => line.results[0]?.onetCode ?? null)).toEqual(['41-2011.00', '41-2011.00', null, '15-1242.00']);
    expect(lines.every((line) => line.results.length <= 2)).toBe(true);
  });

  it('treats an empty query as a usage error', async () => {
    const { code, stderr } = await run('search', '  ', '--root', root);
    expect(code).toBe(2);
    expect(stderr).toContain('missing the job title to search for');
  });

  it('rejects a limit that is not a positive whole number', async () => {
    expect((await run('search', 'rn', '--limit', '0', '--root', root)).code).toBe(2);
    expect((await run('search', 'rn', '--limit', 'ten', '--root', root)).stderr).toContain('--limit: expected a whole number');
  });

  it('names a batch file it cannot read and exits 1', async () => {
    const { code, stderr } = await run('search', '--batch', 'missing.txt', '--root', root);
    expect(code).toBe(1);
    expect(stderr).toBe('jobzone search: missing.txt: cannot be read: no such file\n');
  });

  it('tells how to build the catalog when there is none, without a stack trace', async () => {
    const { code, stderr } = await run('search', 'rn', '--root', emptyRoot);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^jobzone search: .*catalog\/occupations\.jsonl: cannot be read: no such file; build the catalog first with "npx jobzone catalog build --from <data folder>" \(see docs\/baseline-method\.md\)\n$/);
  });

  it('shows its help', async () => {
    const { code, stdout } = await run('search', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('jobzone search --batch <file>');
  });
});
