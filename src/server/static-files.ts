import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/** Serves the built client files (island bundles, icons); returns false when the path is not one of them. */
export async function serveStaticFile(root: string, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    return false;
  }
  if (pathname.endsWith('/') || pathname.includes('\0')) return false;
  const path = normalize(join(root, pathname));
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  const type = CONTENT_TYPES[extname(path)];
  if (!type) return false;
  let size: number;
  let modified: Date;
  try {
    const info = await stat(path);
    if (!info.isFile()) return false;
    size = info.size;
    modified = info.mtime;
  } catch {
    return false;
  }
  const etag = `"${size.toString(16)}-${modified.getTime().toString(16)}"`;
  // Astro fingerprints everything under /_astro/, so those files never change under one name.
  const cacheControl = pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag, 'cache-control': cacheControl });
    response.end();
    return true;
  }
  response.writeHead(200, { 'content-type': type, 'content-length': size, etag, 'cache-control': cacheControl });
  if (request.method === 'HEAD') response.end();
  else createReadStream(path).pipe(response);
  return true;
}
