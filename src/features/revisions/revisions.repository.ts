import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Assessment } from '../../methodology/index.ts';
import type { Database } from '../../store/database.ts';
import type { ScoreJson } from '../catalog/catalog.schemas.ts';
import { assessmentsTable, occupationsTable, revisionsTable, rolesTable, titlesTable, type RoleKind } from '../catalog/catalog.table.ts';
import { normalizeTitle } from '../catalog/normalize-title.ts';
import type { RevisionSummary, StoredRevision } from './revisions.schemas.ts';

/** The current state of one assessment, locked for the rest of the transaction when asked. */
export interface CurrentAssessment {
  assessmentId: number;
  roleSlug: string;
  seniority: string;
  title: string;
  category: string;
  latest: { revisionId: number; number: number; publishedAt: Date; author: string; figures: ScoreJson; document: Assessment } | null;
}

/** One revision to write. */
export interface RevisionToInsert {
  assessmentId: number;
  revisionNumber: number;
  document: Assessment;
  figures: ScoreJson;
  author: string;
  note: string;
}

const summaryColumns = {
  revision: revisionsTable.revisionNumber,
  publishedAt: revisionsTable.publishedAt,
  author: revisionsTable.author,
  note: revisionsTable.note,
  methodologyVersion: revisionsTable.methodologyVersion,
  figures: revisionsTable.figures,
};

function toSummary(row: { revision: number; publishedAt: Date; author: string; note: string; methodologyVersion: string; figures: ScoreJson }): RevisionSummary {
  const { figures } = row;
  return { ...row, score: figures.score, zone: figures.zone, subLabel: figures.subLabel, label: figures.label };
}

/** Lists every role slug in the store. */
export async function listRoleSlugs(db: Database): Promise<Set<string>> {
  const rows = await db.select({ slug: rolesTable.slug }).from(rolesTable);
  return new Set(rows.map((row) => row.slug));
}

/** Lists which of the given O*NET-SOC codes are occupations in the store. */
export async function listKnownOnetCodes(db: Database, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.select({ code: occupationsTable.onetCode }).from(occupationsTable).where(inArray(occupationsTable.onetCode, [...codes]));
  return new Set(rows.map((row) => row.code));
}

/** Adds roles that are not stored yet and brings the title and category of stored ones up to date; a role keeps its kind. */
export async function upsertRoles(db: Database, roles: readonly { slug: string; title: string; category: string; primaryOnetCode: string | null; kind: RoleKind }[]): Promise<void> {
  if (roles.length === 0) return;
  await db
    .insert(rolesTable)
    .values([...roles])
    .onConflictDoUpdate({
      target: rolesTable.slug,
      set: { title: sql`excluded.title`, category: sql`excluded.category` },
      setWhere: sql`${rolesTable.title} is distinct from excluded.title or ${rolesTable.category} is distinct from excluded.category`,
    });
}

/** Records a role's own title and aliases as titles search can find, keeping those already stored. */
export async function insertRoleTitles(db: Database, roles: readonly { slug: string; titles: readonly string[] }[]): Promise<void> {
  const rows = roles.flatMap((role) => [...new Set(role.titles)].map((title) => ({ title, normalizedTitle: normalizeTitle(title), roleSlug: role.slug, onetCode: null, kind: 'alias' as const })));
  if (rows.length === 0) return;
  await db.insert(titlesTable).values(rows).onConflictDoNothing();
}

/** Adds the assessments (role × seniority) that are not stored yet. */
export async function insertMissingAssessments(db: Database, keys: readonly { roleSlug: string; seniority: string }[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insert(assessmentsTable)
    .values([...keys])
    .onConflictDoNothing({ target: [assessmentsTable.roleSlug, assessmentsTable.seniority] });
}

/** Reads the current state of assessments by role slug, optionally locking their rows (FOR UPDATE) in id order so bulk publishers never deadlock. */
export async function readCurrentAssessments(db: Database, roleSlugs: readonly string[], lock: boolean): Promise<CurrentAssessment[]> {
  if (roleSlugs.length === 0) return [];
  const base = db
    .select({ id: assessmentsTable.id, roleSlug: assessmentsTable.roleSlug, seniority: assessmentsTable.seniority, currentRevisionId: assessmentsTable.currentRevisionId })
    .from(assessmentsTable)
    .where(inArray(assessmentsTable.roleSlug, [...new Set(roleSlugs)]))
    .orderBy(asc(assessmentsTable.id));
  const rows = lock ? await base.for('update') : await base;
  const revisionIds = rows.map((row) => row.currentRevisionId).filter((id): id is number => id !== null);
  const revisions =
    revisionIds.length === 0
      ? []
      : await db
          .select({
            id: revisionsTable.id,
            number: revisionsTable.revisionNumber,
            publishedAt: revisionsTable.publishedAt,
            author: revisionsTable.author,
            figures: revisionsTable.figures,
            document: revisionsTable.document,
          })
          .from(revisionsTable)
          .where(inArray(revisionsTable.id, revisionIds));
  const revisionById = new Map(revisions.map((revision) => [revision.id, revision]));
  const roles = await db
    .select({ slug: rolesTable.slug, title: rolesTable.title, category: rolesTable.category })
    .from(rolesTable)
    .where(inArray(rolesTable.slug, [...new Set(roleSlugs)]));
  const roleBySlug = new Map(roles.map((role) => [role.slug, role]));
  return rows.map((row) => {
    const revision = row.currentRevisionId === null ? undefined : revisionById.get(row.currentRevisionId);
    const role = roleBySlug.get(row.roleSlug);
    return {
      assessmentId: row.id,
      roleSlug: row.roleSlug,
      seniority: row.seniority,
      title: role?.title ?? row.roleSlug,
      category: role?.category ?? '',
      latest: revision
        ? { revisionId: revision.id, number: revision.number, publishedAt: revision.publishedAt, author: revision.author, figures: revision.figures, document: revision.document }
        : null,
    };
  });
}

// Revision documents are large JSON; smaller statements keep PGlite's memory use flat.
const REVISIONS_PER_STATEMENT = 100;

/** Writes new revisions and makes each the current revision of its assessment; returns their ids and publication time in input order. */
export async function insertRevisionsAndAdvance(db: Database, revisions: readonly RevisionToInsert[]): Promise<{ id: number; publishedAt: Date }[]> {
  const written: { id: number; publishedAt: Date }[] = [];
  for (let start = 0; start < revisions.length; start += REVISIONS_PER_STATEMENT) {
    const chunk = revisions.slice(start, start + REVISIONS_PER_STATEMENT);
    const rows = await db
      .insert(revisionsTable)
      .values(
        chunk.map((revision) => ({
          ...revision,
          score: revision.figures.score,
          zone: revision.figures.zone,
          methodologyVersion: revision.figures.methodologyVersion,
        })),
      )
      .returning({ id: revisionsTable.id, publishedAt: revisionsTable.publishedAt });
    written.push(...rows);
  }
  const pairs = revisions.map((revision, index) => ({ assessment_id: revision.assessmentId, revision_id: written[index]?.id }));
  if (pairs.length > 0) {
    await db.execute(sql`
      update ${assessmentsTable} set current_revision_id = advanced.revision_id
      from json_to_recordset(${JSON.stringify(pairs)}::json) as advanced(assessment_id int, revision_id int)
      where ${assessmentsTable.id} = advanced.assessment_id`);
  }
  return written;
}

/** Signals a publication to every listening process; delivered when the transaction commits. */
export async function notifyPublication(db: Database, channel: string, payload: string): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/** Lists the seniorities a role is assessed at (with a published revision). */
export async function listPublishedSeniorities(db: Database, roleSlug: string): Promise<string[]> {
  const rows = await db
    .select({ seniority: assessmentsTable.seniority })
    .from(assessmentsTable)
    .where(and(eq(assessmentsTable.roleSlug, roleSlug), sql`${assessmentsTable.currentRevisionId} is not null`));
  return rows.map((row) => row.seniority);
}

/** Lists the revisions of one assessment, newest first. */
export async function selectRevisions(db: Database, roleSlug: string, seniority: string): Promise<RevisionSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(revisionsTable)
    .innerJoin(assessmentsTable, eq(assessmentsTable.id, revisionsTable.assessmentId))
    .where(and(eq(assessmentsTable.roleSlug, roleSlug), eq(assessmentsTable.seniority, seniority)))
    .orderBy(desc(revisionsTable.revisionNumber));
  return rows.map(toSummary);
}

/** Finds one revision of an assessment with its document; the current one when no number is given. */
export async function selectRevision(db: Database, roleSlug: string, seniority: string, revision?: number): Promise<StoredRevision | undefined> {
  const [row] = await db
    .select({ ...summaryColumns, document: revisionsTable.document })
    .from(revisionsTable)
    .innerJoin(assessmentsTable, eq(assessmentsTable.id, revisionsTable.assessmentId))
    .where(
      and(
        eq(assessmentsTable.roleSlug, roleSlug),
        eq(assessmentsTable.seniority, seniority),
        revision === undefined ? eq(revisionsTable.id, assessmentsTable.currentRevisionId) : eq(revisionsTable.revisionNumber, revision),
      ),
    );
  return row ? { ...toSummary(row), roleSlug, seniority, document: row.document } : undefined;
}

/** One current revision with its role, for bulk changes. */
export interface CurrentDocument {
  roleSlug: string;
  seniority: string;
  title: string;
  category: string;
  revision: number;
  document: Assessment;
  figures: ScoreJson;
}

/** Lists the current revision of assessments, all of them or those of some roles or of one category, by role and seniority. */
export async function selectCurrentDocuments(db: Database, filter: { roleSlugs?: readonly string[]; category?: string } = {}): Promise<CurrentDocument[]> {
  const conditions = [
    filter.roleSlugs ? inArray(assessmentsTable.roleSlug, [...filter.roleSlugs]) : undefined,
    filter.category !== undefined ? eq(rolesTable.category, filter.category) : undefined,
  ].filter((condition) => condition !== undefined);
  return db
    .select({
      roleSlug: assessmentsTable.roleSlug,
      seniority: assessmentsTable.seniority,
      title: rolesTable.title,
      category: rolesTable.category,
      revision: revisionsTable.revisionNumber,
      document: revisionsTable.document,
      figures: revisionsTable.figures,
    })
    .from(assessmentsTable)
    .innerJoin(rolesTable, eq(rolesTable.slug, assessmentsTable.roleSlug))
    .innerJoin(revisionsTable, eq(revisionsTable.id, assessmentsTable.currentRevisionId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(assessmentsTable.roleSlug), asc(assessmentsTable.seniority));
}

/** Lists the distinct categories of the roles in the store. */
export async function listCategories(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ category: rolesTable.category }).from(rolesTable).orderBy(asc(rolesTable.category));
  return rows.map((row) => row.category);
}
