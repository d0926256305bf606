import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Role } from './roles.ts';

/** One person of the editorial team; addresses are stored lower-cased. A removed person keeps their row (the audit log names them). */
export const usersTable = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull().unique(),
    displayName: text('display_name'),
    role: text('role').$type<Role>().notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (table) => [check('users_role_check', sql`${table.role} in ('assessor', 'reviewer', 'editor', 'admin')`)],
);

/** Append-only record of every write in the studio and of every sign-in; the store refuses updates and deletes. */
export const auditLogTable = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for events without a signed-in person (a failed sign-in, a CLI run on the server's machine). */
    actorUserId: integer('actor_user_id').references(() => usersTable.id),
    /** Who acted as shown to an admin: an address, or "cli (machine owner)". */
    actorLabel: text('actor_label').notNull(),
    /** Dotted event name, such as `user.invited`, `session.signed-in`, `draft.saved`, `revision.published`. */
    action: text('action').notNull(),
    /** What it acted on, such as `user:12`, `draft:40`, `assessment:registered-nurses`. */
    subject: text('subject').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index('audit_log_at_idx').on(table.at), index('audit_log_subject_idx').on(table.subject)],
);
