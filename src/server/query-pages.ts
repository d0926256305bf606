import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReadModel } from '../features/read-model/read-model.ts';
import { renderCacheKeyOf } from '../features/render-cache/cache-keys.ts';
import { chooseContentCoding, encodeBodyFor, storedBodiesOf, type ContentCoding, type EncodedBody } from '../features/render-cache/content-coding.ts';
import { answerWithPage, etagOf, type RenderCache } from '../features/render-cache/render-cache.ts';
import type { IslandRenderer } from '../presentation/query-pages/island-slot.ts';
import { routeShellOf, type RouteShell } from '../presentation/query-pages/route-shell.ts';
import { contentSecurityPolicy, inlineScriptHashes } from '../web/lib/security-headers.ts';
import { renderThroughAstro } from './astro-capture.ts';
import { createLoopTurns } from './loop-turns.ts';
import { encodePageHere, utf8BytesOf } from './page-bytes.ts';
import { QUERY_PAGES, type QueryPage } from './query-page-routes.ts';
import { answerStylesheet, createQueryStylesheets, linkedStylesheetOf } from './query-pages-stylesheet.ts';
import type { RenderPool, ThreadRender } from './render-threads/render-pool.ts';

type AstroHandler = Parameters<typeof renderThroughAstro>[0];

/** A route's shell with the two content security policies its pages can have (with or without islands). */
interface ReadyShell {
  shell: RouteShell;
  policyWithIslands: string;
  policyWithout: string;
}

export interface QueryPagesOptions {
  handler: AstroHandler;
  localsFor: (model: ReadModel) => object;
  cache: RenderCache;
  publicUrl: string;
  islands: IslandRenderer;
  log: (line: string) => void;
  /** Render threads (ADR 0178); without them, or when they decline, pages render on this thread. */
  threads?: RenderPool | null;
}

/**
 * A page rendered on this thread whose UTF-8 is at most this long is compressed on it too (Brotli at
 * quality 1 takes about 0.2 ms for a 33 KB search page); longer ones are compressed in libuv's pool.
 */
const MAX_BYTES_ENCODED_HERE = 256 * 1024;

/** Retry-After of a page whose render thread took too long (it is replaced meanwhile). */
const RETRY_AFTER_SECONDS = '5';

/**
 * Serves search, compare and the personal report without Astro (ADR 0171): the page is rendered by
 * the typed renderers of src/presentation/query-pages into the route's shell, then stored and
 * answered exactly as the middleware stores and answers a page Astro rendered. Answers a renderer
 * leaves to Astro (redirects, input problems, pages without a query) and every other request return
 * false, and Astro renders them.
 */
export interface QueryPages {
  /** Answers the request if it is a query page this renders; false leaves it to Astro. */
  serve: (request: IncomingMessage, response: ServerResponse, model: ReadModel) => Promise<boolean>;
  /** How many pages were rendered here (not by Astro) since the start. */
  rendered: () => number;
}

export function createQueryPages(options: QueryPagesOptions): QueryPages {
  let renderedCount = 0;
  const shells = new Map<string, Promise<ReadyShell | null>>();
  const stylesheets = createQueryStylesheets();
  // Pages rendered on this thread are rendered and compressed in one go, each in a turn of the event loop of its own.
  const turns = createLoopTurns();

  const shellOf = (page: QueryPage, model: ReadModel): Promise<ReadyShell | null> => {
    let shell = shells.get(page.path);
    if (!shell) {
      shell = readShell(page, model).catch((error: unknown) => {
        options.log(`${page.path} is rendered by Astro: could not read its shell (${(error as Error).message})`);
        return null;
      });
      shells.set(page.path, shell);
    }
    return shell;
  };

  const readShell = async (page: QueryPage, model: ReadModel): Promise<ReadyShell> => {
    const path = page.shellPath(model);
    const answer = await renderThroughAstro(options.handler, path, options.localsFor(model));
    if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
    const inlined = routeShellOf(answer.body, page.scopeAnchors);
    // The route's stylesheet becomes a cached file of its own instead of 13 KB inlined in every page (ADR 0172).
    const stylesheet = linkedStylesheetOf(inlined.headTail);
    if (stylesheet) stylesheets.add(stylesheet);
    const shell = stylesheet ? { ...inlined, headTail: stylesheet.link } : inlined;
    const frame = shell.headTail + shell.bodyStart;
    return {
      shell,
      policyWithIslands: contentSecurityPolicy(inlineScriptHashes(frame + shell.islandBootstrap + shell.bodyEnd)),
      policyWithout: contentSecurityPolicy(inlineScriptHashes(frame + shell.bodyEnd)),
    };
  };

  const renderHere = async (page: QueryPage, model: ReadModel, url: URL, ready: ReadyShell, coding: ContentCoding) => {
    await turns.take();
    const result = page.render(model, url, { shell: ready.shell, islands: options.islands, publicUrl: options.publicUrl });
    if (!result) return null;
    const { storable, hasIslands } = result;
    // Compressing a page of this size takes less time than handing it to libuv's pool and back (ADR 0181).
    const here = encodePageHere(result.html, model.version, coding, MAX_BYTES_ENCODED_HERE);
    if (here) return { encoded: { coding: here.coding, body: here.body }, etag: here.etag, storable, hasIslands };
    const bytes = utf8BytesOf(result.html);
    const encoded: EncodedBody = await encodeBodyFor(bytes, coding);
    return { encoded, etag: etagOf(model.version, bytes), storable, hasIslands };
  };

  return {
    rendered: () => renderedCount,
    async serve(request, response, model) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (stylesheets.names(url.pathname) && (request.method === 'GET' || request.method === 'HEAD')) {
        // A page kept by a browser or cache may ask for its stylesheet before this process has read any shell.
        if (!stylesheets.find(url.pathname)) await Promise.all(QUERY_PAGES.map((candidate) => shellOf(candidate, model)));
        const stylesheet = stylesheets.find(url.pathname);
        if (!stylesheet) return false;
        answerStylesheet(stylesheet, request, response);
        return true;
      }
      if (request.method !== 'GET') return false;
      const page = QUERY_PAGES.find((candidate) => candidate.path === url.pathname);
      const key = page ? renderCacheKeyOf(url) : null;
      // Without a query these pages are read-model pages, pre-rendered by Astro.
      if (!page || key === null || !key.includes('?')) return false;
      const ready = await shellOf(page, model);
      if (!ready) return false;
      const acceptEncoding = request.headers['accept-encoding'];
      const coding = chooseContentCoding(acceptEncoding);
      // A render thread sends the page back encoded in this reader's coding, with its ETag: this thread only stores and writes it.
      const rendered: ThreadRender = options.threads ? await options.threads.render(model.version, page.path, `${url.pathname}${url.search}`, ready.shell, coding) : { kind: 'here' };
      if (rendered.kind === 'timed-out') {
        response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': RETRY_AFTER_SECONDS });
        response.end('This page took too long to render. Please try again in a few seconds.\n');
        return true;
      }
      const result = rendered.kind === 'here' ? await renderHere(page, model, url, ready, coding) : rendered.kind === 'page' ? rendered : null;
      if (result === null) return false;
      renderedCount += 1;
      const { encoded, etag, storable, hasIslands } = result;
      const policy = hasIslands ? ready.policyWithIslands : ready.policyWithout;
      if (!storable) {
        // As the middleware answers a page that says no-store: compressed for this reader, never kept.
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'content-security-policy': policy,
          vary: 'Accept-Encoding',
          'content-length': String(encoded.body.byteLength),
          ...(encoded.coding === 'identity' ? {} : { 'content-encoding': encoded.coding }),
        });
        response.end(encoded.body);
        return true;
      }
      const stored = {
        status: 200,
        etag,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy },
        bodies: storedBodiesOf(encoded),
      };
      options.cache.set(model.version, key, stored);
      const answer = answerWithPage(stored, { ifNoneMatch: request.headers['if-none-match'] ?? null, acceptEncoding }, 'miss');
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body ?? undefined);
      return true;
    },
  };
}
