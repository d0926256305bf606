import { createHash } from 'node:crypto';
import type { AssessmentAt } from '../../features/read-model/assessment-at.ts';
import type { OembedInput } from '../../features/open-data/oembed-input.ts';
import { buildBadgeSvg } from './badge.ts';
import { buildOembedAnswer, parseOembedRequest, type OembedResult } from './embed-view.ts';

const EMBED_CACHE_CONTROL = 'public, max-age=3600, stale-while-revalidate=86400';

function plainText(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

function etagMatches(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  return header !== null && header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

/** Answers a badge request for the gathered assessment: the SVG with an ETag (304 when the client's copy is current), or a plain-text 404. */
export function answerBadge({ slug, seniority, entry }: AssessmentAt, request: Request): Response {
  if (!entry) return plainText(404, `No assessment is published at /roles/${slug.slice(0, 80).replace(/[^\w-]/g, '?')}/${seniority.slice(0, 40).replace(/[^\w-]/g, '?')}.`);
  const svg = buildBadgeSvg(entry);
  const etag = `"b${entry.revision.number}-${createHash('sha256').update(svg).digest('base64url').slice(0, 16)}"`;
  const headers = { etag, 'cache-control': EMBED_CACHE_CONTROL, 'access-control-allow-origin': '*' };
  if (etagMatches(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(svg, { headers: { ...headers, 'content-type': 'image/svg+xml; charset=utf-8' } });
}

/** Resolves /oembed?url=… from the role page and assessment gathered for it: checks the request, then builds the answer. */
export function resolveOembed(publicUrl: string, params: URLSearchParams, { page, entry }: OembedInput): OembedResult {
  const request = parseOembedRequest(params, page);
  if (request.status !== 'page') return request;
  return buildOembedAnswer(publicUrl, request, entry);
}

/** Answers /oembed: JSON for one of our role pages, 404 for any other address, 400 for malformed sizes, 501 for formats other than JSON. */
export function answerOembed(publicUrl: string, params: URLSearchParams, input: OembedInput): Response {
  const result = resolveOembed(publicUrl, params, input);
  if (result.status !== 200) return plainText(result.status, result.message);
  return new Response(JSON.stringify(result.body), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': EMBED_CACHE_CONTROL, 'access-control-allow-origin': '*' },
  });
}
