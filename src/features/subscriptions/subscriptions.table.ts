import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { assessmentsTable } from '../catalog/catalog.table.ts';

export const SUBSCRIPTION_STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** One email address that asked for updates; addresses are stored lower-cased so each appears once. */
export const subscribersTable = pgTable('subscribers', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  email: text('email').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What an address follows: one assessment or a whole category; only confirmed rows receive updates. */
export const subscriptionsTable = pgTable(
  'subscriptions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribersTable.id, { onDelete: 'cascade' }),
    assessmentId: integer('assessment_id').references(() => assessmentsTable.id),
    category: text('category'),
    status: text('status').$type<SubscriptionStatus>().notNull(),
    /** SHA-256 of the pending confirmation token; the token itself is only in the email. */
    confirmTokenHash: text('confirm_token_hash').unique(),
    confirmationRequestedAt: timestamp('confirmation_requested_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('subscriptions_status_check', sql`${table.status} in ('pending', 'confirmed', 'unsubscribed')`),
    check('subscriptions_target_check', sql`(${table.assessmentId} is null) <> (${table.category} is null)`),
    unique('subscriptions_subscriber_target_unique').on(table.subscriberId, table.assessmentId, table.category).nullsNotDistinct(),
    index('subscriptions_confirmed_assessment_idx').on(table.assessmentId, table.subscriberId).where(sql`${table.status} = 'confirmed'`),
    index('subscriptions_confirmed_category_idx').on(table.category, table.subscriberId).where(sql`${table.status} = 'confirmed'`),
  ],
);

/** Secrets jobzone generates for itself, e.g. the key that signs unsubscribe links. */
export const subscriptionSecretsTable = pgTable('subscription_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});
