import { desc, lt } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { auditLogTable } from '../accounts/accounts.table.ts';
import { requirePermission, type Actor } from '../accounts/roles.ts';
import { STUDIO_LIMITS } from './studio.limits.ts';

export type AuditRow = typeof auditLogTable.$inferSelect;

/** One page of the audit log, newest first, and where the next page starts (admin only; read-only). */
export async function listAuditLog(db: Database, actor: Actor | null, before?: unknown): Promise<{ entries: AuditRow[]; nextBefore: number | null }> {
  requirePermission(actor, 'audit.view');
  const cursor = Number(before);
  const from = Number.isInteger(cursor) && cursor > 0 && cursor <= 2_147_483_647 ? cursor : null;
  const entries = await db
    .select()
    .from(auditLogTable)
    .where(from === null ? undefined : lt(auditLogTable.id, from))
    .orderBy(desc(auditLogTable.id))
    .limit(STUDIO_LIMITS.pageRows + 1);
  const page = entries.slice(0, STUDIO_LIMITS.pageRows);
  return { entries: page, nextBefore: entries.length > STUDIO_LIMITS.pageRows ? (page.at(-1)?.id ?? null) : null };
}
