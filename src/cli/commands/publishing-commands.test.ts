import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedDataDir } from '../../store/test-support/scratch-stores.ts';
import { UsageError, type CliIo, type Command } from '../cli-io.ts';
import { runCaptured } from '../test-support/capture-io.ts';
import { createEvidenceCommand } from './evidence.ts';
import { createExportCommand } from './export.ts';
import { createMethodologyCommand } from './methodology-rescore.ts';
import { createPublishCommand } from './publish.ts';
import { createRevisionsCommand } from './revisions.ts';

async function run(command: Command, args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: process.cwd(), stderrIsTerminal: false };
  try {
    return { code: await command.run(args, io), stdout, stderr };
  } catch (error) {
    // What runCli does with a usage error.
    if (!(error instanceof UsageError)) throw error;
    return { code: 2, stdout, stderr: `${stderr}${error.message}` };
  }
}

describe('the publishing commands on a fresh PGlite data directory', () => {
  let dataDir = '';
  let workDir = '';
  const settings = () => ({ dataDir, databaseUrl: undefined, author: 'Configured Author' });
  const revisionsOf = async (key: string) => JSON.parse((await run(createRevisionsCommand(settings()), [key, '--json'])).stdout) as { revision: number; author: string; note: string; score: number; zone: string }[];

  beforeAll(async () => {
    dataDir = await createMigratedDataDir();
    workDir = await mkdtemp(join(tmpdir(), 'jobzone-publish-cli-'));
  }, 120_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
  });

  it('export writes a file publish accepts back as a new revision with identical figures, authored from the configuration', async () => {
    const file = join(workDir, 'multimodal.yaml');
    expect((await run(createExportCommand(settings()), ['multimodal-ai-engineer/mid-level', '-o', file])).code).toBe(0);
    const published = await run(createPublishCommand(settings()), [file, '--note', 'Reviewed: no change']);
    expect(published).toMatchObject({ code: 0, stdout: 'Published multimodal-ai-engineer/mid-level revision 2: 64.0 Green (Accelerated) → 64.0 Green (Accelerated) (±0.0)\n' });
    const [latest, first] = await revisionsOf('multimodal-ai-engineer');
    expect(latest).toMatchObject({ revision: 2, author: 'Configured Author', note: 'Reviewed: no change', score: first?.score });
  }, 300_000);

  it('export without -o prints the file with the revision it came from', async () => {
    const { code, stdout } = await run(createExportCommand(settings()), ['registered-nurses']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^basedOnRevision: 1\nmethodology: aijri-1\nstatus: baseline\n/);
  });

  it('publish names the file, line and field of an invalid file and writes nothing', async () => {
    const file = join(workDir, 'broken.yaml');
    const exported = (await run(createExportCommand(settings()), ['registered-nurses'])).stdout;
    await writeFile(file, exported.replace(/(jobPostings:\n\s+score: )-?\d/, '$17'));
    const { code, stderr } = await run(createPublishCommand(settings()), [file, '--note', 'Typo']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.yaml:\d+: evidence\.jobPostings\.score: found 7; expected an evidence score from -2 to 2/);
    expect(await revisionsOf('registered-nurses')).toHaveLength(1);
  });

  it('publish without a note is a usage error', async () => {
    const { code, stderr } = await run(createPublishCommand(settings()), [join(workDir, 'multimodal.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toContain('--note is required');
  });

  it('evidence set --dry-run lists each assessment’s score, zone and sub-label change and writes nothing', async () => {
    const { code, stdout } = await run(createEvidenceCommand(settings()), ['set', '--dimension', 'job-postings', '--value', '-2', '--roles', 'registered-nurses,multimodal-ai-engineer/mid-level', '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Dry run: nothing is written\.\nassessment\s+score\s+zone\s+sub-label\n/);
    expect(stdout).toMatch(/registered-nurses\/all-levels\s+\d+\.\d → \d+\.\d \(-\d+\.\d\)/);
    expect(stdout).toMatch(/multimodal-ai-engineer\/mid-level\s+64\.0 → /);
    expect(await revisionsOf('registered-nurses')).toHaveLength(1);
  });

  it('evidence set publishes every selected assessment in one step with the note', async () => {
    const { code, stdout } = await run(createEvidenceCommand(settings()), ['set', '--dimension', 'jobPostings', '--value=-2', '--roles', 'registered-nurses,multimodal-ai-engineer', '--note', 'Postings fell', '--author', 'Ada']);
    expect(code).toBe(0);
    expect(stdout).toContain('2 revisions published in one step.');
    expect(await revisionsOf('registered-nurses')).toMatchObject([{ revision: 2, author: 'Ada', note: 'Postings fell' }, { revision: 1 }]);
  });

  it('evidence set refuses an unknown dimension, a value out of range and a missing selection as usage errors', async () => {
    const command = createEvidenceCommand(settings());
    expect(await run(command, ['set', '--dimension', 'vibes', '--value', '1', '--roles', 'x', '--note', 'n'])).toMatchObject({ code: 2, stderr: expect.stringContaining('"vibes" is not an evidence dimension') });
    expect(await run(command, ['set', '--dimension', 'wages', '--value', '3', '--roles', 'x', '--note', 'n'])).toMatchObject({ code: 2, stderr: expect.stringContaining('from -2 to 2') });
    expect(await run(command, ['set', '--dimension', 'wages', '--value', '1', '--note', 'n'])).toMatchObject({ code: 2, stderr: expect.stringContaining('exactly one of --category') });
    expect(await run(command, ['set', '--dimension', 'wages', '--value', '1', '--roles', 'nobody-at-all', '--note', 'n'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no published assessment of nobody-at-all') });
  });

  it('methodology rescore re-scores every assessment as a new revision whose note names the version', async () => {
    const dry = await run(createMethodologyCommand(settings()), ['rescore', '--version', 'aijri-1', '--dry-run']);
    expect(dry.stdout).toMatch(/924 assessments: 0 zone changes, 0 sub-label changes\./);
    const { code, stdout } = await run(createMethodologyCommand(settings()), ['rescore', '--version', 'aijri-1']);
    expect(code).toBe(0);
    expect(stdout).toContain('Re-scored 924 assessments with aijri-1');
    expect((await revisionsOf('registered-nurses'))[0]).toMatchObject({ revision: 3, author: 'jobzone methodology rescore', note: 'Re-scored with methodology aijri-1.' });
    expect(await run(createMethodologyCommand(settings()), ['rescore', '--version', 'aijri-7'])).toMatchObject({ code: 1, stderr: expect.stringContaining('"aijri-7" is not a methodology version') });
  }, 120_000);

  it('the commands are listed in jobzone --help', async () => {
    const { stdout } = await runCaptured(['--help']);
    for (const name of ['publish', 'evidence', 'export', 'revisions', 'methodology']) expect(stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(await readFile(join(workDir, 'multimodal.yaml'), 'utf8')).toContain('basedOnRevision: 1');
  });
});
