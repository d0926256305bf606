import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseContentCoding, type ContentCoding, type StoredBodies } from '../features/render-cache/content-coding.ts';
import { SECURITY_HEADERS } from '../web/lib/security-headers.ts';

/**
 * One encoding of a cached answer, ready to write: the body, its ETag, and the header lists of the
 * 200 and the 304 answer as flat [name, value, …] arrays, which `writeHead` sends without building
 * a header object per request.
 */
export interface FastVariant {
  body: Buffer;
  etag: string;
  head: string[];
  notModified: string[];
}

/** A cached answer in every encoding it was stored in; identity is made on demand when only compressed copies are kept. */
export interface FastAnswer {
  variants: Partial<Record<ContentCoding, FastVariant>>;
  status: number;
  headers: Readonly<Record<string, string>>;
  etagFor: (coding: ContentCoding) => string;
}

function flatten(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers).flat();
}

function withoutContentType(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'content-type'));
}

function variantOf(body: Buffer, coding: ContentCoding, answer: Omit<FastAnswer, 'variants'>, vary: boolean): FastVariant {
  const etag = answer.etagFor(coding);
  const common = { etag, ...(answer.headers['cache-control'] ? { 'cache-control': answer.headers['cache-control'] } : {}), ...(vary ? { vary: 'Accept-Encoding' } : {}) };
  return {
    body,
    etag,
    head: flatten({
      ...SECURITY_HEADERS,
      ...answer.headers,
      ...common,
      'content-length': String(body.byteLength),
      ...(coding === 'identity' ? {} : { 'content-encoding': coding }),
    }),
    notModified: flatten({ ...SECURITY_HEADERS, ...withoutContentType(answer.headers), ...common }),
  };
}

/**
 * Prepares an answer's header lists once, when it is stored: security headers, the answer's own
 * (content type, policy, cache control), ETag, length, coding and Vary.
 */
export function prepareFastAnswer(bodies: StoredBodies, answer: Omit<FastAnswer, 'variants'>): FastAnswer {
  const vary = bodies.br !== undefined || bodies.gzip !== undefined;
  const variants: FastAnswer['variants'] = {};
  for (const coding of ['br', 'gzip', 'identity'] as const) {
    const body = bodies[coding];
    if (body) variants[coding] = variantOf(body, coding, answer, vary);
  }
  return { ...answer, variants };
}

const codings = new Map<string, ContentCoding>();
const MAX_REMEMBERED_HEADERS = 256;

/** The coding for an Accept-Encoding header; the few distinct headers browsers send are parsed once each. */
export function codingFor(acceptEncoding: string | undefined): ContentCoding {
  if (acceptEncoding === undefined) return 'identity';
  let coding = codings.get(acceptEncoding);
  if (coding === undefined) {
    coding = chooseContentCoding(acceptEncoding);
    if (codings.size >= MAX_REMEMBERED_HEADERS) codings.clear();
    if (acceptEncoding.length <= 200) codings.set(acceptEncoding, coding);
  }
  return coding;
}

/** The variant to send: the negotiated coding when it was stored, else identity (inflated from gzip once when only compressed copies are kept). */
export function variantFor(answer: FastAnswer, coding: ContentCoding): FastVariant | null {
  const chosen = answer.variants[coding];
  if (chosen) return chosen;
  if (answer.variants.identity) return answer.variants.identity;
  const gzip = answer.variants.gzip;
  const br = answer.variants.br;
  const vary = true;
  // Rare (clients that accept no compression, or not the one coding a query page was stored in): inflating
  // a stored page costs well under a millisecond and is not kept.
  if (gzip) return variantOf(gunzipSync(gzip.body), 'identity', answer, vary);
  return br ? variantOf(brotliDecompressSync(br.body), 'identity', answer, vary) : null;
}

/** Tells whether If-None-Match names this ETag (weak comparison, RFC 9110 §13.1.2). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined || ifNoneMatch === '') return false;
  if (ifNoneMatch === etag) return true;
  return ifNoneMatch
    .split(',', 50)
    .some((candidate) => {
      const tag = candidate.trim().replace(/^W\//, '');
      return tag === '*' || tag === etag;
    });
}

/** Writes a prepared answer: 304 when the client's copy is current, else status, header list and body in one go. */
export function writeFastAnswer(request: IncomingMessage, response: ServerResponse, answer: FastAnswer, extraHead?: readonly string[]): boolean {
  const variant = variantFor(answer, codingFor(request.headers['accept-encoding']));
  if (!variant) return false;
  if (matchesEtag(request.headers['if-none-match'], variant.etag)) {
    response.writeHead(304, extraHead ? [...variant.notModified, ...extraHead] : variant.notModified);
    response.end();
    return true;
  }
  response.writeHead(answer.status, extraHead ? [...variant.head, ...extraHead] : variant.head);
  response.end(request.method === 'HEAD' ? undefined : variant.body);
  return true;
}

// A path whose every segment starts with a letter, digit, "_", "~" or "-": no dot segments, no
// empty segments, no escapes, so the WHATWG URL parser would return it unchanged as the pathname.
const PLAIN_PATH = /^(?:\/[\w~-][\w.~-]*)*\/?$/;
const MAX_FAST_URL_LENGTH = 300;

/** The path of a request whose URL needs no parsing to know its cache key, or null. */
export function plainPathOf(url: string): string | null {
  return url.length <= MAX_FAST_URL_LENGTH && PLAIN_PATH.test(url) ? url : null;
}

/** Tells whether a GET/HEAD request carries no body, the only kind answered before the server's body limits run. */
export function isBodyless(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (length === undefined || length === '0') && request.headers['transfer-encoding'] === undefined;
}
