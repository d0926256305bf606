import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workedExampleFigures } from '../methodology/test-support/worked-example.ts';
import { seedPagePath } from '../data-pipeline/importers/published-page/seed-page.test-support.ts';
import { runCaptured } from './test-support/capture-io.ts';

let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'jobzone-cli-seed-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('jobzone import-page on the published seed page (../shared/seeds)', () => {

  it('imports the published page to a file that scores 64.0 with the same figures as the page itself', async () => {
    const seed = seedPagePath();
    const out = join(scratch, 'mm.yaml');
    const imported = await runCaptured(['import-page', seed, '-o', out]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('Imported Multimodal AI Engineer (Mid-level): 6 tasks');
    expect(imported.stderr).toContain('every published figure is reproduced');

    const fromYaml = await runCaptured(['score', out, '--json']);
    const fromPage = await runCaptured(['score', seed, '--json']);
    expect(fromYaml.code).toBe(0);
    expect(JSON.parse(fromYaml.stdout)).toMatchObject(workedExampleFigures);
    expect(fromYaml.stdout).toBe(fromPage.stdout);
  });

  it('keeps every text section of the page', async () => {
    const seed = seedPagePath();
    const { stdout } = await runCaptured(['import-page', seed]);
    for (const field of ['primaryFunction:', 'notThisRole:', 'typicalExperience:', 'seniorityNote:', 'verdict:', 'reinstatement:', 'growthCheck:', 'peerCheck:', 'scoreVsReality:', 'whatTheNumbersMiss:', 'whoShouldWorry:', 'roleInFuture:', 'survivalStrategy:', 'timeline:']) {
      expect(stdout).toContain(field);
    }
  });
});
