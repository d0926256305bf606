import type { IncomingMessage, ServerResponse } from 'node:http';
import { createByteBoundedLru, type ByteBounds } from '../features/render-cache/byte-bounded-lru.ts';
import { chooseContentCoding, deriveBody, type ContentCoding, type StoredBodies } from '../features/render-cache/content-coding.ts';
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

/** A cached answer in every encoding it was stored in; the others are made on demand from a compressed copy (ADR 0165). */
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

type AnswerHeads = Omit<FastAnswer, 'variants'>;

function commonHeaders(answer: AnswerHeads, coding: ContentCoding, vary: boolean): Record<string, string> {
  return { etag: answer.etagFor(coding), ...(answer.headers['cache-control'] ? { 'cache-control': answer.headers['cache-control'] } : {}), ...(vary ? { vary: 'Accept-Encoding' } : {}) };
}

function notModifiedHead(answer: AnswerHeads, coding: ContentCoding, vary: boolean): string[] {
  return flatten({ ...SECURITY_HEADERS, ...withoutContentType(answer.headers), ...commonHeaders(answer, coding, vary) });
}

function variantOf(body: Buffer, coding: ContentCoding, answer: AnswerHeads, vary: boolean): FastVariant {
  return {
    body,
    etag: answer.etagFor(coding),
    head: flatten({
      ...SECURITY_HEADERS,
      ...answer.headers,
      ...commonHeaders(answer, coding, vary),
      'content-length': String(body.byteLength),
      ...(coding === 'identity' ? {} : { 'content-encoding': coding }),
    }),
    notModified: notModifiedHead(answer, coding, vary),
  };
}

/**
 * Prepares an answer's header lists once, when it is stored: security headers, the answer's own
 * (content type, policy, cache control), ETag, length, coding and Vary.
 */
export function prepareFastAnswer(bodies: StoredBodies, answer: AnswerHeads): FastAnswer {
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

/** Variants made on demand from a stored compressed copy: gzip for clients without Brotli, identity for those accepting neither. */
export interface DerivedVariants {
  /** The variant of `answer` in `coding`, made now (off the event loop) or taken from the cache. */
  derive: (answer: FastAnswer, coding: 'gzip' | 'identity') => FastVariant | Promise<FastVariant>;
  size: () => number;
  bytes: () => number;
}

/** 16 MB holds the gzip copies of several hundred pages; clients without Brotli are few (some proxies, CDNs, scripts). */
export const DERIVED_VARIANT_BOUNDS: ByteBounds = { maxBytes: 16 * 1024 * 1024, maxEntryBytes: 2 * 1024 * 1024 };

// Prepared header lists of a variant, counted with its body so many small variants are not free.
const HEAD_BYTES = 1024;

/** Creates a cache of derived variants bounded in bytes; concurrent requests for the same variant share one derivation. */
export function createDerivedVariants(bounds: ByteBounds = DERIVED_VARIANT_BOUNDS): DerivedVariants {
  const ids = new WeakMap<FastAnswer, number>();
  let nextId = 0;
  const made = createByteBoundedLru<FastVariant>(bounds, (variant) => variant.body.byteLength + HEAD_BYTES);
  const making = new Map<string, Promise<FastVariant>>();
  return {
    derive(answer, coding) {
      let id = ids.get(answer);
      if (id === undefined) {
        id = nextId++;
        ids.set(answer, id);
      }
      const key = `${id}:${coding}`;
      const stored = made.get(key);
      if (stored) return stored;
      let pending = making.get(key);
      if (!pending) {
        const { br, gzip, identity } = answer.variants;
        const bodies = { ...(br ? { br: br.body } : {}), ...(gzip ? { gzip: gzip.body } : {}), ...(identity ? { identity: identity.body } : {}) } as StoredBodies;
        pending = deriveBody(bodies, coding)
          .then((body) => {
            const variant = variantOf(body, coding, answer, true);
            made.set(key, variant);
            return variant;
          })
          .finally(() => making.delete(key));
        making.set(key, pending);
      }
      return pending;
    },
    size: () => made.size(),
    bytes: () => made.bytes(),
  };
}

const derivedVariants = createDerivedVariants();

/**
 * The variant to send: the negotiated coding when it was stored; else identity when only that was
 * stored; else the coding made from the compressed copy (gzip from Brotli, or identity).
 */
export function variantFor(answer: FastAnswer, coding: ContentCoding, derived: DerivedVariants = derivedVariants): FastVariant | Promise<FastVariant> | null {
  const chosen = answer.variants[coding];
  if (chosen) return chosen;
  if (answer.variants.identity) return answer.variants.identity;
  if (!answer.variants.br && !answer.variants.gzip) return null;
  return derived.derive(answer, coding === 'gzip' ? 'gzip' : 'identity');
}

function writeVariant(request: IncomingMessage, response: ServerResponse, status: number, variant: FastVariant, extraHead?: readonly string[]): void {
  if (matchesEtag(request.headers['if-none-match'], variant.etag)) {
    response.writeHead(304, extraHead ? [...variant.notModified, ...extraHead] : variant.notModified);
    response.end();
    return;
  }
  response.writeHead(status, extraHead ? [...variant.head, ...extraHead] : variant.head);
  response.end(request.method === 'HEAD' ? undefined : variant.body);
}

/**
 * Writes a prepared answer: 304 when the client's copy is current, else status, header list and
 * body in one go. A coding that has to be made first is written once it is (a 304 needs no body
 * and is answered at once).
 */
export function writeFastAnswer(request: IncomingMessage, response: ServerResponse, answer: FastAnswer, extraHead?: readonly string[]): boolean {
  const coding = codingFor(request.headers['accept-encoding']);
  const variant = variantFor(answer, coding);
  if (variant === null) return false;
  if (!(variant instanceof Promise)) {
    writeVariant(request, response, answer.status, variant, extraHead);
    return true;
  }
  const made = coding === 'gzip' ? 'gzip' : 'identity';
  if (matchesEtag(request.headers['if-none-match'], answer.etagFor(made))) {
    const notModified = notModifiedHead(answer, made, true);
    response.writeHead(304, extraHead ? [...notModified, ...extraHead] : notModified);
    response.end();
    return true;
  }
  variant.then(
    (ready) => writeVariant(request, response, answer.status, ready, extraHead),
    (error: unknown) => {
      process.stderr.write(`could not make the ${made} copy of ${request.url?.slice(0, 200)}: ${(error as Error).message}\n`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Something went wrong on our side. Please try again.');
    },
  );
  return true;
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
