import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonLines } from '../../data-pipeline/build/build-catalog.ts';
import { sampleCatalog } from '../../features/catalog/test-support/sample-catalog.ts';
import { AssessmentSchema } from '../../methodology/index.ts';
import { catalogDiffCommand } from './catalog-diff.ts';

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await catalogDiffCommand.run(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd, stderrIsTerminal: false });
  return { code, stdout, stderr };
}

describe('jobzone catalog diff', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'catalog-diff-'));
    const old = sampleCatalog([
      { onetCode: '53-2011.00', title: 'Airline Pilots', zone: 'Yellow' },
      { onetCode: '43-9021.00', title: 'Data Entry Keyers', zone: 'Red' },
      { onetCode: '99-0001.00', title: 'Retired Occupation', zone: 'Red' },
    ]);
    const next = sampleCatalog([
      { onetCode: '53-2011.00', title: 'Airline Pilots', zone: 'Yellow' },
      { onetCode: '43-9021.00', title: 'Data Entry Keyers', zone: 'Red' },
      { onetCode: '53-3054.00', title: 'Taxi Drivers', zone: 'Yellow' },
    ]);
    const pilots = next.baselines[0];
    if (pilots) {
      pilots.assessment = AssessmentSchema.parse({
        ...pilots.assessment,
        baselineMethod: { version: 'baseline-2', aiScope: 'Language models and autonomous systems.' },
        tasks: [{ ...pilots.assessment.tasks[0], score: 1 }],
        barriers: { ...pilots.assessment.barriers, regulatory: { score: 2, rationale: 'FAA certificate.' } },
      });
    }
    await mkdir(join(folder, 'old'));
    await mkdir(join(folder, 'repo', 'catalog'), { recursive: true });
    await writeFile(join(folder, 'old', 'baselines.jsonl'), toJsonLines(old.baselines));
    await writeFile(join(folder, 'repo', 'catalog', 'baselines.jsonl'), toJsonLines(next.baselines));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('lists per occupation the headline before → after, the method versions and the inputs that moved', async () => {
    const { code, stdout } = await run(['old', 'repo'], folder);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      '3 baselines differ (1 change zone).',
      '53-2011.00 Airline Pilots: 31.0 Yellow (Moderate) → 58.8 Green (Stable) [baseline-1 → baseline-2]',
      '    moved: task exposure 3→1, barriers.regulatory 0→2',
      '53-3054.00 Taxi Drivers: — → 31.0 Yellow (Moderate) [new → baseline-1]',
      '99-0001.00 Retired Occupation: 5.8 Red (Imminent) → — [baseline-1 → removed]',
      '',
    ]);
  });

  it('prints the same as JSON with --json', async () => {
    const { code, stdout } = await run(['old', 'repo', '--json'], folder);
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as { onetCode: string; change: string; moved: unknown[] }[];
    expect(entries.map((entry) => [entry.onetCode, entry.change])).toEqual([
      ['53-2011.00', 'changed'],
      ['53-3054.00', 'added'],
      ['99-0001.00', 'removed'],
    ]);
    expect(entries[0]?.moved).toEqual([
      { input: 'task exposure', before: 3, after: 1 },
      { input: 'barriers.regulatory', before: 0, after: 2 },
    ]);
  });

  it('names the folder when it holds no catalog', async () => {
    const { code, stderr } = await run(['nowhere'], folder);
    expect(code).toBe(1);
    expect(stderr).toMatch(/nowhere: holds no baselines\.jsonl \(nor catalog\/baselines\.jsonl\)/);
  });
});
