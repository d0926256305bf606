import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../test-support/capture-io.ts';
import { createPublishCommand } from './publish.ts';
import { UsageError, type CliIo } from '../cli-io.ts';

const EXAMPLE = fileURLToPath(new URL('../../../content/assessments/multimodal-ai-engineer/mid-level.yaml', import.meta.url));
let scratch = '';
// Never opened: every case below is refused before the store is touched.
const settings = () => ({ dataDir: join(scratch, 'no-store-here'), databaseUrl: undefined, author: undefined });

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'jobzone-bad-input-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function publish(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: scratch, stderrIsTerminal: false };
  try {
    return { code: await createPublishCommand(settings()).run(args, io), stdout, stderr };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { code: 2, stdout, stderr: `${stderr}${error.message}\n` };
  }
}

describe('files that are not assessments', () => {
  it('validate, score, import-page and publish refuse a binary file in one line', async () => {
    const path = join(scratch, 'photo.yaml');
    await writeFile(path, Buffer.concat([Buffer.from('status: expert\n'), Buffer.from([0, 1, 2, 0xff])]));
    const message = `${path}: not a text file (found a NUL byte at offset 15); expected UTF-8 YAML\n`;
    expect(await runCaptured(['validate', path])).toMatchObject({ code: 1, stderr: message });
    expect(await runCaptured(['score', path])).toMatchObject({ code: 1, stderr: message });
    expect(await publish(['photo.yaml', '--note', 'n'])).toMatchObject({ code: 1, stderr: `photo.yaml: not a text file (found a NUL byte at offset 15); expected UTF-8 YAML\njobzone publish: photo.yaml is not a valid assessment; nothing was published\n` });
    const page = join(scratch, 'photo.txt');
    await writeFile(page, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    expect(await runCaptured(['import-page', page])).toMatchObject({ code: 1, stderr: `${page}: not a text file (found a NUL byte at offset 4); expected the UTF-8 text of a published assessment page\n` });
  });

  it('validate and import-page refuse a file over 1 MB with its size', async () => {
    const path = join(scratch, 'huge.yaml');
    await writeFile(path, `# ${'x'.repeat(1024 * 1024)}\n`);
    expect(await runCaptured(['validate', path])).toMatchObject({ code: 1, stderr: `${path}: is 1,048,579 bytes; expected UTF-8 YAML of at most 1 MB (1,048,576 bytes)\n` });
    expect((await runCaptured(['import-page', path])).stderr).toContain('is 1,048,579 bytes; expected the UTF-8 text of a published assessment page of at most 1 MB');
  });

  it('a NUL written as a YAML escape is refused by validate and publish with file, line and field', async () => {
    const path = join(scratch, 'escaped-nul.yaml');
    const example = await readFile(EXAMPLE, 'utf8');
    await writeFile(path, example.replace('  category: AI/ML Engineering\n', '  category: "AI/ML \\0 Engineering"\n'));
    const line = example.split('\n').indexOf('  category: AI/ML Engineering') + 1;
    const problem = `role.category: found a NUL byte (U+0000) at character 7; expected one line of text without control characters`;
    expect(await runCaptured(['validate', path])).toMatchObject({ code: 1, stderr: `${path}:${line}: ${problem}\n` });
    const published = await publish(['escaped-nul.yaml', '--note', 'n']);
    expect(published.code).toBe(1);
    expect(published.stderr).toBe(`escaped-nul.yaml:${line}: ${problem}\njobzone publish: escaped-nul.yaml is not a valid assessment; nothing was published\n`);
  });

  it('publish refuses a note or author with control characters or over its length before opening the store', async () => {
    expect(await publish([EXAMPLE, '--note', 'bad \u0000 note'])).toMatchObject({ code: 2, stderr: '--note: found a NUL byte (U+0000) at character 5; expected text without control characters (tabs and line breaks are allowed)\n' });
    expect(await publish([EXAMPLE, '--note', 'x'.repeat(2001)])).toMatchObject({ code: 2, stderr: '--note: found 2,001 characters; expected at most 2,000\n' });
    expect(await publish([EXAMPLE, '--note', 'ok', '--author', 'Ada\nLovelace'])).toMatchObject({ code: 2, stderr: '--author: found a line break (U+000A) at character 4; expected one line of text without control characters\n' });
  });
});
