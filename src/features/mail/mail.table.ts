import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { PublishedRevision } from '../revisions/published-revision.ts';
import { usersTable } from '../accounts/accounts.table.ts';
import { subscribersTable, subscriptionsTable } from '../subscriptions/subscriptions.table.ts';

export const OUTBOX_KINDS = ['confirmation', 'update', 'sign-in'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead', 'skipped'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What a notable revision changed, stored once and shared by every update email about it. */
export type NotificationContent = Omit<PublishedRevision, 'publishedAt'> & { publishedAt: string };

/** One notable published revision whose subscribers are told about it. */
export const mailNotificationsTable = pgTable('mail_notifications', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  revisionId: integer('revision_id').notNull().unique(),
  content: jsonb('content').$type<NotificationContent>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The durable outbox: one row per email to send, claimed by workers with FOR UPDATE SKIP LOCKED. */
export const mailOutboxTable = pgTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<OutboxKind>().notNull(),
    /** The subscriber of a confirmation or update; null for a sign-in link, which goes to a member of the team. */
    subscriberId: integer('subscriber_id').references(() => subscribersTable.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => usersTable.id, { onDelete: 'cascade' }),
    notificationId: integer('notification_id').references(() => mailNotificationsTable.id),
    subscriptionId: integer('subscription_id').references(() => subscriptionsTable.id, { onDelete: 'cascade' }),
    /** The confirmation or sign-in token, kept only until the email is sent (the subscription or sign-in link holds its hash). */
    confirmToken: text('confirm_token'),
    /** Stable per row: a resend after a crash carries the same Message-ID, so mailboxes can recognise it. */
    messageId: uuid('message_id').notNull().defaultRandom(),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseId: uuid('lease_id'),
    leasedUntil: timestamp('leased_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    check('mail_outbox_kind_check', sql`${table.kind} in ('confirmation', 'update', 'sign-in')`),
    check('mail_outbox_status_check', sql`${table.status} in ('pending', 'sending', 'sent', 'dead', 'skipped')`),
    check(
      'mail_outbox_reference_check',
      sql`(${table.kind} = 'update' and ${table.notificationId} is not null and ${table.subscriberId} is not null) or (${table.kind} = 'confirmation' and ${table.subscriptionId} is not null and ${table.subscriberId} is not null) or (${table.kind} = 'sign-in' and ${table.userId} is not null)`,
    ),
    unique('mail_outbox_notification_subscriber_unique').on(table.notificationId, table.subscriberId),
    index('mail_outbox_due_idx').on(table.nextAttemptAt, table.id).where(sql`${table.status} = 'pending'`),
    index('mail_outbox_leased_idx').on(table.leasedUntil).where(sql`${table.status} = 'sending'`),
  ],
);
