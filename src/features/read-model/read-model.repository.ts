import { eq, sql } from 'drizzle-orm';
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
  const roles = await db
    .select({ slug: rolesTable.slug, title: rolesTable.title, category: rolesTable.category, kind: rolesTable.kind, primaryOnetCode: rolesTable.primaryOnetCode })
    .from(rolesTable)
    .orderBy(rolesTable.slug);
  const history = await db
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
    .innerJoin(assessmentsTable, eq(assessmentsTable.id, revisionsTable.assessmentId))
    .orderBy(assessmentsTable.roleSlug, assessmentsTable.seniority, revisionsTable.revisionNumber);
  const titles = await db
    .select({ title: titlesTable.title, kind: titlesTable.kind, onetCode: titlesTable.onetCode, roleSlug: titlesTable.roleSlug })
    .from(titlesTable)
    .orderBy(titlesTable.id);
  const sources = await db.select().from(dataSourcesTable).orderBy(dataSourcesTable.key);
  return {
    occupations,
    roles,
    assessments: history
      .filter((row) => row.isCurrent)
      .map((row) => ({
        roleSlug: row.roleSlug,
        seniority: row.seniority,
        document: row.document,
        figures: row.figures,
        revision: { number: row.number, publishedAt: row.publishedAt, author: row.author, note: row.note, methodologyVersion: row.methodologyVersion },
      })),
    history: history.map(({ isCurrent: _current, ...row }) => row),
    titles,
    sources,
  };
}
