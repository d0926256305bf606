import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, constants, gunzipSync, gzip } from 'node:zlib';

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

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// Quality 5 Brotli compresses a 100 KB page in about a millisecond, within a few percent of quality 11.
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };

/** The bodies of one response in every encoding worth sending; encodings that would not save bytes are left out. */
export type EncodedBodies = { identity: Buffer } & Partial<Record<'br' | 'gzip', Buffer>>;

/** The bodies a cache keeps: all of them, only Brotli and gzip when both exist, or the one coding a query page was first asked in. */
export type StoredBodies = EncodedBodies | { identity?: undefined; br: Buffer; gzip: Buffer } | { identity?: undefined; br: Buffer; gzip?: undefined } | { identity?: undefined; br?: undefined; gzip: Buffer };

/** Drops the identity copy when Brotli and gzip copies exist: a page is then kept in about a quarter of the memory. */
export function compactBodies(bodies: StoredBodies): StoredBodies {
  return bodies.br && bodies.gzip ? { br: bodies.br, gzip: bodies.gzip } : bodies;
}

/** The unencoded body, inflated from a compressed copy when it was not kept. */
export function identityOf(bodies: StoredBodies): Buffer {
  if (bodies.identity) return bodies.identity;
  return bodies.gzip ? gunzipSync(bodies.gzip) : brotliDecompressSync(bodies.br ?? Buffer.alloc(0));
}

/** Compresses a body once in Brotli and gzip (off the event loop), keeping only the encodings that are smaller. */
export async function encodeBodies(body: Buffer): Promise<EncodedBodies> {
  if (body.byteLength < MIN_COMPRESSIBLE_BYTES) return { identity: body };
  const [br, gz] = await Promise.all([brotli(body, BROTLI_OPTIONS), gzipAsync(body, { level: 6 })]);
  return { identity: body, ...(br.byteLength < body.byteLength ? { br } : {}), ...(gz.byteLength < body.byteLength ? { gzip: gz } : {}) };
}

// An answer rendered for one request is compressed at the fastest levels: Brotli quality 1 costs about a
// fifth of quality 5's CPU on a 50–120 KB page and still beats gzip 6 in size (ADR 0160).
const FAST_BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } };
const FAST_GZIP_OPTIONS = { level: 1 };

/** Compresses one body for one request in the negotiated encoding at a fast level, or leaves it as it is when that would not save bytes. */
export async function encodeBodyFor(body: Buffer, coding: ContentCoding): Promise<{ coding: ContentCoding; body: Buffer }> {
  if (coding === 'identity' || body.byteLength < MIN_COMPRESSIBLE_BYTES) return { coding: 'identity', body };
  const compressed = coding === 'br' ? await brotli(body, { ...FAST_BROTLI_OPTIONS, params: { ...FAST_BROTLI_OPTIONS.params, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }) : await gzipAsync(body, FAST_GZIP_OPTIONS);
  return compressed.byteLength < body.byteLength ? { coding, body: compressed } : { coding: 'identity', body };
}

/** The bodies to store for a page rendered on a reader's request: only the coding that reader asked for, compressed fast (identity when none saves bytes). */
export async function encodeBodyToStore(body: Buffer, coding: ContentCoding): Promise<StoredBodies> {
  const encoded = await encodeBodyFor(body, coding);
  if (encoded.coding === 'br') return { br: encoded.body };
  if (encoded.coding === 'gzip') return { gzip: encoded.body };
  return { identity: body };
}

/** Picks the body to send: the negotiated encoding when it was made, else identity. */
export function pickBody(bodies: StoredBodies, coding: ContentCoding): { coding: ContentCoding; body: Buffer } {
  if (coding === 'br' && bodies.br) return { coding, body: bodies.br };
  if (coding === 'gzip' && bodies.gzip) return { coding, body: bodies.gzip };
  return { coding: 'identity', body: identityOf(bodies) };
}

/** The total bytes of every encoding of a body. */
export function encodedBytes(bodies: StoredBodies): number {
  return (bodies.identity?.byteLength ?? 0) + (bodies.br?.byteLength ?? 0) + (bodies.gzip?.byteLength ?? 0);
}
