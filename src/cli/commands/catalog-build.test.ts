import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
