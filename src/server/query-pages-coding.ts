import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { ContentCoding, StoredBodies } from '../features/render-cache/content-coding.ts';

// Below this size the encoding header and framing cost more than compression saves (as content-coding.ts).
const MIN_COMPRESSIBLE_BYTES = 256;

/*
 * Query pages are compressed on the event loop at Brotli quality 0 (ADR 0172). zlib's async calls go
 * through a stream per call and run on pool threads, whose allocator arenas give each encoder's memory
 * back to the system and fault it in again; quality 1 also allocates far larger hash tables than 0.
 * Measured on the dumped search, compare and report pages, interleaved, CPU per compression (bytes):
 * Brotli 1 async 2.2 / 2.4 / 3.8 ms (12.0 / 12.9 / 22.1 KB), Brotli 1 sync 0.8 / 1.0 / 1.5 ms,
 * Brotli 0 sync 0.3 / 0.4 / 0.6 ms (12.4 / 13.3 / 23.4 KB), gzip 1 sync 0.5 / 0.5 / 1.1 ms
 * (11.6 / 12.7 / 26.6 KB). One page at a time also means one encoder at a time (ADR 0165's bound).
 */
const brotliParamsFor = (body: Buffer) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 0,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    [constants.BROTLI_PARAM_LGWIN]: Math.min(constants.BROTLI_DEFAULT_WINDOW, Math.max(16, Math.ceil(Math.log2(body.byteLength + 1)))),
  },
});

// zlib may hand back a slice of a larger output chunk; a stored page keeps a buffer of its own size (ADR 0165).
function exactCopyOf(buffer: Buffer): Buffer {
  if (buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.byteLength) return buffer;
  const copy = Buffer.allocUnsafeSlow(buffer.byteLength);
  buffer.copy(copy);
  return copy;
}

/** A query page in the coding asked for, at Brotli 0 or gzip 1 (ADRs 0160, 0172), or identity when that saves nothing. */
export function encodeQueryPage(body: Buffer, coding: ContentCoding): { coding: ContentCoding; body: Buffer } {
  if (coding === 'identity' || body.byteLength < MIN_COMPRESSIBLE_BYTES) return { coding: 'identity', body };
  const compressed = exactCopyOf(coding === 'br' ? brotliCompressSync(body, brotliParamsFor(body)) : gzipSync(body, { level: 1 }));
  return compressed.byteLength < body.byteLength ? { coding, body: compressed } : { coding: 'identity', body };
}

/** The bodies to store for a query page: only the coding its first reader asked for (ADR 0160). */
export function queryPageBodiesToStore(body: Buffer, coding: ContentCoding): StoredBodies {
  const encoded = encodeQueryPage(body, coding);
  if (encoded.coding === 'br') return { br: encoded.body };
  if (encoded.coding === 'gzip') return { gzip: encoded.body };
  return { identity: body };
}
