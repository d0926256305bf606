import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CatalogError } from '../features/catalog/catalog.errors.ts';
import { PUBLISHING_OPERATIONS, type PublishingService } from '../features/revisions/publishing-service.ts';
import { RevisionError, type RevisionErrorCode } from '../features/revisions/revisions.errors.ts';
import { assessmentKey } from '../features/read-model/read-model.ts';
import { AccountError, ACCOUNT_ERROR_STATUS } from '../features/accounts/accounts.errors.ts';
import { TEAM_ADMIN_OPERATIONS, type TeamAdminService } from '../features/accounts/team-admin-service.ts';
import type { ReadModelHolder } from './read-model-holder.ts';
import { newServerToken, removeServerFileSync, writeServerFile } from './server-file.ts';

/** HTTP status of each revision error code on the internal API (and the public API later). */
export const REVISION_ERROR_STATUS: Record<RevisionErrorCode, number> = { 'revision.conflict': 409, 'revision.invalid': 422, 'revision.not_found': 404 };

// Bulk publications carry every document of the catalog (about 10 MB for a methodology re-score).
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const PREFIX = '/internal/v1/';

/** The running internal API: its port, how to give it the open store once the server has one, and how to stop it (which also removes the server file). */
export interface InternalApi {
  port: number;
  attach: (service: PublishingService, readModel: ReadModelHolder, team?: TeamAdminService) => void;
  close: () => Promise<void>;
}

interface Attached {
  service: PublishingService;
  readModel: ReadModelHolder;
  team?: TeamAdminService | undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new RevisionError('revision.invalid', `the request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isAuthorized(request: IncomingMessage, token: string): boolean {
  const given = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type Operation = (typeof PUBLISHING_OPERATIONS)[number];
const isOperation = (name: string): name is Operation => (PUBLISHING_OPERATIONS as readonly string[]).includes(name);
type TeamOperation = (typeof TEAM_ADMIN_OPERATIONS)[number];
const TEAM_PREFIX = 'team.';
const isTeamOperation = (name: string): name is TeamOperation => (TEAM_ADMIN_OPERATIONS as readonly string[]).includes(name);

async function handle(attached: Attached | null, token: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (!url.pathname.startsWith(PREFIX)) return sendJson(response, 404, { error: { code: 'internal.not_found', message: 'unknown internal endpoint' } });
  if (!isAuthorized(request, token)) return sendJson(response, 401, { error: { code: 'internal.unauthorized', message: 'missing or wrong bearer token; read it from server.json in the data directory' } });
  if (!attached) return sendJson(response, 503, { error: { code: 'internal.starting', message: 'the server is still opening the store' } });
  const { service, readModel } = attached;
  const path = url.pathname.slice(PREFIX.length);
  if (request.method === 'GET' && path === 'status') {
    const model = readModel.current();
    const key = url.searchParams.get('assessment');
    const entry = key === null ? undefined : model.assessments.get(key.includes('/') ? key : assessmentKey(key, model.roles.get(key)?.defaultSeniority ?? ''));
    return sendJson(response, 200, {
      pid: process.pid,
      readModel: { version: model.version, builtAt: model.builtAt, assessments: model.assessments.size },
      ...(key === null ? {} : { assessment: entry ? { key: entry.key, revision: entry.revision.number, score: entry.figures.score, label: entry.figures.label } : null }),
    });
  }
  const operation = path.startsWith('call/') ? path.slice('call/'.length) : '';
  const teamOperation = operation.startsWith(TEAM_PREFIX) ? operation.slice(TEAM_PREFIX.length) : '';
  if (request.method === 'POST' && attached.team && isTeamOperation(teamOperation)) {
    let teamArgs: unknown[];
    try {
      const parsed: unknown = JSON.parse(await readBody(request));
      if (!Array.isArray(parsed)) throw new Error('expected a JSON array of arguments');
      teamArgs = parsed;
    } catch (error) {
      return sendJson(response, 400, { error: { code: 'internal.bad_request', message: (error as Error).message } });
    }
    const teamCall = attached.team[teamOperation] as (...given: unknown[]) => Promise<unknown>;
    return sendJson(response, 200, { result: await teamCall(...teamArgs) });
  }
  if (request.method !== 'POST' || !isOperation(operation)) return sendJson(response, 404, { error: { code: 'internal.not_found', message: `unknown internal operation "${path}"` } });
  let args: unknown[];
  try {
    const parsed: unknown = JSON.parse(await readBody(request));
    if (!Array.isArray(parsed)) throw new Error('expected a JSON array of arguments');
    args = parsed;
  } catch (error) {
    return sendJson(response, 400, { error: { code: 'internal.bad_request', message: (error as Error).message } });
  }
  // The client is the jobzone CLI holding the token: it sends the arguments of the same typed service.
  const call = service[operation] as (...given: unknown[]) => Promise<unknown>;
  const result = await call(...args);
  sendJson(response, 200, { result });
}

/** Starts the local-only internal API (127.0.0.1, bearer token) and announces it in <dataDir>/server.json before the store is opened, so no CLI opens the embedded store meanwhile. */
export async function startInternalApi(options: { dataDir: string; log: (line: string) => void }): Promise<InternalApi> {
  const token = newServerToken();
  let attached: Attached | null = null;
  const server: Server = createServer((request, response) => {
    handle(attached, token, request, response).catch((error: unknown) => {
      if (response.headersSent) return response.end();
      if (error instanceof RevisionError) return sendJson(response, REVISION_ERROR_STATUS[error.code], { error: { code: error.code, message: error.message } });
      if (error instanceof AccountError) return sendJson(response, ACCOUNT_ERROR_STATUS[error.code], { error: { code: error.code, message: error.message } });
      if (error instanceof CatalogError) return sendJson(response, error.code === 'catalog.not_found' ? 404 : 422, { error: { code: error.code, message: error.message } });
      options.log(`internal API: ${request.method} ${request.url}: ${(error as Error).message}`);
      sendJson(response, 500, { error: { code: 'internal.failure', message: (error as Error).message } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await writeServerFile(options.dataDir, { pid: process.pid, port, token, startedAt: new Date().toISOString() });
  const removeFile = () => removeServerFileSync(options.dataDir);
  process.once('exit', removeFile);
  return {
    port,
    attach: (service, readModel, team) => {
      attached = { service, readModel, team };
    },
    close: async () => {
      removeFile();
      process.off('exit', removeFile);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
