import { StoreError } from './store-error.ts';

/** The code every message about a statement the database refused starts with. */
export const STORE_QUERY_FAILED = 'store.query_failed';

const MAX_REASON_LENGTH = 160;

interface DatabaseCause {
  code?: unknown;
  message?: unknown;
}

/** Tells whether an error carries a SQL statement and its parameters (Drizzle wraps every failed query so). */
export function isQueryFailure(error: unknown): error is Error & { query: unknown; params: unknown } {
  return error instanceof Error && 'query' in error && 'params' in error;
}

const MAX_MESSAGE_LENGTH = 300;

function oneLine(text: string, max: number): string {
  const line = text.split('\n')[0] ?? '';
  const safe = line.replace(/[\u0000-\u001F\u007F-\u009F]|\p{Surrogate}/gu, '?');
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

/**
 * Describes a failed database statement in one short line: the database's error code and the
 * first line of its reason. Never the statement, its parameters or the error's detail, which
 * hold whole documents (a publication's parameters run to tens of kilobytes).
 */
export function describeQueryFailure(error: unknown): string {
  const cause = ((error as { cause?: unknown }).cause ?? {}) as DatabaseCause;
  const code = typeof cause.code === 'string' && /^[0-9A-Z]{5}$/.test(cause.code) ? cause.code : null;
  const reason = typeof cause.message === 'string' ? oneLine(cause.message, MAX_REASON_LENGTH) : 'no reason given';
  return `the database refused a statement (${code ? `SQLSTATE ${code}: ` : ''}${reason})`;
}

/** Raised in place of a failed database statement: a short message with a code, safe to print and to log. */
export class StoreFailure extends StoreError {
  readonly code = STORE_QUERY_FAILED;
}

/** Turns a failed database statement into a StoreFailure saying what was not done; returns any other error as it is. */
export function toStoreFailure(error: unknown, outcome: string): unknown {
  if (!isQueryFailure(error)) return error;
  return new StoreFailure(`${STORE_QUERY_FAILED}: ${describeQueryFailure(error)}; ${outcome}`);
}

/** Describes any error in one short line for a terminal or a log: failed statements without their SQL, others by the first line of their message. */
export function describeFailure(error: unknown): string {
  if (isQueryFailure(error)) return `${STORE_QUERY_FAILED}: ${describeQueryFailure(error)}`;
  const message = error instanceof Error ? error.message : String(error);
  return oneLine(message, MAX_MESSAGE_LENGTH) || (error instanceof Error ? error.name : 'unknown error');
}
