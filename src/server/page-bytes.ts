import { copyOf, encodeBodyForSync, exactCopyOf, type ContentCoding } from '../features/render-cache/content-coding.ts';
import { etagOf } from '../features/render-cache/render-cache.ts';
import type { PageText } from '../presentation/query-pages/page-document.ts';

const encoder = new TextEncoder();
/** A UTF-16 code unit takes at most three bytes in UTF-8 (a surrogate pair takes four for two units). */
const MAX_BYTES_PER_UNIT = 3;
/** Pages whose worst case fits are encoded through one reused buffer; larger ones count their bytes first. */
const SCRATCH_LIMIT_BYTES = 4 * 1024 * 1024;
let scratch = new Uint8Array(0);

/**
 * Encodes a page to UTF-8 in a buffer of its exact size. Parts are encoded one by one, so a page given
 * in parts is never joined into one string (ADR 0179).
 */
export function utf8BytesOf(text: PageText): Buffer {
  return withUtf8Bytes(text, (bytes) => (bytes.buffer === scratch.buffer ? copyOf(bytes) : bytes));
}

/**
 * Encodes a page to UTF-8 and hands the bytes to `use`, which must not keep them: they are a view of a
 * buffer the next page is encoded into. A page compressed and hashed at once (a render thread) then
 * allocates nothing for its unencoded bytes: each such allocation counts toward V8's external memory,
 * and every 64 MB of it costs a full collection of the heap (ADR 0180).
 */
export function withUtf8Bytes<T>(text: PageText, use: (bytes: Buffer) => T): T {
  const parts = typeof text === 'string' ? [text] : text;
  let worstCase = 0;
  for (const part of parts) worstCase += part.length * MAX_BYTES_PER_UNIT;
  if (worstCase > SCRATCH_LIMIT_BYTES) return use(countedBytesOf(parts));
  if (scratch.byteLength < worstCase) scratch = new Uint8Array(Math.min(SCRATCH_LIMIT_BYTES, Math.max(worstCase, scratch.byteLength * 2)));
  let offset = 0;
  for (const part of parts) offset += encoder.encodeInto(part, scratch.subarray(offset)).written;
  return use(Buffer.from(scratch.buffer, 0, offset));
}

function countedBytesOf(parts: readonly string[]): Buffer {
  let size = 0;
  for (const part of parts) size += Buffer.byteLength(part, 'utf8');
  const bytes = Buffer.allocUnsafeSlow(size);
  let offset = 0;
  for (const part of parts) offset += bytes.write(part, offset, 'utf8');
  if (offset !== size) throw new Error(`a page's parts encoded to ${offset} bytes, not the ${size} counted`);
  return bytes;
}

/** A page encoded for one reader: its body in `coding` (identity when compressing saves nothing) and its ETag. */
export interface EncodedPage {
  body: Buffer;
  coding: ContentCoding;
  etag: string;
}

/**
 * Encodes a rendered page for one reader on the calling thread: UTF-8 into the reused buffer, then
 * compressed in the reader's coding (the bytes `encodeBodyFor` makes) and hashed for its ETag; the
 * unencoded bytes are copied only when they are what is sent (identity). The body is a buffer of its
 * own exact size. Null when the page's UTF-8 is longer than `maxBytes`: the caller encodes it another way.
 */
export function encodePageHere(text: PageText, version: number, coding: ContentCoding, maxBytes: number): EncodedPage | null {
  return withUtf8Bytes(text, (bytes) => {
    if (bytes.byteLength > maxBytes) return null;
    const encoded = encodeBodyForSync(bytes, coding);
    return { body: encoded.body.buffer === bytes.buffer ? copyOf(encoded.body) : exactCopyOf(encoded.body), coding: encoded.coding, etag: etagOf(version, bytes) };
  });
}
