import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { usersTable } from './accounts.table.ts';
import type { Actor, Role } from './roles.ts';

/** One member of the team as lists show them. */
export interface Member {
  id: number;
  email: string;
  role: Role;
  invitedAt: Date;
  removedAt: Date | null;
}

const MEMBER_COLUMNS = { id: usersTable.id, email: usersTable.email, role: usersTable.role, invitedAt: usersTable.invitedAt, removedAt: usersTable.removedAt };

/** Finds a member by address, removed or not. */
export async function findMemberByEmail(db: Database, email: string): Promise<Member | null> {
  const [row] = await db.select(MEMBER_COLUMNS).from(usersTable).where(eq(usersTable.email, email)).limit(1);
  return row ?? null;
}

/** Finds a member who has not been removed, as an actor. */
export async function findActiveActor(db: Database, userId: number): Promise<Actor | null> {
  const [row] = await db
    .select({ userId: usersTable.id, email: usersTable.email, role: usersTable.role })
    .from(usersTable)
    .where(and(eq(usersTable.id, userId), isNull(usersTable.removedAt)))
    .limit(1);
  return row ?? null;
}

/** Lists every member, removed ones last. */
export async function listMembers(db: Database): Promise<Member[]> {
  return db.select(MEMBER_COLUMNS).from(usersTable).orderBy(sql`${usersTable.removedAt} is not null`, usersTable.email);
}

/** Counts the admins who have not been removed. */
export async function countActiveAdmins(db: Database): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(usersTable)
    .where(and(eq(usersTable.role, 'admin'), isNull(usersTable.removedAt)));
  return row?.count ?? 0;
}
