import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, brotliDecompress, brotliDecompressSync, constants, gunzip, gunzipSync, gzip, gzipSync } from 'node:zlib';

/** The encodings jobzone sends, best first. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

const COMPRESSIBLE = /^(text\/|application\/(json|xml|atom\+xml|rss\+xml|manifest\+json|javascript)|image\/svg\+xml)/;
// Below this size the encoding header and framing cost more than compression saves.
const MIN_COMPRESSIBLE_BYTES = 256;
const MAX_ACCEPT_ENCODING_LENGTH = 512;

/** Tells whether a response of this content type is worth compressing (HTML, CSS, JS, JSON, XML, SVG). */
export function isCompressible(contentType: string): boolean {
  return COMPRESSIBLE.test(contentType.toLowerCase());
}

/**
 * Picks the encoding for a request's Accept-Encoding (RFC 9110 §12.5.3): the highest q-value wins,
 * Brotli before gzip on a tie; a missing header means identity; `*` covers codings not named; q=0
 * refuses. When even identity is refused, identity is still sent: an unencoded answer beats none.
 */
export function chooseContentCoding(acceptEncoding: string | string[] | undefined | null): ContentCoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  if (header.trim() === '') return 'identity';
  const weights = new Map<string, number>();
  for (const part of header.slice(0, MAX_ACCEPT_ENCODING_LENGTH).split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (name === '') continue;
    const q = parameters.map((parameter) => /^q=([01](?:\.\d{0,3})?)$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    weights.set(name === 'x-gzip' ? 'gzip' : name, q === undefined ? 1 : Number(q));
  }
  const weightOf = (coding: ContentCoding) => weights.get(coding) ?? weights.get('*') ?? (coding === 'identity' ? 1 : 0);
  let best: ContentCoding = 'identity';
  let bestWeight = 0;
  for (const coding of ['br', 'gzip', 'identity'] as const) {
    if (weightOf(coding) > bestWeight) {
      best = coding;
      bestWeight = weightOf(coding);
    }
  }
  return best;
}

const brotliAsync = promisify(brotliCompress);
const gzipInThreadPool = promisify(gzip);
const brotliInflateAsync = promisify(brotliDecompress);
const gunzipInThreadPool = promisify(gunzip);

// Each zlib call allocates its compressor when it is made, not when a thread-pool thread takes it:
// 50 concurrent requests held 50 Brotli encoders (several MB each) and the allocator kept the
// memory (ADR 0165). As many at once as the thread pool runs (4) is as fast and bounds that memory.
const MAX_CONCURRENT_CODINGS = 4;
let codingsRunning = 0;
const waitingForCoding: (() => void)[] = [];

/** Runs one compression or decompression when fewer than MAX_CONCURRENT_CODINGS are running. */
export async function inCodingSlot<T>(work: () => Promise<T>): Promise<T> {
  if (codingsRunning >= MAX_CONCURRENT_CODINGS) await new Promise<void>((resolve) => waitingForCoding.push(resolve));
  else codingsRunning += 1;
  try {
    return await work();
  } finally {
    const next = waitingForCoding.shift();
    if (next) next();
    else codingsRunning -= 1;
  }
}

// Quality 5 Brotli compresses a 100 KB page in about a millisecond, within a few percent of quality 11.
// The window is only as large as the body needs: the default 4 MB window made every encoder several MB, even for a 20 KB answer.
const STORED_BROTLI_QUALITY = 5;
const brotliOptionsFor = (body: Buffer, quality: number) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: quality,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    [constants.BROTLI_PARAM_LGWIN]: Math.min(constants.BROTLI_DEFAULT_WINDOW, Math.max(16, Math.ceil(Math.log2(body.byteLength + 1)))),
  },
});
const brotli = (body: Buffer, quality = STORED_BROTLI_QUALITY) => inCodingSlot(() => brotliAsync(body, brotliOptionsFor(body, quality)));
const gzipAsync = (body: Buffer, options: { level: number }) => inCodingSlot(() => gzipInThreadPool(body, options));
const brotliInflate = (body: Buffer) => inCodingSlot(() => brotliInflateAsync(body));
const gunzipAsync = (body: Buffer) => inCodingSlot(() => gunzipInThreadPool(body));

/** The bodies of one response in every encoding worth sending; encodings that would not save bytes are left out. */
export type EncodedBodies = { identity: Buffer } & Partial<Record<'br' | 'gzip', Buffer>>;

/** The bodies a cache keeps: every encoding made, the Brotli copy only (pre-rendered pages), or the one coding a query page was first asked in. */
export type StoredBodies = EncodedBodies | { identity?: undefined; br?: Buffer; gzip?: Buffer };

/**
 * Keeps only the Brotli copy when there is one (ADR 0165): gzip and identity are made from it for
 * the few clients that do not accept Brotli, and kept in a small cache of their own.
 */
export function compactBodies(bodies: StoredBodies): StoredBodies {
  return bodies.br ? { br: bodies.br } : bodies;
}

/** The unencoded body, inflated from a compressed copy when it was not kept. */
export function identityOf(bodies: StoredBodies): Buffer {
  if (bodies.identity) return bodies.identity;
  return bodies.gzip ? gunzipSync(bodies.gzip) : brotliDecompressSync(bodies.br ?? Buffer.alloc(0));
}

/**
 * The bytes in a buffer of their own exact size. zlib hands back slices of its 16 KB output chunks: a
 * 3 KB result would keep all 16 KB alive for as long as the cache holds it (measured: 435 MB of
 * ArrayBuffers behind a 98 MB render cache). Copied by `slice`: a fresh buffer filled by `set` or
 * `copy` cost several times as much for a 68 KB page in a process holding the read model.
 */
export function exactCopyOf(bytes: Uint8Array): Buffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength && Buffer.isBuffer(bytes)) return bytes;
  return copyOf(bytes);
}

/** A copy of the bytes in a buffer of its own exact size, even when they already fill theirs. */
export function copyOf(bytes: Uint8Array): Buffer {
  return Buffer.from(Uint8Array.prototype.slice.call(bytes).buffer);
}

const brotliExact = async (body: Buffer, quality = STORED_BROTLI_QUALITY) => exactCopyOf(await brotli(body, quality));
const gzipExact = async (body: Buffer, level = 6) => exactCopyOf(await gzipAsync(body, { level }));

/**
 * Compresses a body once (off the event loop), keeping only the encodings that are smaller, each in
 * a buffer of its own size. `gzip: false` skips gzip for a body only its Brotli copy will be kept of.
 */
export async function encodeBodies(body: Buffer, options: { gzip?: boolean } = {}): Promise<EncodedBodies> {
  if (body.byteLength < MIN_COMPRESSIBLE_BYTES) return { identity: body };
  const [br, gz] = await Promise.all([brotliExact(body), options.gzip === false ? null : gzipExact(body)]);
  return { identity: body, ...(br.byteLength < body.byteLength ? { br } : {}), ...(gz && gz.byteLength < body.byteLength ? { gzip: gz } : {}) };
}

// An answer rendered for one request is compressed at the fastest levels: Brotli quality 1 costs about a
// fifth of quality 5's CPU on a 50–120 KB page and still beats gzip 6 in size (ADR 0160).
const FAST_BROTLI_QUALITY = 1;
const FAST_GZIP_LEVEL = 1;

/** One body in the one coding it is sent in. */
export interface EncodedBody {
  coding: ContentCoding;
  body: Buffer;
}

const keptIfSmaller = (body: Buffer, coding: ContentCoding, compressed: Buffer): EncodedBody => (compressed.byteLength < body.byteLength ? { coding, body: compressed } : { coding: 'identity', body });

/** Compresses one body for one request in the negotiated encoding at a fast level, or leaves it as it is when that would not save bytes. */
export async function encodeBodyFor(body: Buffer, coding: ContentCoding): Promise<EncodedBody> {
  if (coding === 'identity' || body.byteLength < MIN_COMPRESSIBLE_BYTES) return { coding: 'identity', body };
  return keptIfSmaller(body, coding, coding === 'br' ? await brotliExact(body, FAST_BROTLI_QUALITY) : await gzipExact(body, FAST_GZIP_LEVEL));
}

/**
 * The same choice and the same bytes as `encodeBodyFor`, computed on the calling thread: for a render
 * thread (ADR 0178), whose own event loop serves nobody, so it need not hand the work to libuv's pool.
 */
export function encodeBodyForSync(body: Buffer, coding: ContentCoding): EncodedBody {
  // The body may be a view of a buffer reused for the next page (withUtf8Bytes): so may an identity answer.
  if (coding === 'identity' || body.byteLength < MIN_COMPRESSIBLE_BYTES) return { coding: 'identity', body };
  return keptIfSmaller(body, coding, coding === 'br' ? brotliCompressSync(body, brotliOptionsFor(body, FAST_BROTLI_QUALITY)) : gzipSync(body, { level: FAST_GZIP_LEVEL }));
}

/** What the render cache keeps of a body encoded for one reader: only that coding (identity when none saves bytes). */
export function storedBodiesOf(encoded: EncodedBody): StoredBodies {
  if (encoded.coding === 'br') return { br: encoded.body };
  if (encoded.coding === 'gzip') return { gzip: encoded.body };
  return { identity: encoded.body };
}

/** The bodies to store for a page rendered on a reader's request: only the coding that reader asked for, compressed fast (identity when none saves bytes). */
export async function encodeBodyToStore(body: Buffer, coding: ContentCoding): Promise<StoredBodies> {
  return storedBodiesOf(await encodeBodyFor(body, coding));
}

// Level 4 is within a few percent of level 6 in size at about 60% of its time (a 140 KB page).
const DERIVED_GZIP_LEVEL = 4;

/**
 * Makes a coding that was not kept from the compressed copy that was (off the event loop):
 * identity by inflating it, gzip by inflating Brotli and compressing again at a fast level.
 */
export async function deriveBody(bodies: StoredBodies, coding: 'gzip' | 'identity'): Promise<Buffer> {
  if (coding === 'gzip' && bodies.gzip) return bodies.gzip;
  const identity = bodies.identity ?? exactCopyOf(bodies.gzip ? await gunzipAsync(bodies.gzip) : await brotliInflate(bodies.br ?? Buffer.alloc(0)));
  return coding === 'identity' ? identity : gzipExact(identity, DERIVED_GZIP_LEVEL);
}

/**
 * Picks the body to send: the negotiated encoding when it was made, gzip made from Brotli when only
 * that was kept (the rare request the fast path does not answer), else identity.
 */
export function pickBody(bodies: StoredBodies, coding: ContentCoding): { coding: ContentCoding; body: Buffer } {
  if (coding === 'br' && bodies.br) return { coding, body: bodies.br };
  if (coding === 'gzip' && bodies.gzip) return { coding, body: bodies.gzip };
  if (coding === 'gzip' && bodies.br) return { coding, body: gzipSync(identityOf(bodies), { level: DERIVED_GZIP_LEVEL }) };
  return { coding: 'identity', body: identityOf(bodies) };
}

/** The total bytes of every encoding of a body. */
export function encodedBytes(bodies: StoredBodies): number {
  return (bodies.identity?.byteLength ?? 0) + (bodies.br?.byteLength ?? 0) + (bodies.gzip?.byteLength ?? 0);
}
