import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseContentCoding } from '../features/render-cache/content-coding.ts';
import { matchesEtag } from './fast-answers.ts';

// The address names the content (a hash or a read-model version): it never changes.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A file whose address names its content, held in every coding, compressed once. */
export interface ImmutableFile {
  etag: string;
  bodies: { identity: Buffer; br: Buffer; gzip: Buffer };
}

/**
 * Answers a GET or HEAD of an immutable file (the query pages' stylesheets, ADR 0172; a role's
 * related tasks, ADR 0174): the reader's coding, a coding-specific ETag, 304 when it matches.
 */
export function answerImmutableFile(file: ImmutableFile, contentType: string, request: IncomingMessage, response: ServerResponse): void {
  const coding = chooseContentCoding(request.headers['accept-encoding']);
  const etag = coding === 'identity' ? file.etag : `${file.etag.slice(0, -1)}-${coding}"`;
  const common = { etag, 'cache-control': IMMUTABLE, vary: 'Accept-Encoding' };
  if (matchesEtag(request.headers['if-none-match'], etag)) {
    response.writeHead(304, common);
    response.end();
    return;
  }
  const body = file.bodies[coding];
  response.writeHead(200, {
    ...common,
    'content-type': contentType,
    'content-length': String(body.byteLength),
    ...(coding === 'identity' ? {} : { 'content-encoding': coding }),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
