import { createByteBoundedLru, type ByteBounds } from './byte-bounded-lru.ts';
import { chooseContentCoding, encodedBytes, pickBody, type EncodedBodies } from './content-coding.ts';

/** A rendered page kept ready to send: its headers and its body in each encoding, compressed once when stored. */
export interface CachedPage {
  status: number;
  /** The ETag of the unencoded body; each encoding's ETag adds a suffix, because its bytes differ. */
  etag: string;
  /** Headers sent with every answer from this entry (content type, content security policy). */
  headers: Readonly<Record<string, string>>;
  bodies: EncodedBodies;
}

/** Rendered pages by read-model version and cache key, bounded by the bytes their bodies hold. */
export interface RenderCache {
  get: (version: number, key: string) => CachedPage | undefined;
  set: (version: number, key: string, page: CachedPage) => void;
  size: () => number;
  bytes: () => number;
}

/** 64 MB holds every page of the catalog about three times over (a role page is about 30 KB, 8 KB in Brotli). */
export const DEFAULT_RENDER_CACHE_BOUNDS: ByteBounds = { maxBytes: 64 * 1024 * 1024, maxEntryBytes: 2 * 1024 * 1024 };

/** Computes a short, stable ETag for a page body (FNV-1a over UTF-16 code units). */
export function etagOf(version: number, body: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < body.length; index += 1) {
    hash ^= body.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return `"v${version}-${(hash >>> 0).toString(16)}-${body.length.toString(16)}"`;
}

/** Creates the cache; entries of older read-model versions are dropped as soon as a newer one is stored. */
export function createRenderCache(bounds: ByteBounds = DEFAULT_RENDER_CACHE_BOUNDS): RenderCache {
  const pages = createByteBoundedLru<CachedPage>(bounds, (page) => encodedBytes(page.bodies));
  let currentVersion = 0;
  return {
    get: (version, key) => (version === currentVersion ? pages.get(key) : undefined),
    set(version, key, page) {
      if (version < currentVersion) return;
      if (version > currentVersion) {
        pages.clear();
        currentVersion = version;
      }
      pages.set(key, page);
    },
    size: () => pages.size(),
    bytes: () => pages.bytes(),
  };
}

/** How long browsers and shared caches may keep a rendered page. */
export const RENDER_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

/** An answer to send: the page itself, or 304 when the client already holds this representation. */
export interface CachedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

const ETAG_SUFFIX = { br: '-br', gzip: '-gz', identity: '' } as const;

function etagFor(etag: string, coding: keyof typeof ETAG_SUFFIX): string {
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
