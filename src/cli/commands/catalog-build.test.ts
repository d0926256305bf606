import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../catalog/committed-catalog.ts';
import { runCaptured } from '../test-support/capture-io.ts';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'jobzone-catalog-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('jobzone catalog build', () => {
  it('asks for --from when it is missing (usage error, exit 2)', async () => {
    const { code, stderr } = await runCaptured(['catalog', 'build']);
    expect(code).toBe(2);
    expect(stderr).toContain('missing --from <data folder>');
  });

  it('names a source folder that does not exist and writes nothing (exit 1)', async () => {
    const { code, stderr } = await runCaptured(['catalog', 'build', '--from', join(scratch, 'nowhere'), '--out', join(scratch, 'out')]);
    expect(code).toBe(1);
    expect(stderr).toContain('nowhere: not a folder');
    expect(stderr).toContain('Nothing was written.');
  });

  it('builds into --out and prints a summary with counts and zones, progress as plain lines in logs', async () => {
    const out = join(scratch, 'built');
    const { code, stdout, stderr } = await runCaptured(['catalog', 'build', '--from', join(REPOSITORY_ROOT, '..', 'shared', 'data'), '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/923 occupations, \d+ titles, 923 baselines \(Green \d+, Yellow \d+, Red \d+\)/);
    expect(stderr).toContain('deriving baselines: 923/923');
    expect(stderr).not.toContain('\r');
  }, 60_000);
});

describe('jobzone catalog report', () => {
  it('writes the sanity report of the committed catalog to --out', async () => {
    const out = join(scratch, 'report.md');
    const { code, stdout } = await runCaptured(['catalog', 'report', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('923 baselines');
    expect(await readFile(out, 'utf8')).toContain('# Catalog sanity report');
  });

  it('explains a catalog folder that holds no catalog (exit 1)', async () => {
    const { code, stderr } = await runCaptured(['catalog', 'report', '--catalog', scratch, '--out', join(scratch, 'r.md')]);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot be read');
  });
});
