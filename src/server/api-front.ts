import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerApiRequest, type ApiDependencies, type ApiRateLimits } from '../features/open-data/api-http.ts';
import { createByteBoundedLru, type ByteBounds } from '../features/render-cache/byte-bounded-lru.ts';
import { chooseContentCoding, encodeBodies, encodedBytes, pickBody, type EncodedBodies } from '../features/render-cache/content-coding.ts';
import type { ReadModel } from '../features/read-model/read-model.ts';
import { toWebRequest, writeHead } from '../shared/web-bridge.ts';

/** Compressed API answers kept by ETag: 16 MB holds every assessment's answer in Brotli and gzip several times over. */
export const API_ENCODED_BOUNDS: ByteBounds = { maxBytes: 16 * 1024 * 1024, maxEntryBytes: 2 * 1024 * 1024 };

export interface ApiFrontDependencies {
  readModel: () => ReadModel;
  publicUrl: string;
  limiter: ApiDependencies['limiter'];
  limits: ApiRateLimits | null;
}

/** Tells whether a request is for the REST API. */
export function isApiRequest(url: string | undefined): boolean {
  return url !== undefined && (url === '/api/v1' || url.startsWith('/api/v1/') || url.startsWith('/api/v1?'));
}

/**
 * Answers /api/v1 in the Node server, before Astro (ADR 0106): the API's own handler decides every
 * answer (routing, limits, ETags, problems); this layer only encodes it. An answer with an ETag is
 * the same bytes for as long as that ETag stands, so its Brotli and gzip encodings are made once and kept.
 */
export function createApiFront(dependencies: ApiFrontDependencies, bounds: ByteBounds = API_ENCODED_BOUNDS) {
  const encoded = createByteBoundedLru<EncodedBodies>(bounds, encodedBytes);
  return async (request: IncomingMessage, response: ServerResponse, body: Buffer | null, clientAddress: string): Promise<void> => {
    const answer = await answerApiRequest(toWebRequest(request, body), {
      model: dependencies.readModel(),
      publicUrl: dependencies.publicUrl,
      clientAddress,
      limiter: dependencies.limiter,
      limits: dependencies.limits,
    });
    const etag = answer.headers.get('etag');
    const bytes = Buffer.from(await answer.arrayBuffer());
    if (answer.status !== 200 || etag === null || bytes.byteLength === 0) {
      writeHead(response, answer, request.method === 'HEAD' ? {} : { 'content-length': String(bytes.byteLength) });
      return void response.end(bytes);
    }
    let bodies = encoded.get(etag);
    if (!bodies) {
      bodies = await encodeBodies(bytes);
      encoded.set(etag, bodies);
    }
    const chosen = pickBody(bodies, chooseContentCoding(request.headers['accept-encoding']));
    writeHead(response, answer, {
      vary: 'Accept-Encoding',
      'content-length': String(chosen.body.byteLength),
      ...(chosen.coding === 'identity' ? {} : { 'content-encoding': chosen.coding }),
    });
    response.end(request.method === 'HEAD' ? undefined : chosen.body);
  };
}
