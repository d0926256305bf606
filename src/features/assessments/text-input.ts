import { open } from 'node:fs/promises';
import { describeFileError } from '../../shared/files.ts';

/** The largest input file read: assessment files are tens of kilobytes, published pages less. */
export const MAX_INPUT_BYTES = 1024 * 1024;

export type TextInput = { ok: true; text: string } | { ok: false; message: string };

const LIMIT_TEXT = `1 MB (${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes)`;

/** Returns the offset of the first byte that does not continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next] ?? 0;
      if (byte < 0x80 || byte > 0xbf) return index + next;
    }
    const second = bytes[index + 1] ?? 0;
    // Overlong three- and four-byte forms, UTF-16 surrogates, and code points past U+10FFFF.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return index + 1;
    index += length;
  }
  return -1;
}

/** Reads a file people write by hand (YAML, page text): refuses binary, non-UTF-8 and over-large files with one line saying what it found; never throws. */
export async function readTextInput(path: string, expected: string): Promise<TextInput> {
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) return { ok: false, message: `cannot be read: is a folder, not a file` };
      if (!stats.isFile()) return { ok: false, message: `is not a regular file; expected ${expected}` };
      const { size } = stats;
      if (size > MAX_INPUT_BYTES) return { ok: false, message: `is ${size.toLocaleString('en-US')} bytes; expected ${expected} of at most ${LIMIT_TEXT}` };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, message: `cannot be read: ${describeFileError(error)}` };
  }
  if (bytes.length > MAX_INPUT_BYTES) return { ok: false, message: `grew past ${LIMIT_TEXT} while being read; expected ${expected} of at most ${LIMIT_TEXT}` };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, message: `is UTF-16 text; expected ${expected} (save it as UTF-8)` };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, message: `not a text file (found a NUL byte at offset ${nul}); expected ${expected}` };
  const invalid = firstInvalidUtf8Offset(bytes);
  if (invalid !== -1) return { ok: false, message: `not UTF-8 text (found the byte 0x${(bytes[invalid] ?? 0).toString(16).padStart(2, '0')} at offset ${invalid}); expected ${expected}` };
  const text = bytes.toString('utf8');
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}
