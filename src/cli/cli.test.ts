import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workedExampleFigures } from '../methodology/test-support/worked-example.ts';
import { runCaptured } from './test-support/capture-io.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const example = join(root, 'content/assessments/multimodal-ai-engineer/mid-level.yaml');
let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'jobzone-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('jobzone score', () => {
  it('prints the calculation of the worked example ending in 64.0, Green (Accelerated)', async () => {
    const { code, stdout, stderr } = await runCaptured(['score', example]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Task Resistance Score: 6.00 - 2.35 = 3.65/5.0');
    expect(stdout).toContain('Evidence Modifier       1.0 + (8 x 0.04) = 1.32');
    expect(stdout).toContain('Raw: 3.65 x 1.32 x 1.06 x 1.10 = 5.6178');
    expect(stdout).toContain('JobZone Score: (5.6178 - 0.54) / 7.93 x 100 = 64.0/100');
    expect(stdout).toContain('Sub-label: Green (Accelerated) — Growth Correlation = 2 AND AIJRI >= 48');
    expect(stdout).toContain('Uncertainty band: 59.2–68.9');
  });

  it('prints every contract field with --json', async () => {
    const { code, stdout } = await runCaptured(['score', example, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ...workedExampleFigures, band: { low: 59.2, high: 68.9, zoneStable: true } });
  });

  it('exits 1 with the problem on stderr for an invalid file, and 2 for a usage error', async () => {
    const bad = join(scratch, 'bad.yaml');
    await writeFile(bad, (await readFile(example, 'utf8')).replace('    share: 25\n', '    share: 20\n'));
    const invalid = await runCaptured(['score', bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toMatch(/bad\.yaml:\d+: tasks: shares sum to 95; they must sum to 100/);

    const missing = await runCaptured(['score']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing the file to score');
    expect((await runCaptured(['score', example, '--colour'])).code).toBe(2);
    expect((await runCaptured(['frobnicate'])).code).toBe(2);
  });

  it('says a file does not exist instead of failing', async () => {
    const { code, stderr } = await runCaptured(['score', join(scratch, 'nowhere.yaml')]);
    expect(code).toBe(1);
    expect(stderr).toContain('nowhere.yaml: cannot be read: no such file');
  });
});

describe('jobzone validate', () => {
  it('accepts the content folder and exits 0', async () => {
    const { code, stdout } = await runCaptured(['validate', join(root, 'content/assessments')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\d+ files? checked: \d+ valid, 0 invalid/);
  });

  it('reports every problem of every file and exits 1', async () => {
    const text = await readFile(example, 'utf8');
    const first = join(scratch, 'first.yaml');
    const second = join(scratch, 'second.yaml');
    await writeFile(first, text.replace('    score: 3\n', '    score: 9\n').replace('status: expert', 'status: draft'));
    await writeFile(second, 'role: [\n');
    const { code, stdout, stderr } = await runCaptured(['validate', first, second, example]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/first\.yaml:\d+: status: found "draft"/);
    expect(stderr).toMatch(/first\.yaml:\d+: tasks\[2\]\.score: found 9; expected a task score from 1 to 5/);
    expect(stderr).toMatch(/second\.yaml:\d+: not valid YAML/);
    expect(stdout).toContain('3 files checked: 1 valid, 2 invalid');
  });
});

describe('jobzone --help', () => {
  it('lists the commands, and every command answers --help with exit 0', async () => {
    const overview = await runCaptured(['--help']);
    expect(overview.code).toBe(0);
    for (const name of ['score', 'validate', 'import-page', 'schema', 'catalog']) {
      expect(overview.stdout).toContain(`  ${name}`);
      const help = await runCaptured([name, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Usage: jobzone /);
    }
  });
});

describe('npx jobzone, as a newcomer runs it', () => {
  it('runs on Node 24 from the project bin and scores the example', async () => {
    const { stdout } = await promisify(execFile)('npx', ['--no-install', 'jobzone', 'score', example, '--json'], { cwd: root });
    expect(JSON.parse(stdout)).toMatchObject({ score: 64, label: 'Green (Accelerated)' });
  });
});

describe('jobzone import-page', () => {
  it('writes nothing when the page is not an assessment page', async () => {
    const page = join(scratch, 'not-a-page.txt');
    const out = join(scratch, 'never.yaml');
    await writeFile(page, 'Will AI Replace Nothing Jobs?\n\nJust some text.\n');
    const { code, stderr } = await runCaptured(['import-page', page, '-o', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/not-a-page\.txt(:\d+)?: /);
    await expect(readFile(out, 'utf8')).rejects.toThrow();
  });
});
