import { sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { queryRows } from '../../store/sql-rows.ts';
import type { RateLimit } from './rate-limits.schemas.ts';

/**
 * Refills the key's bucket to `at` and takes one token when there is one, in one statement, so
 * concurrent requests from any number of processes cannot both take the last token. Returns the
 * seconds to wait (0 when the request was allowed) and the tokens left after this request.
 */
export async function takeToken(db: Database, key: string, limit: RateLimit, when: Date): Promise<{ wait: number; remaining: number }> {
  const capacity = sql`${limit.capacity}::float8`;
  const refill = sql`${limit.refillSeconds}::float8`;
  const at = sql`${when.toISOString()}::timestamptz`;
  // In ON CONFLICT, "bucket" is the stored row and "excluded" the proposed one; every SET reads the stored values.
  // Elapsed time is never negative, whatever another process's clock said.
  const available = sql`least(${capacity}, bucket.tokens + greatest(0, extract(epoch from excluded.updated_at - bucket.updated_at)::float8) / ${refill})`;
  const left = sql`(case when ${available} >= 1 then ${available} - 1 else ${available} end)`;
  const [row] = await queryRows<{ wait: number; remaining: number }>(
    db,
    sql`
      insert into rate_limit_buckets as bucket (key, tokens, updated_at, full_at, last_wait_seconds)
      values (${key}, ${capacity} - 1, ${at}, ${at} + ${refill} * interval '1 second', 0)
      on conflict (key) do update set
        tokens = ${left},
        updated_at = excluded.updated_at,
        full_at = excluded.updated_at + (${capacity} - ${left}) * ${refill} * interval '1 second',
        last_wait_seconds = case when ${available} >= 1 then 0 else ceil((1 - ${available}) * ${refill}) end
      returning last_wait_seconds as wait, tokens as remaining`,
  );
  return { wait: Number(row?.wait ?? 0), remaining: Number(row?.remaining ?? 0) };
}

/** Deletes buckets that are full again at `at`: they would allow the full capacity anyway. */
export async function deleteFullBuckets(db: Database, at: Date): Promise<void> {
  await db.execute(sql`delete from rate_limit_buckets where full_at <= ${at.toISOString()}::timestamptz`);
}
