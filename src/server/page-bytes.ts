import type { PageText } from '../presentation/query-pages/page-document.ts';

/**
 * Encodes a page to UTF-8 in a buffer of its exact size. Parts are encoded one by one into it, so a
 * page given in parts is never joined into one string (ADR 0179).
 */
export function utf8BytesOf(text: PageText): Buffer {
  if (typeof text === 'string') return Buffer.from(text, 'utf8');
  let size = 0;
  for (const part of text) size += Buffer.byteLength(part, 'utf8');
  const bytes = Buffer.allocUnsafeSlow(size);
  let offset = 0;
  for (const part of text) offset += bytes.write(part, offset, 'utf8');
  if (offset !== size) throw new Error(`a page's parts encoded to ${offset} bytes, not the ${size} counted`);
  return bytes;
}
