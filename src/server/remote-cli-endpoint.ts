import type { IncomingMessage, ServerResponse } from 'node:http';
import { actorOfApiToken } from '../features/accounts/api-tokens.usecases.ts';
import { PermissionDenied } from '../features/accounts/roles.ts';
import { CatalogError } from '../features/catalog/catalog.errors.ts';
import { createMemberPublishingService, isMemberOperation } from '../features/revisions/member-publishing-service.ts';
import { RevisionError } from '../features/revisions/revisions.errors.ts';
import type { Database } from '../store/database.ts';
import { StoreError } from '../store/database.ts';
import { REVISION_ERROR_STATUS } from './internal-api.ts';

/** Where the CLI calls a remote server with an API token (JOBZONE_URL + JOBZONE_TOKEN). */
export const REMOTE_CLI_PREFIX = '/cli/v1/call/';
const MAX_ARGUMENTS = 4;

/** Tells whether a request is for the remote CLI endpoint. */
export function isRemoteCliRequest(url: string | undefined): boolean {
  return (url ?? '').startsWith(REMOTE_CLI_PREFIX);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const fail = (response: ServerResponse, status: number, code: string, message: string) => sendJson(response, status, { error: { code, message } });

/** Creates the endpoint: the bearer token names the member, whose role the use cases check; the body is the JSON array of the operation's arguments. */
export function createRemoteCliEndpoint(db: Database) {
  return async (request: IncomingMessage, response: ServerResponse, body: Buffer | null): Promise<void> => {
    const operation = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname.slice(REMOTE_CLI_PREFIX.length));
    if (request.method !== 'POST') return fail(response, 405, 'cli.method', 'POST the JSON array of arguments to this address');
    if (!isMemberOperation(operation)) return fail(response, 404, 'cli.not_found', `unknown operation "${operation.slice(0, 40)}"; this server accepts publish, export, revisions, evidence set and methodology rescore`);
    const match = /^Bearer (\S{1,200})$/.exec(request.headers.authorization ?? '');
    const actor = match?.[1] ? await actorOfApiToken(db, match[1]) : null;
    if (!actor) return fail(response, 401, 'account.unauthorized', 'missing, revoked or wrong API token: create one with "jobzone tokens create --email <you>" on the server and set JOBZONE_TOKEN');
    let args: unknown[];
    try {
      const parsed: unknown = JSON.parse((body ?? Buffer.alloc(0)).toString('utf8'));
      if (!Array.isArray(parsed) || parsed.length > MAX_ARGUMENTS) throw new Error(`expected a JSON array of at most ${MAX_ARGUMENTS} arguments`);
      args = parsed;
    } catch (error) {
      return fail(response, 400, 'cli.bad_request', `body: ${(error as Error).message}`);
    }
    const service = createMemberPublishingService(db, actor);
    try {
      const call = service[operation] as (...given: unknown[]) => Promise<unknown>;
      sendJson(response, 200, { result: await call(...args) });
    } catch (error) {
      if (error instanceof PermissionDenied) return fail(response, 403, 'account.forbidden', `${error.message}; nothing was changed`);
      if (error instanceof RevisionError) return fail(response, REVISION_ERROR_STATUS[error.code], error.code, error.message);
      if (error instanceof CatalogError) return fail(response, error.code === 'catalog.not_found' ? 404 : 422, error.code, error.message);
      if (error instanceof StoreError) return fail(response, 503, 'store.unavailable', error.message);
      throw error;
    }
  };
}
