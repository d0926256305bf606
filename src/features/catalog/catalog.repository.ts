import { asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import {
  assessmentsTable,
  dataSourcesTable,
  indexValuesTable,
  occupationsTable,
  revisionsTable,
  rolesTable,
  titlesTable,
} from './catalog.table.ts';

export type NewOccupation = typeof occupationsTable.$inferInsert;
export type NewRole = typeof rolesTable.$inferInsert;
export type NewTitle = typeof titlesTable.$inferInsert;
export type NewDataSource = typeof dataSourcesTable.$inferInsert;
export type NewIndexValue = typeof indexValuesTable.$inferInsert;
export type NewRevision = typeof revisionsTable.$inferInsert;
export type Revision = typeof revisionsTable.$inferSelect;
export type Role = typeof rolesTable.$inferSelect;
export type Occupation = typeof occupationsTable.$inferSelect;

// PostgreSQL accepts at most 65,535 bind parameters per statement; stay well below it.
const MAX_PARAMETERS_PER_STATEMENT = 30_000;

async function insertInChunks<T extends object>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>, maxRows = Infinity): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.max(1, Math.min(maxRows, Math.floor(MAX_PARAMETERS_PER_STATEMENT / Object.keys(first).length)));
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

/** Counts the occupations in the store; zero means the catalog was never loaded. */
export async function countOccupations(db: Database): Promise<number> {
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(occupationsTable);
  return row?.total ?? 0;
}

/** Adds occupations, leaving those already stored untouched. */
export async function insertOccupations(db: Database, rows: readonly NewOccupation[]): Promise<void> {
  await insertInChunks(rows, (chunk) => db.insert(occupationsTable).values(chunk).onConflictDoNothing({ target: occupationsTable.onetCode }));
}

/** Adds roles, leaving those already stored untouched. */
export async function insertRoles(db: Database, rows: readonly NewRole[]): Promise<void> {
  await insertInChunks(rows, (chunk) => db.insert(rolesTable).values(chunk).onConflictDoNothing({ target: rolesTable.slug }));
}

/** Lists the stored roles with their kind, by slug. */
export async function listRoleKinds(db: Database): Promise<Map<string, Role['kind']>> {
  const rows = await db.select({ slug: rolesTable.slug, kind: rolesTable.kind }).from(rolesTable);
  return new Map(rows.map((row) => [row.slug, row.kind]));
}

/** Adds one assessment per role × seniority, leaving those already stored untouched. */
export async function insertAssessments(db: Database, rows: readonly { roleSlug: string; seniority: string }[]): Promise<void> {
  await insertInChunks(rows, (chunk) => db.insert(assessmentsTable).values(chunk).onConflictDoNothing({ target: [assessmentsTable.roleSlug, assessmentsTable.seniority] }));
}

/** Lists the assessments that have no published revision yet, keyed "role/seniority". */
export async function listAssessmentsWithoutRevision(db: Database): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: assessmentsTable.id, roleSlug: assessmentsTable.roleSlug, seniority: assessmentsTable.seniority })
    .from(assessmentsTable)
    .where(isNull(assessmentsTable.currentRevisionId));
  return new Map(rows.map((row) => [`${row.roleSlug}/${row.seniority}`, row.id]));
}

/** Publishes revisions and makes each the current revision of its assessment when it is the newest. */
export async function insertRevisions(db: Database, rows: readonly NewRevision[]): Promise<void> {
  // Revision documents are large JSON; smaller statements keep PGlite's memory use flat.
  await insertInChunks(rows, (chunk) => db.insert(revisionsTable).values(chunk), 100);
  await db.execute(sql`
    update ${assessmentsTable} set current_revision_id = latest.id
    from (
      select distinct on (assessment_id) id, assessment_id from ${revisionsTable}
      order by assessment_id, revision_number desc
    ) as latest
    where latest.assessment_id = ${assessmentsTable.id}
      and ${assessmentsTable.currentRevisionId} is distinct from latest.id`);
}

/** Adds titles, leaving identical ones already stored untouched. */
export async function insertTitles(db: Database, rows: readonly NewTitle[]): Promise<void> {
  await insertInChunks(rows, (chunk) => db.insert(titlesTable).values(chunk).onConflictDoNothing({ target: [titlesTable.title, titlesTable.kind, titlesTable.onetCode, titlesTable.roleSlug] }));
}

/** Adds data sources, leaving those already stored untouched. */
export async function insertDataSources(db: Database, rows: readonly NewDataSource[]): Promise<void> {
  await insertInChunks(rows, (chunk) => db.insert(dataSourcesTable).values(chunk).onConflictDoNothing({ target: dataSourcesTable.key }));
}

/** Adds published index values, leaving those already stored untouched. */
export async function insertIndexValues(db: Database, rows: readonly NewIndexValue[]): Promise<void> {
  await insertInChunks(rows, (chunk) => db.insert(indexValuesTable).values(chunk).onConflictDoNothing({ target: [indexValuesTable.onetCode, indexValuesTable.indexKey] }));
}

/** Counts titles. */
export async function countTitles(db: Database): Promise<number> {
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(titlesTable);
  return row?.total ?? 0;
}

/** Counts assessments by role kind and by the zone of their current revision (null when none is published). */
export async function countAssessmentsByKindAndZone(db: Database): Promise<{ kind: Role['kind']; zone: string | null; total: number }[]> {
  return db
    .select({ kind: rolesTable.kind, zone: revisionsTable.zone, total: sql<number>`${count()}::int` })
    .from(assessmentsTable)
    .innerJoin(rolesTable, eq(rolesTable.slug, assessmentsTable.roleSlug))
    .leftJoin(revisionsTable, eq(revisionsTable.id, assessmentsTable.currentRevisionId))
    .groupBy(rolesTable.kind, revisionsTable.zone);
}

/** Finds a role by its slug. */
export async function findRoleBySlug(db: Database, slug: string): Promise<Role | undefined> {
  const [row] = await db.select().from(rolesTable).where(eq(rolesTable.slug, slug));
  return row;
}

/** Finds an occupation by its O*NET-SOC code or its slug. */
export async function findOccupation(db: Database, by: { onetCode: string } | { slug: string }): Promise<Occupation | undefined> {
  const condition = 'onetCode' in by ? eq(occupationsTable.onetCode, by.onetCode) : eq(occupationsTable.slug, by.slug);
  const [row] = await db.select().from(occupationsTable).where(condition);
  return row;
}

/** Lists the roles of an occupation, baseline first. */
export async function listRolesOfOccupation(db: Database, onetCode: string): Promise<Role[]> {
  return db.select().from(rolesTable).where(eq(rolesTable.primaryOnetCode, onetCode)).orderBy(asc(rolesTable.kind), asc(rolesTable.slug));
}

/** Lists the current revisions of a role's assessments, with the seniority each covers. */
export async function listCurrentRevisionsOfRole(db: Database, roleSlug: string): Promise<{ seniority: string; revision: Revision }[]> {
  return db
    .select({ seniority: assessmentsTable.seniority, revision: revisionsTable })
    .from(assessmentsTable)
    .innerJoin(revisionsTable, eq(revisionsTable.id, assessmentsTable.currentRevisionId))
    .where(eq(assessmentsTable.roleSlug, roleSlug));
}

/** The current revision of every assessment of a baseline role: its number, author and document. */
export async function listCurrentBaselineRevisions(db: Database): Promise<{ roleSlug: string; seniority: string; revisionNumber: number; author: string; document: unknown }[]> {
  return db
    .select({
      roleSlug: assessmentsTable.roleSlug,
      seniority: assessmentsTable.seniority,
      revisionNumber: revisionsTable.revisionNumber,
      author: revisionsTable.author,
      document: revisionsTable.document,
    })
    .from(assessmentsTable)
    .innerJoin(rolesTable, eq(rolesTable.slug, assessmentsTable.roleSlug))
    .innerJoin(revisionsTable, eq(revisionsTable.id, assessmentsTable.currentRevisionId))
    .where(eq(rolesTable.kind, 'baseline'));
}
