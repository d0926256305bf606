import type { IncomingMessage, ServerResponse } from 'node:http';

/** Builds a web-standard Request from a Node request whose body the server has already read. */
export function toWebRequest(request: IncomingMessage, body: Buffer | null): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const each of Array.isArray(value) ? value : [value]) headers.append(name, each);
  }
  const method = request.method ?? 'GET';
  return new Request(`http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`, {
    method,
    headers,
    ...(body && method !== 'GET' && method !== 'HEAD' ? { body: new Uint8Array(body) } : {}),
  });
}

/** Writes a web-standard Response's status and headers to a Node response, then the given body bytes. */
export function writeHead(response: ServerResponse, answer: Response, extra: Record<string, string> = {}): void {
  response.statusCode = answer.status;
  answer.headers.forEach((value, name) => response.setHeader(name, value));
  for (const [name, value] of Object.entries(extra)) response.setHeader(name, value);
}
