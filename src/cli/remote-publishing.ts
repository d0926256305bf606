import type { Config } from '../config/config.ts';
import { CatalogError } from '../features/catalog/catalog.errors.ts';
import { isMemberOperation } from '../features/revisions/member-publishing-service.ts';
import { publishingServiceOver, type PublishingService } from '../features/revisions/publishing-service.ts';
import { RevisionError, type RevisionErrorCode } from '../features/revisions/revisions.errors.ts';

/** Raised when the remote server refuses the CLI (no, wrong or revoked token; a role too low) or cannot be reached; the message says what to do. */
export class RemoteAccessError extends Error {}

const DATE_FIELDS = new Set(['publishedAt', 'builtAt', 'since', 'until']);
const REVISION_CODES: ReadonlySet<string> = new Set<RevisionErrorCode>(['revision.conflict', 'revision.invalid', 'revision.not_found']);
const TIMEOUT_MS = 60_000;

/** Checks JOBZONE_URL and JOBZONE_TOKEN come together; returns them, or null when neither is set. */
export function remoteTarget(remote: Config['remote']): { url: string; token: string } | null {
  if (!remote) return null;
  if (!remote.url) throw new RemoteAccessError('JOBZONE_TOKEN is set but JOBZONE_URL is not: set JOBZONE_URL to the address of the jobzone server (e.g. https://jobzone.example), or unset JOBZONE_TOKEN to use this machine\'s store; nothing was changed');
  if (!remote.token) throw new RemoteAccessError(`JOBZONE_URL is set to ${remote.url} but JOBZONE_TOKEN is missing: create a token on that server ("jobzone tokens create --email <you>", or on your studio account page) and set JOBZONE_TOKEN; nothing was changed`);
  return { url: remote.url, token: remote.token };
}

async function call(target: { url: string; token: string }, operation: string, args: unknown[]): Promise<unknown> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${target.url}/cli/v1/call/${operation}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(args),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new RemoteAccessError(`the jobzone server at ${target.url} could not be reached (${cause}); check JOBZONE_URL and your connection`);
  }
  let parsed: { result?: unknown; error?: { code?: string; message?: string } };
  try {
    parsed = JSON.parse(text, (key, value: unknown) => (DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value)) as typeof parsed;
  } catch {
    const hint = response.status === 413 ? ': the request is larger than the server accepts' : '';
    throw new RemoteAccessError(`the server at ${target.url} answered HTTP ${response.status} without JSON${hint}; is JOBZONE_URL the address of a jobzone server?`);
  }
  if (response.ok) return parsed.result;
  const code = parsed.error?.code ?? '';
  const message = parsed.error?.message ?? `HTTP ${response.status}`;
  if (REVISION_CODES.has(code)) throw new RevisionError(code as RevisionErrorCode, message);
  if (code === 'catalog.not_found' || code === 'catalog.invalid') throw new CatalogError(code, message);
  if (response.status === 401) throw new RemoteAccessError(`${target.url} refused JOBZONE_TOKEN: ${message}; nothing was changed`);
  throw new RemoteAccessError(`${target.url} refused the request: ${message}`);
}

/** Builds the publishing operations as calls to a remote jobzone server with an API token, as that token's member. */
export function createRemotePublishingService(target: { url: string; token: string }): PublishingService {
  // A member may call only the operations the server's member endpoint serves; the rest read this machine's store.
  return publishingServiceOver(async (operation, args) => {
    if (!isMemberOperation(operation)) throw new RemoteAccessError(`"${operation}" works on this machine's store only; unset JOBZONE_URL and JOBZONE_TOKEN to run it`);
    return call(target, operation, args);
  });
}
