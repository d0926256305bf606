import type { Database } from '../../store/database.ts';
import { auditLogTable } from './accounts.table.ts';
import type { Actor } from './roles.ts';

export interface AuditEntry {
  /** The person who acted, or null with a label for the machine owner's CLI or an anonymous attempt. */
  actor: Actor | null;
  actorLabel?: string;
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

/** Appends one entry; call it in the same transaction as the write it records. */
export async function appendAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLogTable).values({
    actorUserId: entry.actor?.userId ?? null,
    actorLabel: entry.actor?.email ?? entry.actorLabel ?? 'anonymous',
    action: entry.action,
    subject: entry.subject,
    details: entry.details ?? {},
  });
}
