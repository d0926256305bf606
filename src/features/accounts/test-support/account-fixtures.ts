import { sql } from 'drizzle-orm';
import type { Database } from '../../../store/database.ts';
import { queryRows } from '../../../store/sql-rows.ts';
import { createRateLimiter } from '../../rate-limits/rate-limits.usecases.ts';
import { MACHINE_OWNER } from '../caller.ts';
import type { Actor, Role } from '../roles.ts';
import { DEFAULT_SIGN_IN_LIMITS, type SignInDependencies } from '../sign-in.usecases.ts';
import { inviteMember } from '../users.usecases.ts';

/** Sign-in dependencies over a test store: the real limiter and limits, the default lifetimes, waiting for every write. */
export function signInDependencies(db: Database, overrides: Partial<SignInDependencies> = {}): SignInDependencies {
  return { db, limiter: createRateLimiter(db), limits: DEFAULT_SIGN_IN_LIMITS, lifetime: { idleHours: 12, maxDays: 7 }, publicUrl: 'http://localhost:4321', ...overrides };
}

/** Invites a member as the machine owner and returns them as an actor. */
export async function inviteTestMember(db: Database, email: string, role: Role): Promise<Actor> {
  const member = await inviteMember(db, MACHINE_OWNER, { email, role });
  return { userId: member.id, email: member.email, role: member.role };
}

/** Reads the newest sign-in token still waiting in the outbox for an address (the mail worker has not sent it yet). */
export async function pendingSignInToken(db: Database, email: string): Promise<string> {
  const [row] = await queryRows<{ token: string }>(
    db,
    sql`select o.confirm_token as token from mail_outbox o join users u on u.id = o.user_id where o.kind = 'sign-in' and u.email = ${email} and o.confirm_token is not null order by o.id desc limit 1`,
  );
  if (!row) throw new Error(`no sign-in email is waiting for ${email}`);
  return row.token;
}

/** Lists the audit log's actions, oldest first. */
export async function auditActions(db: Database): Promise<{ action: string; actorLabel: string; subject: string; details: Record<string, unknown> }[]> {
  return queryRows(db, sql`select action, actor_label as "actorLabel", subject, details from audit_log order by id`);
}
