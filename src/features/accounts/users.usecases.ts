import { eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { enqueueSignInLink } from '../mail/mail.repository.ts';
import { countActiveAdmins, findMemberByEmail, listMembers, type Member } from './accounts.repository.ts';
import { AccountError } from './accounts.errors.ts';
import { parseMemberEmail, parseRole } from './accounts.schemas.ts';
import { apiTokensTable, sessionsTable, usersTable } from './accounts.table.ts';
import { appendAudit } from './audit-log.ts';
import { auditedAs, authorize, type Caller } from './caller.ts';
import { createSignInLink } from './sign-in-links.ts';

/** Called after a sign-in email was queued, so a mail worker in this process sends it at once. */
export type MailQueued = (() => void) | undefined;

async function requireMember(db: Database, email: string): Promise<Member> {
  const member = await findMemberByEmail(db, email);
  if (!member || member.removedAt !== null) throw new AccountError('account.not_found', `${email} is not a member of the team; invite them with "jobzone users add ${email} --role <role>"`);
  return member;
}

/** Invites someone: creates the member (or brings back a removed one) with a role and mails them a sign-in link. */
export async function inviteMember(db: Database, caller: Caller, input: { email: unknown; role: unknown }, onMailQueued?: MailQueued): Promise<Member> {
  authorize(caller, 'users.manage');
  const email = parseMemberEmail(input.email);
  const role = parseRole(input.role);
  const member = await db.transaction(async (tx) => {
    const existing = await findMemberByEmail(tx, email);
    if (existing && existing.removedAt === null) throw new AccountError('account.exists', `${email} is already a member (${existing.role}); change their role with "jobzone users set-role ${email} <role>"`);
    const [row] = existing
      ? await tx.update(usersTable).set({ role, removedAt: null, invitedAt: new Date() }).where(eq(usersTable.id, existing.id)).returning()
      : await tx.insert(usersTable).values({ email, role }).returning();
    if (!row) throw new Error(`the invitation of ${email} wrote no row`);
    const token = await createSignInLink(tx, row.id);
    await enqueueSignInLink(tx, { userId: row.id, token });
    await appendAudit(tx, { ...auditedAs(caller), action: 'user.invited', subject: `user:${row.id}`, details: { email, role, rejoined: existing !== null } });
    return { id: row.id, email: row.email, role: row.role, invitedAt: row.invitedAt, removedAt: row.removedAt };
  });
  onMailQueued?.();
  return member;
}

/** Lists the members of the team. */
export async function listTeam(db: Database, caller: Caller): Promise<Member[]> {
  authorize(caller, 'users.manage');
  return listMembers(db);
}

/** Changes a member's role; the last admin cannot be demoted. */
export async function changeMemberRole(db: Database, caller: Caller, input: { email: unknown; role: unknown }): Promise<Member> {
  authorize(caller, 'users.manage');
  const email = parseMemberEmail(input.email);
  const role = parseRole(input.role);
  return db.transaction(async (tx) => {
    const member = await requireMember(tx, email);
    if (member.role === role) return member;
    if (member.role === 'admin' && (await countActiveAdmins(tx)) <= 1) throw new AccountError('account.last_admin', `${email} is the only admin; make someone else admin first`);
    await tx.update(usersTable).set({ role }).where(eq(usersTable.id, member.id));
    await appendAudit(tx, { ...auditedAs(caller), action: 'user.role-changed', subject: `user:${member.id}`, details: { email, from: member.role, to: role } });
    return { ...member, role };
  });
}

/** Removes a member: ends their sessions and revokes their tokens; the row stays for the audit log. */
export async function removeMember(db: Database, caller: Caller, input: { email: unknown }): Promise<Member> {
  authorize(caller, 'users.manage');
  const email = parseMemberEmail(input.email);
  return db.transaction(async (tx) => {
    const member = await requireMember(tx, email);
    if (member.role === 'admin' && (await countActiveAdmins(tx)) <= 1) throw new AccountError('account.last_admin', `${email} is the only admin; make someone else admin first`);
    const removedAt = new Date();
    await tx.update(usersTable).set({ removedAt }).where(eq(usersTable.id, member.id));
    await tx.delete(sessionsTable).where(eq(sessionsTable.userId, member.id));
    await tx.update(apiTokensTable).set({ revokedAt: removedAt }).where(eq(apiTokensTable.userId, member.id));
    await appendAudit(tx, { ...auditedAs(caller), action: 'user.removed', subject: `user:${member.id}`, details: { email, role: member.role } });
    return { ...member, removedAt };
  });
}
