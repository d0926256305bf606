import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createByteBoundedLru } from '../features/render-cache/byte-bounded-lru.ts';
import { chooseContentCoding, encodeBodies, encodedBytes, isCompressible, pickBody, type EncodedBodies } from '../features/render-cache/content-coding.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

// The built client files are a few hundred KB; each is compressed once and kept, within these bounds.
const COMPRESSED_BOUNDS = { maxBytes: 16 * 1024 * 1024, maxEntryBytes: 4 * 1024 * 1024 };
const MAX_COMPRESSED_FILE_BYTES = 1024 * 1024;

/** Serves the built client files (island bundles, icons), compressed when the client accepts it. */
export interface StaticFiles {
  /** Answers the request when it names one of the files; false means it does not. */
  serve: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
}

function filePathOf(root: string, url: string | undefined): { path: string; pathname: string } | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.endsWith('/') || pathname.includes('\0')) return null;
  const path = normalize(join(root, pathname));
  return path.startsWith(root.endsWith(sep) ? root : root + sep) ? { path, pathname } : null;
}

/** Creates the file server for one folder of built files. */
export function createStaticFiles(root: string): StaticFiles {
  const compressed = createByteBoundedLru<EncodedBodies>(COMPRESSED_BOUNDS, encodedBytes);
  return {
    async serve(request, response) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const file = filePathOf(root, request.url);
      const type = file ? CONTENT_TYPES[extname(file.path)] : undefined;
      if (!file || !type) return false;
      let size: number;
      let modified: Date;
      try {
        const info = await stat(file.path);
        if (!info.isFile()) return false;
        size = info.size;
        modified = info.mtime;
      } catch {
        return false;
      }
      const baseTag = `${size.toString(16)}-${modified.getTime().toString(16)}`;
      // Astro fingerprints everything under /_astro/, so those files never change under one name.
      const cacheControl = file.pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
      const compressible = isCompressible(type) && size <= MAX_COMPRESSED_FILE_BYTES;
      const coding = compressible ? chooseContentCoding(request.headers['accept-encoding']) : 'identity';
      let body: Buffer | null = null;
      let sent: 'br' | 'gzip' | 'identity' = 'identity';
      if (coding !== 'identity') {
        const key = `${file.path}:${baseTag}`;
        let bodies = compressed.get(key);
        if (!bodies) {
          bodies = await encodeBodies(await readFile(file.path));
          compressed.set(key, bodies);
        }
        ({ coding: sent, body } = pickBody(bodies, coding));
        if (sent === 'identity') body = null;
      }
      const etag = `"${baseTag}${sent === 'br' ? '-br' : sent === 'gzip' ? '-gz' : ''}"`;
      const vary = compressible ? { vary: 'Accept-Encoding' } : {};
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag, 'cache-control': cacheControl, ...vary });
        response.end();
        return true;
      }
      const encoding = sent === 'identity' ? {} : { 'content-encoding': sent };
      response.writeHead(200, { 'content-type': type, 'content-length': body?.byteLength ?? size, etag, 'cache-control': cacheControl, ...vary, ...encoding });
      if (request.method === 'HEAD') response.end();
      else if (body) response.end(body);
      else createReadStream(file.path).pipe(response);
      return true;
    },
  };
}
