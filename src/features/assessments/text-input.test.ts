import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAssessmentFile } from './assessment-files.ts';
import { firstInvalidUtf8Offset, MAX_INPUT_BYTES, readTextInput } from './text-input.ts';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'jobzone-text-input-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, content);
  return path;
}

describe('reading a file written by hand', () => {
  it('refuses a binary file in one line naming the offset of the first NUL byte', async () => {
    const path = await fileWith('image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(await readTextInput(path, 'UTF-8 YAML')).toEqual({ ok: false, message: 'not a text file (found a NUL byte at offset 8); expected UTF-8 YAML' });
  });

  it('refuses UTF-16 and other encodings, naming the first byte that is not UTF-8', async () => {
    expect(await readTextInput(await fileWith('utf16.yaml', Buffer.from('\ufeffstatus: expert', 'utf16le')), 'UTF-8 YAML')).toEqual({ ok: false, message: 'is UTF-16 text; expected UTF-8 YAML (save it as UTF-8)' });
    expect(await readTextInput(await fileWith('latin1.yaml', Buffer.from('title: Caf\xe9\n', 'latin1')), 'UTF-8 YAML')).toEqual({ ok: false, message: 'not UTF-8 text (found the byte 0xe9 at offset 10); expected UTF-8 YAML' });
  });

  it('refuses a file over 1 MB before reading it', async () => {
    const path = await fileWith('huge.yaml', 'a'.repeat(MAX_INPUT_BYTES + 1));
    expect(await readTextInput(path, 'UTF-8 YAML')).toEqual({ ok: false, message: 'is 1,048,577 bytes; expected UTF-8 YAML of at most 1 MB (1,048,576 bytes)' });
    expect(await readTextInput(await fileWith('just-fits.yaml', 'a'.repeat(MAX_INPUT_BYTES)), 'UTF-8 YAML')).toMatchObject({ ok: true });
  });

  it('reads UTF-8 text, dropping a byte order mark', async () => {
    expect(await readTextInput(await fileWith('bom.yaml', '\ufeffstatus: expert — ✓ 😀\n'), 'UTF-8 YAML')).toEqual({ ok: true, text: 'status: expert — ✓ 😀\n' });
  });

  it('says a missing file or a folder cannot be read', async () => {
    expect(await readTextInput(join(scratch, 'nowhere.yaml'), 'UTF-8 YAML')).toEqual({ ok: false, message: 'cannot be read: no such file' });
    expect(await readTextInput(scratch, 'UTF-8 YAML')).toEqual({ ok: false, message: 'cannot be read: is a folder, not a file' });
  });

  it('finds malformed UTF-8: stray continuation bytes, truncated sequences, overlong forms and surrogates', () => {
    expect(firstInvalidUtf8Offset(Buffer.from('plain ✓ 😀', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0xe2, 0x9c]))).toBe(1);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0xe0, 0x80, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(1);
  });

  it('an assessment file that is binary is one problem, with no line', async () => {
    const path = await fileWith('binary.yaml', Buffer.from('status: expert\n\0\0\0'));
    expect(await readAssessmentFile(path)).toEqual({ ok: false, problems: [{ file: path, line: null, path: '', message: 'not a text file (found a NUL byte at offset 15); expected UTF-8 YAML', severity: 'error' }] });
  });
});
