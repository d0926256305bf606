import { CatalogError } from '../features/catalog/catalog.errors.ts';
import type { PublishingService } from '../features/revisions/publishing-service.ts';
import { RevisionError, type RevisionErrorCode } from '../features/revisions/revisions.errors.ts';
import type { ServerFile } from './server-file.ts';

const DATE_FIELDS = new Set(['publishedAt', 'builtAt', 'since', 'until']);
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

async function call(server: ServerFile, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${server.port}/internal/v1/${path}`, {
      method,
      headers: { authorization: `Bearer ${server.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new ServerUnavailableError(`the running jobzone server (pid ${server.pid}) does not answer on 127.0.0.1:${server.port} (${cause}); wait for it to finish starting, or stop it and try again`);
  }
  const text = await response.text();
  const parsed = (text ? JSON.parse(text, revive) : {}) as { result?: unknown; error?: { code?: string; message?: string } };
  if (response.ok) return parsed.result ?? parsed;
  const code = parsed.error?.code ?? '';
  const message = parsed.error?.message ?? `HTTP ${response.status}`;
  if (REVISION_CODES.has(code)) throw new RevisionError(code as RevisionErrorCode, message);
  if (code === 'catalog.not_found' || code === 'catalog.invalid') throw new CatalogError(code, message);
  if (code === 'internal.starting') throw new ServerUnavailableError(`the running jobzone server (pid ${server.pid}) is still opening the store; try again in a few seconds`, true);
  throw new ServerUnavailableError(`the running jobzone server (pid ${server.pid}) failed: ${message}`);
}

/** Builds the publishing operations as calls to the running server's internal API. */
export function createServerPublishingService(server: ServerFile): PublishingService {
  const remote =
    <K extends keyof PublishingService>(name: K) =>
    (...args: Parameters<PublishingService[K]>) =>
      call(server, 'POST', `call/${name}`, args) as ReturnType<PublishingService[K]>;
  return {
    publish: remote('publish'),
    listRevisions: remote('listRevisions'),
    exportAssessment: remote('exportAssessment'),
    planEvidence: remote('planEvidence'),
    setEvidence: remote('setEvidence'),
    planRescore: remote('planRescore'),
    rescore: remote('rescore'),
    catalogStats: remote('catalogStats'),
    showAssessment: remote('showAssessment'),
    syncCatalog: remote('syncCatalog'),
  };
}

/** The server's view of its read model, and optionally of one assessment in it. */
export interface ServerStatus {
  pid: number;
  readModel: { version: number; builtAt: Date; assessments: number };
  assessment?: { key: string; revision: number; score: number; label: string } | null;
}

/** Asks the running server for its status, and optionally for one assessment in its read model. */
export async function fetchServerStatus(server: ServerFile, assessment?: string): Promise<ServerStatus> {
  return (await call(server, 'GET', assessment === undefined ? 'status' : `status?assessment=${encodeURIComponent(assessment)}`)) as ServerStatus;
}
