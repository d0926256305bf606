import { IncomingMessage, ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** A socket that discards what is written: in-process renders read the answer elsewhere (the render cache, the response's own calls). */
export class DiscardingSocket extends Duplex {
  remoteAddress = '127.0.0.1';
  override _read(): void {}
  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    callback();
  }
  setTimeout(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
}

/** A page as Astro (with our middleware) answered it: status, headers and the body decoded to text. */
export interface AstroAnswer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: string;
}

function decoded(body: Buffer, coding: unknown): Buffer {
  if (coding === 'br') return brotliDecompressSync(body);
  if (coding === 'gzip') return gunzipSync(body);
  return body;
}

export type AstroHandler = (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void, locals?: object) => void | Promise<void>;

/**
 * Sends one GET to the handler in this process, as a browser asking for Brotli would, over a socket
 * that discards the bytes: `watch` sees the response before the handler runs (to read what it
 * writes); resolves with `answer` once the response has finished.
 */
export function getInProcess<T>(handler: AstroHandler, path: string, locals: object, watch: (response: ServerResponse) => void, answer: (response: ServerResponse) => T): Promise<T> {
  const socket = new DiscardingSocket() as unknown as Socket;
  const request = new IncomingMessage(socket);
  request.method = 'GET';
  request.url = path;
  request.headers = { host: 'localhost', 'accept-encoding': 'br, gzip' };
  request.push(null);
  const response = new ServerResponse(request);
  response.assignSocket(socket);
  watch(response);
  return new Promise<T>((resolve, reject) => {
    response.once('finish', () => resolve(answer(response)));
    response.once('error', reject);
    Promise.resolve(handler(request, response, (error) => reject(error instanceof Error ? error : new Error(`could not render ${path}`)), locals)).catch(reject);
  }).finally(() => {
    response.detachSocket(socket);
    socket.destroy();
  });
}

/**
 * Renders one GET through Astro in this process and keeps what it answered. The request asks for
 * Brotli as a browser does, so a page the middleware stores is stored as a reader's would be.
 */
export function renderThroughAstro(handler: AstroHandler, path: string, locals: object): Promise<AstroAnswer> {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Uint8Array | string));
  };
  let written: OutgoingHttpHeaders = {};
  const watch = (response: ServerResponse) => {
    // Astro passes its headers to writeHead, which sends them without keeping them for getHeaders().
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    response.writeHead = ((status: number, ...rest: unknown[]) => {
      const headers = rest.find((argument) => typeof argument === 'object' && argument !== null && !Array.isArray(argument));
      if (headers) written = headers as OutgoingHttpHeaders;
      return writeHead(status, ...rest);
    }) as typeof response.writeHead;
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return write(chunk, ...rest);
    }) as typeof response.write;
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return end(chunk, ...rest);
    }) as typeof response.end;
  };
  return getInProcess(handler, path, locals, watch, (response) => {
    const headers = { ...response.getHeaders(), ...written };
    return { status: response.statusCode, headers, body: decoded(Buffer.concat(chunks), headers['content-encoding']).toString('utf8') };
  });
}
