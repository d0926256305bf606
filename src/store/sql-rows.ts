import type { SQL } from 'drizzle-orm';
import type { Database } from './database.ts';

/** Runs raw SQL and returns its rows; both drivers answer execute() with { rows }, which the shared Drizzle type leaves unknown. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
