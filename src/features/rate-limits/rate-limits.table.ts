import { doublePrecision, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One token bucket per limited key (`<namespace>:<subject>`), shared by every process on the store. */
export const rateLimitBucketsTable = pgTable(
  'rate_limit_buckets',
  {
    key: text('key').primaryKey(),
    /** Requests left at `updated_at`; refills continuously up to the limit's capacity. */
    tokens: doublePrecision('tokens').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** When the bucket is full again; a full bucket carries no information and may be deleted. */
    fullAt: timestamp('full_at', { withTimezone: true }).notNull(),
    /** Seconds the last request had to wait (0 when it was allowed). */
    lastWaitSeconds: doublePrecision('last_wait_seconds').notNull(),
  },
  (table) => [index('rate_limit_buckets_full_at_idx').on(table.fullAt)],
);
