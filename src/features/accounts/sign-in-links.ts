import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { SIGN_IN_LINK_MINUTES } from '../mail/outgoing-mail.ts';
import { hashSecret, newSecret } from './account-secrets.ts';
import { signInLinksTable } from './accounts.table.ts';

/** Stores a new sign-in link of a member (its hash only) and returns the token to mail. */
export async function createSignInLink(db: Database, userId: number, now = new Date()): Promise<string> {
  const token = newSecret();
  await db.insert(signInLinksTable).values({ tokenHash: hashSecret(token), userId, createdAt: now, expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000) });
  return token;
}

/** Uses up a sign-in link in one statement, so two clicks cannot both sign in; returns its member, or null when unknown, used or expired. */
export async function consumeSignInLink(db: Database, token: string, now = new Date()): Promise<number | null> {
  const [row] = await db
    .update(signInLinksTable)
    .set({ usedAt: now })
    .where(and(eq(signInLinksTable.tokenHash, hashSecret(token)), isNull(signInLinksTable.usedAt), gt(signInLinksTable.expiresAt, now)))
    .returning({ userId: signInLinksTable.userId });
  return row?.userId ?? null;
}

/** Deletes links that can no longer be used, older than a day. */
export async function deleteStaleSignInLinks(db: Database, now = new Date()): Promise<void> {
  await db.delete(signInLinksTable).where(sql`${signInLinksTable.expiresAt} < ${new Date(now.getTime() - 86_400_000)}`);
}
