import { CatalogError } from '../features/catalog/catalog.errors.ts';
import { publishingServiceOver, type PublishingService } from '../features/revisions/publishing-service.ts';
import { RevisionError, type RevisionErrorCode } from '../features/revisions/revisions.errors.ts';
import type { ServerFile } from './server-file.ts';
import { AccountError, isAccountErrorCode } from '../features/accounts/accounts.errors.ts';
import type { TeamAdminService } from '../features/accounts/team-admin-service.ts';

const DATE_FIELDS = new Set(['publishedAt', 'builtAt', 'since', 'until', 'invitedAt', 'removedAt', 'createdAt', 'lastUsedAt', 'revokedAt']);
const REVISION_CODES: ReadonlySet<string> = new Set<RevisionErrorCode>(['revision.conflict', 'revision.invalid', 'revision.not_found']);

/** Raised when the running server cannot be reached or fails; the message says what to check. */
export class ServerUnavailableError extends Error {
  /** True while the server is still opening the store: trying again shortly will work. */
  readonly starting: boolean;

  constructor(message: string, starting = false) {
    super(message);
    this.starting = starting;
  }
}

function revive(key: string, value: unknown): unknown {
  return DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value;
}

/** How long the CLI waits for the running server to answer one call. */
export const DEFAULT_INTERNAL_TIMEOUT_MS = 30_000;

/** Options of calls to the running server; tests pass a short timeout. */
export interface InternalCallOptions {
  timeoutMs?: number;
}

// Calls that publish: when the server stops answering during one, nobody knows whether it committed.
const PUBLISHING_CALLS = new Set(['call/publish', 'call/setEvidence', 'call/rescore']);

function slugsOf(body: unknown): string[] {
  const items = Array.isArray(body) && Array.isArray(body[0]) ? (body[0] as { document?: { role?: { slug?: unknown } } }[]) : [];
  return items.map((item) => item.document?.role?.slug).filter((slug): slug is string => typeof slug === 'string').slice(0, 5);
}

function outcomeUnknown(path: string, body: unknown): string {
  if (!PUBLISHING_CALLS.has(path)) return '';
  const slugs = slugsOf(body);
  const check = slugs.length > 0 ? slugs.map((slug) => `"jobzone revisions ${slug}"`).join(', ') : '"jobzone revisions <slug>" for each assessment involved';
  return ` The outcome is unknown: the publication may or may not have been stored. Once the server answers again (or after restarting it), run ${check} to see whether the new revision is there before publishing again.`;
}

async function call(server: ServerFile, method: 'GET' | 'POST', path: string, body?: unknown, options: InternalCallOptions = {}): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_INTERNAL_TIMEOUT_MS;
  const where = `the running jobzone server (pid ${server.pid}) on 127.0.0.1:${server.port}`;
  const name = path.replace(/^call\//, '').replace(/\?.*$/, '');
  let response: Response;
  let text: string;
  try {
    // One deadline covers connecting, the answer's headers and its body.
    const signal = AbortSignal.timeout(timeoutMs);
    response = await fetch(`http://127.0.0.1:${server.port}/internal/v1/${path}`, {
      method,
      headers: { authorization: `Bearer ${server.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal,
    });
    text = await response.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    if (cause === 'TimeoutError') {
      throw new ServerUnavailableError(
        `${where} did not answer "${name}" within ${Math.round(timeoutMs / 100) / 10} s; check that the process is running and not stopped (ps -o stat= -p ${server.pid}; "T" means stopped, resume it with kill -CONT ${server.pid}) and look at its log, or stop it and try again.${outcomeUnknown(path, body)}`,
      );
    }
    if (cause === 'ECONNREFUSED') {
      throw new ServerUnavailableError(`${where} does not accept connections (${cause}); wait for it to finish starting, or stop it and try again`);
    }
    throw new ServerUnavailableError(`${where} stopped answering during "${name}" (${cause}); check its log and whether it is still running.${outcomeUnknown(path, body)}`);
  }
  let parsed: { result?: unknown; error?: { code?: string; message?: string } };
  try {
    parsed = (text ? JSON.parse(text, revive) : {}) as typeof parsed;
  } catch {
    throw new ServerUnavailableError(`${where} answered "${name}" with HTTP ${response.status} and a body that is not JSON; is another program using that port?${outcomeUnknown(path, body)}`);
  }
  if (response.ok) return parsed.result ?? parsed;
  const code = parsed.error?.code ?? '';
  const message = parsed.error?.message ?? `HTTP ${response.status}`;
  if (REVISION_CODES.has(code)) throw new RevisionError(code as RevisionErrorCode, message);
  if (isAccountErrorCode(code)) throw new AccountError(code, message);
  if (code === 'catalog.not_found' || code === 'catalog.invalid') throw new CatalogError(code, message);
  if (code === 'internal.starting') throw new ServerUnavailableError(`the running jobzone server (pid ${server.pid}) is still opening the store; try again in a few seconds`, true);
  throw new ServerUnavailableError(`the running jobzone server (pid ${server.pid}) failed: ${message}`);
}

/** Builds the publishing operations as calls to the running server's internal API. */
export function createServerPublishingService(server: ServerFile, options: InternalCallOptions = {}): PublishingService {
  return publishingServiceOver((operation, args) => call(server, 'POST', `call/${operation}`, args, options));
}

/** Builds the machine owner's people and token operations as calls to the running server's internal API. */
export function createServerTeamAdminService(server: ServerFile, options: InternalCallOptions = {}): TeamAdminService {
  const remote =
    <K extends keyof TeamAdminService>(name: K) =>
    (...args: Parameters<TeamAdminService[K]>) =>
      call(server, 'POST', `call/team.${name}`, args, options) as ReturnType<TeamAdminService[K]>;
  return {
    addUser: remote('addUser'),
    listUsers: remote('listUsers'),
    setRole: remote('setRole'),
    removeUser: remote('removeUser'),
    createToken: remote('createToken'),
    listTokens: remote('listTokens'),
    revokeToken: remote('revokeToken'),
  };
}

/** The server's view of its read model, and optionally of one assessment in it. */
export interface ServerStatus {
  pid: number;
  readModel: { version: number; builtAt: Date; assessments: number };
  assessment?: { key: string; revision: number; score: number; label: string } | null;
}

/** Asks the running server for its status, and optionally for one assessment in its read model. */
export async function fetchServerStatus(server: ServerFile, assessment?: string, options: InternalCallOptions = {}): Promise<ServerStatus> {
  return (await call(server, 'GET', assessment === undefined ? 'status' : `status?assessment=${encodeURIComponent(assessment)}`, undefined, options)) as ServerStatus;
}
