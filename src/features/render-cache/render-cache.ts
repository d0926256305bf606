import { hash } from 'node:crypto';
import { createByteBoundedLru, type ByteBounds } from './byte-bounded-lru.ts';
import { chooseContentCoding, compactBodies, encodedBytes, pickBody, type StoredBodies } from './content-coding.ts';

/** A rendered page kept ready to send: its headers and its body in each encoding, compressed once when stored. */
export interface CachedPage {
  status: number;
  /** The ETag of the unencoded body; each encoding's ETag adds a suffix, because its bytes differ. */
  etag: string;
  /** Headers sent with every answer from this entry (content type, content security policy). */
  headers: Readonly<Record<string, string>>;
  bodies: StoredBodies;
}

/** Rendered pages by read-model version and cache key, bounded by the bytes their bodies hold. */
export interface RenderCache {
  get: (version: number, key: string) => CachedPage | undefined;
  set: (version: number, key: string, page: CachedPage) => void;
  /**
   * Opens a generation for a version not served yet (a publication being prepared): its pages are
   * stored beside the served ones, which keep answering, and the served pages for which
   * `carryOver` says yes are taken into it unchanged.
   */
  prepare: (version: number, carryOver: (key: string) => boolean) => void;
  /** Serves `version` from now on: its prepared generation becomes the served one and older pages go. */
  serve: (version: number) => void;
  /** The keys of the pages stored for a version (served or being prepared). */
  keys: (version: number) => string[];
  size: () => number;
  bytes: () => number;
}

/** The byte budgets of the render cache: pages without a query, and pages read with query input, each an LRU of its own. */
export interface RenderCacheBounds {
  /** The read-model pages (materialised ahead of requests) and any other page without a query string. */
  pages: ByteBounds;
  /** Search, compare, report and other addresses with parameters: any number of distinct URLs, so a budget of their own that cannot push out the pages above. */
  queryPages: ByteBounds;
}

/**
 * The catalog's ~4,700 read-model pages take about 50 MB in Brotli alone; 192 MB leaves room for a
 * catalog several times larger. 32 MB of query pages holds a few thousand search, compare and report answers.
 */
export const DEFAULT_RENDER_CACHE_BOUNDS: RenderCacheBounds = {
  pages: { maxBytes: 192 * 1024 * 1024, maxEntryBytes: 2 * 1024 * 1024 },
  queryPages: { maxBytes: 32 * 1024 * 1024, maxEntryBytes: 1024 * 1024 },
};

/**
 * Computes a short, stable ETag for a page body: SHA-1 of the bytes sent unencoded, in native code
 * (the FNV-1a loop over UTF-16 it replaced cost a report page ~0.1 ms), with the read-model version
 * and the body's length.
 */
export function etagOf(version: number, body: Uint8Array): string {
  return `"v${version}-${hash('sha1', body, 'base64url').slice(0, 16)}-${body.byteLength.toString(16)}"`;
}

/**
 * Creates the cache. Entries of older read-model versions are dropped as soon as a newer version
 * is served or, for a version nobody prepared, stored. Compressed pages are kept in Brotli only;
 * the server makes gzip and identity from it for the few clients that need them (ADR 0165).
 */
export function createRenderCache(bounds: RenderCacheBounds = DEFAULT_RENDER_CACHE_BOUNDS): RenderCache {
  const sizeOf = (page: CachedPage) => encodedBytes(page.bodies);
  const generation = (version: number) => ({ version, pages: createByteBoundedLru<CachedPage>(bounds.pages, sizeOf), queryPages: createByteBoundedLru<CachedPage>(bounds.queryPages, sizeOf) });
  type Generation = ReturnType<typeof generation>;
  const lruOf = (of: Generation, key: string) => (key.includes('?') ? of.queryPages : of.pages);
  const keysOf = (of: Generation) => [...of.pages.keys(), ...of.queryPages.keys()];
  const sizeOfGeneration = (of: Generation | null) => (of ? of.pages.size() + of.queryPages.size() : 0);
  const bytesOfGeneration = (of: Generation | null) => (of ? of.pages.bytes() + of.queryPages.bytes() : 0);
  let served = generation(0);
  let prepared: Generation | null = null;
  const generationOf = (version: number) => (version === served.version ? served : version === prepared?.version ? prepared : null);
  const serve = (version: number) => {
    if (version <= served.version) return;
    served = prepared?.version === version ? prepared : generation(version);
    if (prepared && prepared.version <= version) prepared = null;
  };
  return {
    get(version, key) {
      const of = generationOf(version);
      return of ? lruOf(of, key).get(key) : undefined;
    },
    set(version, key, page) {
      if (version > served.version && version !== prepared?.version) serve(version);
      const of = generationOf(version);
      if (of) lruOf(of, key).set(key, { ...page, bodies: compactBodies(page.bodies) });
    },
    prepare(version, carryOver) {
      if (version <= served.version) return;
      const next = generation(version);
      for (const key of keysOf(served)) {
        const page = carryOver(key) ? lruOf(served, key).peek(key) : undefined;
        if (page) lruOf(next, key).set(key, page);
      }
      prepared = next;
    },
    serve,
    keys: (version) => {
      const of = generationOf(version);
      return of ? keysOf(of) : [];
    },
    size: () => sizeOfGeneration(served) + sizeOfGeneration(prepared),
    bytes: () => bytesOfGeneration(served) + bytesOfGeneration(prepared),
  };
}

/**
 * Browsers revalidate a page on every visit (a cheap 304 by ETag, which changes with each
 * publication), so a reader sees a publication at once; a shared cache such as a CDN may keep a page
 * for five minutes. A browser-side max-age would show the page as it was before a publication.
 */
export const RENDER_CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=300';

/** An answer to send: the page itself, or 304 when the client already holds this representation. */
export interface CachedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

const ETAG_SUFFIX = { br: '-br', gzip: '-gz', identity: '' } as const;

/** The ETag of one encoding of a page: the page's own, marked with the coding, because the bytes differ. */
export function etagFor(etag: string, coding: keyof typeof ETAG_SUFFIX): string {
  return coding === 'identity' ? etag : `${etag.slice(0, -1)}${ETAG_SUFFIX[coding]}"`;
}

function matches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** Builds the answer to a request for a stored page: the encoding the client accepts, or 304 when its copy is current. */
export function answerWithPage(page: CachedPage, request: { ifNoneMatch?: string | null; acceptEncoding?: string | string[] | null }, cacheState: 'hit' | 'miss'): CachedAnswer {
  const { coding, body } = pickBody(page.bodies, chooseContentCoding(request.acceptEncoding));
  const etag = etagFor(page.etag, coding);
  const vary: Record<string, string> = page.bodies.br || page.bodies.gzip ? { vary: 'Accept-Encoding' } : {};
  if (matches(request.ifNoneMatch, etag)) return { status: 304, headers: { etag, 'cache-control': RENDER_CACHE_CONTROL, ...vary }, body: null };
  return {
    status: page.status,
    headers: {
      ...page.headers,
      etag,
      'cache-control': RENDER_CACHE_CONTROL,
      'content-length': String(body.byteLength),
      'x-render-cache': cacheState,
      ...vary,
      ...(coding === 'identity' ? {} : { 'content-encoding': coding as string }),
    },
    body,
  };
}

/** Answers a request from the cache when the page is there for this read-model version; null means render it. */
export function answerFromCache(
  cache: RenderCache,
  version: number,
  key: string,
  request: { ifNoneMatch?: string | null; acceptEncoding?: string | string[] | null },
): CachedAnswer | null {
  const page = cache.get(version, key);
  return page ? answerWithPage(page, request, 'hit') : null;
}
