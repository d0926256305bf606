/** A bounded cache of rendered pages, keyed by read-model version and URL, with strong ETags. */
export interface CachedPage {
  body: string;
  etag: string;
  contentType: string;
  status: number;
}

export interface RenderCache {
  get: (version: number, url: string) => CachedPage | undefined;
  set: (version: number, url: string, page: CachedPage) => void;
  size: () => number;
}

/** Computes a short, stable ETag for a page body (FNV-1a over UTF-16 code units). */
export function etagOf(version: number, body: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < body.length; index += 1) {
    hash ^= body.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return `"v${version}-${(hash >>> 0).toString(16)}-${body.length.toString(16)}"`;
}

/** Creates a least-recently-used cache; entries of older read-model versions are dropped as soon as a newer one is stored. */
export function createRenderCache(capacity: number): RenderCache {
  const pages = new Map<string, CachedPage>();
  let currentVersion = 0;
  return {
    get(version, url) {
      if (version !== currentVersion) return undefined;
      const page = pages.get(url);
      if (page) {
        pages.delete(url);
        pages.set(url, page);
      }
      return page;
    },
    set(version, url, page) {
      if (version < currentVersion) return;
      if (version > currentVersion) {
        pages.clear();
        currentVersion = version;
      }
      pages.set(url, page);
      while (pages.size > capacity) {
        const oldest = pages.keys().next().value;
        if (oldest === undefined) break;
        pages.delete(oldest);
      }
    },
    size: () => pages.size,
  };
}

/** How long browsers and shared caches may keep a rendered page. */
export const RENDER_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

/** A cached answer: the page itself, or 304 when the client already holds this version. */
export interface CachedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** Answers a GET from the cache when the page is there for this read-model version; null means render it. */
export function answerFromCache(cache: RenderCache, version: number, url: string, ifNoneMatch: string | null): CachedAnswer | null {
  const cached = cache.get(version, url);
  if (!cached) return null;
  if (ifNoneMatch === cached.etag) return { status: 304, headers: { etag: cached.etag, 'cache-control': RENDER_CACHE_CONTROL }, body: null };
  return {
    status: cached.status,
    headers: { 'content-type': cached.contentType, etag: cached.etag, 'cache-control': RENDER_CACHE_CONTROL, 'x-render-cache': 'hit' },
    body: cached.body,
  };
}
