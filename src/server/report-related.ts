import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildReportSource } from '../features/personal-report/report-source-builder.ts';
import type { ReadModel } from '../features/read-model/read-model.ts';
import { parseRelatedPath, relatedFingerprintOf, REPORT_RELATED_PREFIX } from '../presentation/personal-report/report-related.ts';
import { createByteBoundedLru } from '../features/render-cache/byte-bounded-lru.ts';
import { answerImmutableFile, type ImmutableFile } from './immutable-file.ts';

/** Room for the files of a few hundred roles (a role's file is ~30 KB, ~40 KB in all three codings). */
export const DEFAULT_RELATED_CACHE_BYTES = 16 * 1024 * 1024;

interface RelatedFile extends ImmutableFile {
  bytes: number;
}

/** Serves each role's related occupations and their tasks as one JSON file per read-model version (ADR 0174). */
export interface ReportRelatedFiles {
  /** Answers a GET or HEAD of a related-tasks address; false for any other request. */
  serve: (request: IncomingMessage, response: ServerResponse, model: ReadModel) => boolean;
  /** Bytes held, all codings counted. */
  heldBytes: () => number;
}

function fileOf(model: ReadModel, roleSlug: string, fingerprint: string): RelatedFile | null {
  const source = buildReportSource(model, roleSlug, '');
  if (!source) return null;
  const identity = Buffer.from(JSON.stringify(source.related), 'utf8');
  // Made once per role and version and fetched by every report of the role: worth the better levels of pre-rendered pages.
  const br = brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength } });
  const gzip = gzipSync(identity, { level: 6 });
  return { etag: `"${fingerprint}-${roleSlug}"`, bodies: { identity, br, gzip }, bytes: identity.byteLength + br.byteLength + gzip.byteLength };
}

function refuse(response: ServerResponse, request: IncomingMessage, message: string): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : `${message}\n`);
}

/** Creates the files' server with a cache of at most `maxBytes`, least recently used first out, emptied when the version changes. */
export function createReportRelatedFiles(maxBytes = DEFAULT_RELATED_CACHE_BYTES): ReportRelatedFiles {
  let version = '';
  const files = createByteBoundedLru<RelatedFile>({ maxBytes, maxEntryBytes: maxBytes }, (file) => file.bytes);

  return {
    heldBytes: () => files.bytes(),
    serve(request, response, model) {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.url?.startsWith(REPORT_RELATED_PREFIX)) return false;
      const pathname = request.url.split('?', 1)[0] ?? '';
      const parsed = parseRelatedPath(pathname);
      if (!parsed) {
        refuse(response, request, `${pathname.slice(0, 200)} is not the address of a role's related tasks; they are served at ${REPORT_RELATED_PREFIX}<version>/<role>.json, linked from the role's personal report.`);
        return true;
      }
      const current = relatedFingerprintOf(model);
      if (parsed.fingerprint !== current) {
        refuse(response, request, `These related tasks belong to a version of the catalog this server no longer holds (${parsed.fingerprint}; it serves ${current}). Reload the personal report to get the current list.`);
        return true;
      }
      if (version !== current) {
        version = current;
        files.clear();
      }
      let file = files.get(parsed.roleSlug);
      if (!file) {
        file = fileOf(model, parsed.roleSlug, current) ?? undefined;
        if (!file) {
          refuse(response, request, `There is no role "${parsed.roleSlug}" in the catalog, so it has no related tasks.`);
          return true;
        }
        files.set(parsed.roleSlug, file);
      }
      answerImmutableFile(file, 'application/json; charset=utf-8', request, response);
      return true;
    },
  };
}
