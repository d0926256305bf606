import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { hashSecret, newSecret } from './account-secrets.ts';
import { findActiveActor, findMemberByEmail } from './accounts.repository.ts';
import { AccountError } from './accounts.errors.ts';
import { parseMemberEmail, parseTokenName } from './accounts.schemas.ts';
import { apiTokensTable, usersTable } from './accounts.table.ts';
import { appendAudit } from './audit-log.ts';
import { auditedAs, authorize, type Caller } from './caller.ts';
import { can, type Actor } from './roles.ts';

/** Every API token starts with this, so leaked ones are easy to recognise and search for. */
export const API_TOKEN_PREFIX = 'jzt_';
const MAX_TOKENS_PER_MEMBER = 20;

/** An API token as lists show it: never the token itself. */
export interface ApiTokenSummary {
  id: number;
  email: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

// A member manages their own tokens; anyone else's need the admin's tokens.manage-any.
async function ownerOf(db: Database, caller: Caller, email: unknown): Promise<{ id: number; email: string }> {
  const address = email === undefined && caller.kind === 'member' ? caller.actor.email : parseMemberEmail(email);
  if (caller.kind === 'member' && caller.actor.email !== address) authorize(caller, 'tokens.manage-any');
  const member = await findMemberByEmail(db, address);
  if (!member || member.removedAt !== null) throw new AccountError('account.not_found', `${address} is not a member of the team; invite them first with "jobzone users add ${address} --role <role>"`);
  return member;
}

/** Creates an API token for a member and returns it once; only its hash is stored. */
export async function createApiToken(db: Database, caller: Caller, input: { email?: unknown; name?: unknown }): Promise<{ token: string; summary: ApiTokenSummary }> {
  const name = parseTokenName(input.name ?? 'CLI');
  return db.transaction(async (tx) => {
    const owner = await ownerOf(tx, caller, input.email);
    const live = await tx.select({ id: apiTokensTable.id }).from(apiTokensTable).where(and(eq(apiTokensTable.userId, owner.id), isNull(apiTokensTable.revokedAt)));
    if (live.length >= MAX_TOKENS_PER_MEMBER) throw new AccountError('account.invalid', `tokens: found ${live.length} live tokens for ${owner.email}; expected at most ${MAX_TOKENS_PER_MEMBER}: revoke one first`);
    const token = newSecret(API_TOKEN_PREFIX);
    const [row] = await tx.insert(apiTokensTable).values({ tokenHash: hashSecret(token), userId: owner.id, name, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) }).returning();
    if (!row) throw new Error('the token creation wrote no row');
    await appendAudit(tx, { ...auditedAs(caller), action: 'token.created', subject: `token:${row.id}`, details: { email: owner.email, name } });
    return { token, summary: { id: row.id, email: owner.email, name: row.name, prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: null, revokedAt: null } };
  });
}

function selectTokens(db: Database) {
  return db
    .select({ id: apiTokensTable.id, email: usersTable.email, name: apiTokensTable.name, prefix: apiTokensTable.prefix, createdAt: apiTokensTable.createdAt, lastUsedAt: apiTokensTable.lastUsedAt, revokedAt: apiTokensTable.revokedAt })
    .from(apiTokensTable)
    .innerJoin(usersTable, eq(usersTable.id, apiTokensTable.userId));
}

/** Lists API tokens: a member's own, or (admin, machine owner) everyone's or one member's. */
export async function listApiTokens(db: Database, caller: Caller, input: { email?: unknown } = {}): Promise<ApiTokenSummary[]> {
  const address = input.email === undefined ? (caller.kind === 'member' ? caller.actor.email : null) : parseMemberEmail(input.email);
  if (caller.kind === 'member' && address !== caller.actor.email) authorize(caller, 'tokens.manage-any');
  const query = selectTokens(db);
  return address === null ? query.orderBy(apiTokensTable.id) : query.where(eq(usersTable.email, address)).orderBy(apiTokensTable.id);
}

/** Revokes a token by its number: one's own, or anyone's with tokens.manage-any. */
export async function revokeApiToken(db: Database, caller: Caller, input: { id: unknown }): Promise<ApiTokenSummary> {
  const id = typeof input.id === 'number' ? input.id : typeof input.id === 'string' && /^\d{1,9}$/.test(input.id) ? Number(input.id) : NaN;
  if (!Number.isInteger(id)) throw new AccountError('account.invalid', `id: found "${String(input.id).slice(0, 20)}"; expected a token number from "jobzone tokens list"`);
  return db.transaction(async (tx) => {
    const [token] = await selectTokens(tx).where(eq(apiTokensTable.id, id));
    const isOwn = token !== undefined && caller.kind === 'member' && token.email === caller.actor.email;
    if (!token || (!isOwn && caller.kind === 'member' && !can(caller.actor, 'tokens.manage-any'))) {
      throw new AccountError('account.not_found', `there is no token ${id}${caller.kind === 'member' ? ' of yours' : ''}; see "jobzone tokens list"`);
    }
    if (token.revokedAt !== null) return token;
    const revokedAt = new Date();
    await tx.update(apiTokensTable).set({ revokedAt }).where(eq(apiTokensTable.id, id));
    await appendAudit(tx, { ...auditedAs(caller), action: 'token.revoked', subject: `token:${id}`, details: { email: token.email, name: token.name } });
    return { ...token, revokedAt };
  });
}

/** Finds the member an API token acts for; null for an unknown, revoked or malformed token, or a removed member. */
export async function actorOfApiToken(db: Database, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
  const [row] = await db
    .update(apiTokensTable)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokensTable.tokenHash, hashSecret(token)), isNull(apiTokensTable.revokedAt)))
    .returning({ userId: apiTokensTable.userId });
  return row ? findActiveActor(db, row.userId) : null;
}
