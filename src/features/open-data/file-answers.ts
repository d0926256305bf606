import { createHash } from 'node:crypto';
import { chooseContentCoding, encodeBodies, pickBody, type EncodedBodies } from '../render-cache/content-coding.ts';

/** A file kept ready to send: compressed once, with a strong ETag of its bytes. */
export interface PreparedFile {
  name: string;
  contentType: string;
  etag: string;
  bodies: EncodedBodies;
  /** Bytes of the unencoded body. */
  size: number;
}

/** Current files may change with the next publication; shared caches may serve them a little stale meanwhile. */
export const CURRENT_FILE_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';
/** A monthly snapshot never changes once written. */
export const SNAPSHOT_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Compresses a file once (Brotli and gzip) and names its bytes with a strong ETag carrying the version it was built for. */
export async function prepareFile(name: string, contentType: string, body: string | Buffer, version: string): Promise<PreparedFile> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const digest = createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
  return { name, contentType, etag: `"${version}-${digest}"`, bodies: await encodeBodies(bytes), size: bytes.byteLength };
}

const ETAG_SUFFIX = { br: '-br', gzip: '-gz', identity: '' } as const;

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** Answers a request for a prepared file: the encoding the client accepts, or 304 when its copy is current. */
export function answerWithFile(file: PreparedFile, request: Request, cacheControl: string, extraHeaders: Record<string, string> = {}): Response {
  const { coding, body } = pickBody(file.bodies, chooseContentCoding(request.headers.get('accept-encoding')));
  const etag = coding === 'identity' ? file.etag : `${file.etag.slice(0, -1)}${ETAG_SUFFIX[coding]}"`;
  const common: Record<string, string> = { etag, 'cache-control': cacheControl, vary: 'Accept-Encoding', 'access-control-allow-origin': '*', ...extraHeaders };
  if (matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
  const headers: Record<string, string> = { ...common, 'content-type': file.contentType, 'content-length': String(body.byteLength) };
  if (coding !== 'identity') headers['content-encoding'] = coding;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
