import { eq, inArray, sql } from 'drizzle-orm';
import type { IndexValue } from '../../data-pipeline/catalog-records.ts';
import type { Database } from '../../store/database.ts';
import {
  assessmentsTable,
  dataSourcesTable,
  indexValuesTable,
  occupationsTable,
  revisionsTable,
  rolesTable,
  titlesTable,
} from '../catalog/catalog.table.ts';
import type { ReadModelInput } from './read-model.ts';
import type { PublishedRoles } from './read-model-update.ts';

function historyQuery(db: Database) {
  return db
    .select({
      roleSlug: assessmentsTable.roleSlug,
      seniority: assessmentsTable.seniority,
      isCurrent: sql<boolean>`${revisionsTable.id} = ${assessmentsTable.currentRevisionId}`,
      document: revisionsTable.document,
      figures: revisionsTable.figures,
      number: revisionsTable.revisionNumber,
      publishedAt: revisionsTable.publishedAt,
      author: revisionsTable.author,
      note: revisionsTable.note,
      methodologyVersion: revisionsTable.methodologyVersion,
    })
    .from(revisionsTable)
    .innerJoin(assessmentsTable, eq(assessmentsTable.id, revisionsTable.assessmentId));
}

type HistoryRow = Awaited<ReturnType<ReturnType<typeof historyQuery>['orderBy']>>[number];

async function readHistory(db: Database, roleSlugs?: readonly string[]): Promise<HistoryRow[]> {
  const query = historyQuery(db);
  return (roleSlugs ? query.where(inArray(assessmentsTable.roleSlug, [...roleSlugs])) : query).orderBy(assessmentsTable.roleSlug, assessmentsTable.seniority, revisionsTable.revisionNumber);
}

function currentAssessments(history: readonly HistoryRow[]): ReadModelInput['assessments'] {
  return history
    .filter((row) => row.isCurrent)
    .map((row) => ({
      roleSlug: row.roleSlug,
      seniority: row.seniority,
      document: row.document,
      figures: row.figures,
      revision: { number: row.number, publishedAt: row.publishedAt, author: row.author, note: row.note, methodologyVersion: row.methodologyVersion },
    }));
}

const roleColumns = { slug: rolesTable.slug, title: rolesTable.title, category: rolesTable.category, kind: rolesTable.kind, primaryOnetCode: rolesTable.primaryOnetCode };
const titleColumns = { title: titlesTable.title, kind: titlesTable.kind, onetCode: titlesTable.onetCode, roleSlug: titlesTable.roleSlug };

/** Reads what a publication of some roles changed: their rows, assessments with every revision, and their titles (for applyPublishedRoles). */
export async function readPublishedRoles(db: Database, roleSlugs: readonly string[]): Promise<PublishedRoles> {
  const slugs = [...new Set(roleSlugs)];
  if (slugs.length === 0) return { roles: [], assessments: [], history: [], titles: [] };
  const roles = await db.select(roleColumns).from(rolesTable).where(inArray(rolesTable.slug, slugs)).orderBy(rolesTable.slug);
  const history = await readHistory(db, slugs);
  const titles = await db.select(titleColumns).from(titlesTable).where(inArray(titlesTable.roleSlug, slugs)).orderBy(titlesTable.id);
  return { roles, assessments: currentAssessments(history), history: history.map(({ isCurrent: _current, ...row }) => row), titles };
}

/** Reads the current revision of everything published, plus occupations, titles and sources, in one pass. */
export async function readReadModelInput(db: Database): Promise<ReadModelInput> {
  const indexRows = await db.select().from(indexValuesTable).orderBy(indexValuesTable.onetCode, indexValuesTable.indexKey);
  const indicesByCode = new Map<string, IndexValue[]>();
  for (const row of indexRows) {
    const list = indicesByCode.get(row.onetCode) ?? [];
    list.push({ index: row.indexKey, value: row.value, percentile: row.percentile, crosswalked: row.crosswalked });
    indicesByCode.set(row.onetCode, list);
  }
  const occupations = (await db.select().from(occupationsTable).orderBy(occupationsTable.onetCode)).map((row) => ({
    onetCode: row.onetCode,
    socCode: row.socCode,
    slug: row.slug,
    title: row.title,
    description: row.description,
    category: row.category,
    jobZone: row.jobZone,
    ...row.facts,
    indices: indicesByCode.get(row.onetCode) ?? [],
  }));
  const roles = await db.select(roleColumns).from(rolesTable).orderBy(rolesTable.slug);
  const history = await readHistory(db);
  const titles = await db.select(titleColumns).from(titlesTable).orderBy(titlesTable.id);
  const sources = await db.select().from(dataSourcesTable).orderBy(dataSourcesTable.key);
  return {
    occupations,
    roles,
    assessments: currentAssessments(history),
    history: history.map(({ isCurrent: _current, ...row }) => row),
    titles,
    sources,
  };
}
