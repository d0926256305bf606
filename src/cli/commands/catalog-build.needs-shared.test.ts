import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../data-pipeline/committed-catalog.ts';
import { runCaptured } from '../test-support/capture-io.ts';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'jobzone-catalog-build-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('jobzone catalog build from ../shared/data', () => {
  it('builds into --out and prints a summary with counts and zones, progress as plain lines in logs', async () => {
    const out = join(scratch, 'built');
    const data = join(REPOSITORY_ROOT, '..', 'shared', 'data');
    if (!existsSync(data)) expect.fail(`the source data folder ${data} is missing: this test needs ../shared/data beside the checkout`);
    const { code, stdout, stderr } = await runCaptured(['catalog', 'build', '--from', data, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/923 occupations, \d+ titles, 923 baselines \(Green \d+, Yellow \d+, Red \d+\)/);
    expect(stderr).toContain('deriving baselines: 923/923');
    expect(stderr).not.toContain('\r');
  }, 60_000);
});
