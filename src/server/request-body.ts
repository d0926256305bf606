import type { IncomingMessage } from 'node:http';

/** How much a client may send and how long it may take. */
export interface BodyLimits {
  /** The largest request body accepted on public endpoints, in bytes. */
  maxBodyBytes: number;
  /** How long a client may take to send its body, in milliseconds. */
  bodyTimeoutMs: number;
}

/** 64 KB holds any form or JSON the public site accepts many times over; 10 s is ample on a slow line. */
export const DEFAULT_BODY_LIMITS: BodyLimits = { maxBodyBytes: 64 * 1024, bodyTimeoutMs: 10_000 };

export type BodyOutcome = { kind: 'read'; body: Buffer } | { kind: 'too-large' } | { kind: 'too-slow' };

/** Tells from Content-Length alone that a body is too large, before a byte of it is read. */
export function declaresTooLargeBody(request: IncomingMessage, limits: BodyLimits): boolean {
  const declared = request.headers['content-length'];
  return declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > limits.maxBodyBytes);
}

/**
 * Reads a request body into memory, counting bytes as they arrive (a chunked body declares no
 * length), and gives up as soon as it grows past the limit or the time runs out.
 */
export function readBoundedBody(request: IncomingMessage, limits: BodyLimits): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (outcome: BodyOutcome) => {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      if (outcome.kind !== 'read') request.pause();
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received > limits.maxBodyBytes) finish({ kind: 'too-large' });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ kind: 'read', body: Buffer.concat(chunks) });
    const onError = () => finish({ kind: 'too-slow' });
    const timer = setTimeout(() => finish({ kind: 'too-slow' }), limits.bodyTimeoutMs);
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onError);
  });
}
