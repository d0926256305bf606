import { createHash } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { queryRows } from '../../store/sql-rows.ts';
import { sql } from 'drizzle-orm';
import { hashSecret, isSameSecret, newSecret } from './account-secrets.ts';
import { sessionsTable } from './accounts.table.ts';
import { appendAudit } from './audit-log.ts';
import type { Actor, Role } from './roles.ts';

/** How long a session lasts: without requests (idle) and at most (absolute), from the typed config. */
export interface SessionLifetime {
  idleHours: number;
  maxDays: number;
}

/** A session found from its cookie: who is signed in, the row, and the CSRF token its forms carry. */
export interface OpenSession {
  actor: Actor;
  sessionId: number;
  csrfToken: string;
}

/** The session of the browser making a request, as pages receive it. */
export interface BrowserSession {
  sessionId: number;
  secret: string;
  csrfToken: string;
}

// Touching last_seen_at on every request would write per page view; a minute is precise enough for hours of idle time.
const TOUCH_AFTER_MS = 60_000;

/** Opens a new session for a member and returns the secret for the cookie; the store keeps only its hash. */
export async function openSession(db: Database, userId: number, now = new Date()): Promise<string> {
  const secret = newSecret();
  await db.insert(sessionsTable).values({ idHash: hashSecret(secret), userId, createdAt: now, lastSeenAt: now });
  return secret;
}

/** Derives the per-session CSRF token from the cookie's secret (a synchronizer token that needs no storage). */
export function csrfTokenOf(sessionSecret: string): string {
  return createHash('sha256').update(`csrf:${sessionSecret}`).digest('base64url');
}

/** Tells whether a form's CSRF token belongs to this session. */
export function isValidCsrfToken(sessionSecret: string, given: string | null | undefined): boolean {
  return typeof given === 'string' && given.length > 0 && given.length < 100 && isSameSecret(given, csrfTokenOf(sessionSecret));
}

/** Finds the live session of a cookie; an expired one (idle or absolute) or one of a removed member is deleted and gives null. */
export async function resumeSession(db: Database, sessionSecret: string, lifetime: SessionLifetime, now = new Date()): Promise<OpenSession | null> {
  if (sessionSecret.length === 0 || sessionSecret.length > 100) return null;
  const [row] = await queryRows<{ id: number; created_at: Date | string; last_seen_at: Date | string; user_id: number; email: string; role: Role; removed_at: Date | string | null }>(
    db,
    sql`select s.id, s.created_at, s.last_seen_at, u.id as user_id, u.email, u.role, u.removed_at
        from sessions s join users u on u.id = s.user_id where s.id_hash = ${hashSecret(sessionSecret)}`,
  );
  if (!row) return null;
  const created = new Date(row.created_at).getTime();
  const lastSeen = new Date(row.last_seen_at).getTime();
  const expired = now.getTime() - lastSeen > lifetime.idleHours * 3_600_000 || now.getTime() - created > lifetime.maxDays * 86_400_000;
  if (expired || row.removed_at !== null) {
    await db.delete(sessionsTable).where(eq(sessionsTable.id, row.id));
    return null;
  }
  if (now.getTime() - lastSeen > TOUCH_AFTER_MS) await db.update(sessionsTable).set({ lastSeenAt: now }).where(eq(sessionsTable.id, row.id));
  return { actor: { userId: row.user_id, email: row.email, role: row.role }, sessionId: row.id, csrfToken: csrfTokenOf(sessionSecret) };
}

/** Signs one browser out. */
export async function closeSession(db: Database, actor: Actor, sessionId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessionsTable).where(and(eq(sessionsTable.id, sessionId), eq(sessionsTable.userId, actor.userId)));
    await appendAudit(tx, { actor, action: 'session.signed-out', subject: `user:${actor.userId}` });
  });
}

/** Signs a member out on every browser, this one included; returns how many sessions ended. */
export async function closeAllSessions(db: Database, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx.delete(sessionsTable).where(eq(sessionsTable.userId, actor.userId)).returning({ id: sessionsTable.id });
    await appendAudit(tx, { actor, action: 'session.signed-out-everywhere', subject: `user:${actor.userId}`, details: { sessions: ended.length } });
    return ended.length;
  });
}

/** Ends a session that a new sign-in replaces in the same browser (no fixation: the old secret stops working). */
export async function replaceSession(db: Database, previousSecret: string | null, keepSessionSecret: string): Promise<void> {
  if (!previousSecret || previousSecret === keepSessionSecret || previousSecret.length > 100) return;
  await db.delete(sessionsTable).where(and(eq(sessionsTable.idHash, hashSecret(previousSecret)), ne(sessionsTable.idHash, hashSecret(keepSessionSecret))));
}
