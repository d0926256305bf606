import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerApiRequest, rateLimitHeaders, type ApiDependencies, type ApiRateLimits } from '../features/open-data/api-http.ts';
import { matchApiRoute } from '../features/open-data/api-routes.ts';
import { clientNetworkOf } from '../features/rate-limits/client-network.ts';
import { createByteBoundedLru, type ByteBounds } from '../features/render-cache/byte-bounded-lru.ts';
import { chooseContentCoding, encodeBodies, pickBody } from '../features/render-cache/content-coding.ts';
import type { ReadModel } from '../features/read-model/read-model.ts';
import { toWebRequest, writeHead } from '../shared/web-bridge.ts';
import { isBodyless, prepareFastAnswer, writeFastAnswer, type FastAnswer } from './fast-answers.ts';

/** Compressed API answers kept by URL: 16 MB holds every assessment's answer in Brotli and gzip several times over. */
export const API_ENCODED_BOUNDS: ByteBounds = { maxBytes: 16 * 1024 * 1024, maxEntryBytes: 2 * 1024 * 1024 };

export interface ApiFrontDependencies {
  readModel: () => ReadModel;
  publicUrl: string;
  limiter: ApiDependencies['limiter'];
  limits: ApiRateLimits | null;
  /** The client's address as the server resolves it (trusted proxies applied). */
  clientAddressOf: (request: IncomingMessage) => string;
  now?: () => number;
}

/** Tells whether a request is for the REST API. */
export function isApiRequest(url: string | undefined): boolean {
  return url !== undefined && (url === '/api/v1' || url.startsWith('/api/v1/') || url.startsWith('/api/v1?'));
}

interface StoredAnswer {
  version: number;
  /** Answers of routes that read the clock stand until the next minute; the others until a publication. */
  expiresAt: number;
  bucket: keyof ApiRateLimits;
  answer: FastAnswer;
}

// Per-request headers: the API answer's rate-limit state is added to each answer, never stored.
const PER_REQUEST_HEADERS = new Set(['ratelimit', 'ratelimit-policy', 'content-length', 'content-encoding', 'vary', 'etag']);
const MAX_FAST_API_URL_LENGTH = 512;

/** The REST API in front of Astro: a hit is written from prepared buffers; anything else goes through the API's own handler. */
export interface ApiFront {
  /** Answers a bodiless GET/HEAD whose answer is stored for the current model, before any other work; false means call `serve`. */
  answerStored: (request: IncomingMessage, response: ServerResponse) => boolean;
  serve: (request: IncomingMessage, response: ServerResponse, body: Buffer | null, clientAddress: string) => Promise<void>;
}

/**
 * Answers /api/v1 in the Node server, before Astro (ADR 0106, ADR 0120): the API's own handler
 * decides every answer (routing, limits, ETags, problems); this layer encodes a 200 GET answer
 * once in Brotli and gzip and keeps it by URL, with its headers prepared, for the read model it
 * was made from. Later requests for that URL are written straight from those buffers, after the
 * client's rate limit is taken.
 */
export function createApiFront(dependencies: ApiFrontDependencies, bounds: ByteBounds = API_ENCODED_BOUNDS): ApiFront {
  const stored = createByteBoundedLru<StoredAnswer>(bounds, (entry) => Object.values(entry.answer.variants).reduce((sum, variant) => sum + variant.body.byteLength * 2, 0));
  const now = dependencies.now ?? Date.now;

  const limitHead = (request: IncomingMessage, bucket: keyof ApiRateLimits): string[] | null => {
    const limits = dependencies.limits;
    if (!limits) return [];
    const state = dependencies.limiter.check(`api.${bucket}`, clientNetworkOf(dependencies.clientAddressOf(request)), limits[bucket]);
    // A store-backed limiter answers later; the full path handles it (and a refusal's problem document).
    if (state instanceof Promise || state.waitSeconds > 0) return null;
    return Object.entries(rateLimitHeaders(bucket, limits[bucket], state)).flat();
  };

  return {
    answerStored(request, response) {
      const url = request.url ?? '';
      if ((request.method !== 'GET' && request.method !== 'HEAD') || url.length > MAX_FAST_API_URL_LENGTH || !isBodyless(request)) return false;
      const entry = stored.get(url);
      if (!entry || entry.version !== dependencies.readModel().version || entry.expiresAt <= now()) return false;
      const head = limitHead(request, entry.bucket);
      if (head === null) return false;
      return writeFastAnswer(request, response, entry.answer, head);
    },

    async serve(request, response, body, clientAddress) {
      const model = dependencies.readModel();
      const answer = await answerApiRequest(toWebRequest(request, body), {
        model,
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
      const bodies = await encodeBodies(bytes);
      const url = request.url ?? '';
      if (request.method === 'GET' && url.length <= MAX_FAST_API_URL_LENGTH) {
        const headers: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (!PER_REQUEST_HEADERS.has(name)) headers[name] = value;
        });
        const pathname = url.split('?', 1)[0] ?? '';
        const route = matchApiRoute('GET', pathname).route;
        const expiresAt = route?.readsClock ? Math.floor(now() / 60_000) * 60_000 + 60_000 : Number.POSITIVE_INFINITY;
        const answerToStore = prepareFastAnswer(bodies, { status: 200, headers, etagFor: () => etag });
        stored.set(url, { version: model.version, expiresAt, bucket: route?.limit ?? 'read', answer: answerToStore });
      }
      const chosen = pickBody(bodies, chooseContentCoding(request.headers['accept-encoding']));
      writeHead(response, answer, {
        vary: 'Accept-Encoding',
        'content-length': String(chosen.body.byteLength),
        ...(chosen.coding === 'identity' ? {} : { 'content-encoding': chosen.coding }),
      });
      response.end(request.method === 'HEAD' ? undefined : chosen.body);
    },
  };
}
