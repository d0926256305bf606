import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { OccupationRecord } from '../../data-pipeline/catalog-records.ts';
import type { Assessment, ScoreJson } from '../../methodology/index.ts';

/** Facts about an occupation that are shown but not queried: wages, employment, projections, related codes. */
export type OccupationFacts = Pick<
  OccupationRecord,
  | 'employment2024'
  | 'medianWage2024'
  | 'medianWage2021'
  | 'projectedEmployment2034'
  | 'projectedChangePercent'
  | 'annualOpenings'
  | 'typicalEducation'
  | 'relatedOnetCodes'
>;

const oneOf = (column: AnyPgColumn, values: readonly string[]): SQL =>
  sql`${column} in (${sql.join(
    values.map((value) => sql.raw(`'${value}'`)),
    sql`, `,
  )})`;

export const ROLE_KINDS = ['baseline', 'expert'] as const;
export const TITLE_KINDS = ['onet', 'alternate', 'short', 'reported', 'alias'] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];
export type TitleKind = (typeof TITLE_KINDS)[number];

export const occupationsTable = pgTable(
  'occupations',
  {
    onetCode: text('onet_code').primaryKey(),
    socCode: text('soc_code').notNull(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category').notNull(),
    jobZone: integer('job_zone'),
    facts: jsonb('facts').$type<OccupationFacts>().notNull(),
  },
  (table) => [index('occupations_soc_code_idx').on(table.socCode)],
);

export const rolesTable = pgTable(
  'roles',
  {
    slug: text('slug').primaryKey(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    primaryOnetCode: text('primary_onet_code').references(() => occupationsTable.onetCode),
    kind: text('kind').$type<RoleKind>().notNull(),
  },
  (table) => [check('roles_kind_check', oneOf(table.kind, ROLE_KINDS)), index('roles_primary_onet_code_idx').on(table.primaryOnetCode)],
);

export const assessmentsTable = pgTable(
  'assessments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roleSlug: text('role_slug')
      .notNull()
      .references(() => rolesTable.slug),
    seniority: text('seniority').notNull(),
    currentRevisionId: integer('current_revision_id').references((): AnyPgColumn => revisionsTable.id),
  },
  (table) => [unique('assessments_role_seniority_unique').on(table.roleSlug, table.seniority)],
);

export const revisionsTable = pgTable(
  'revisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    assessmentId: integer('assessment_id').notNull(),
    revisionNumber: integer('revision_number').notNull(),
    document: jsonb('document').$type<Assessment>().notNull(),
    figures: jsonb('figures').$type<ScoreJson>().notNull(),
    score: doublePrecision('score').notNull(),
    zone: text('zone').notNull(),
    methodologyVersion: text('methodology_version').notNull(),
    author: text('author').notNull(),
    note: text('note').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({ name: 'revisions_assessment_id_fk', columns: [table.assessmentId], foreignColumns: [assessmentsTable.id] }),
    unique('revisions_assessment_revision_unique').on(table.assessmentId, table.revisionNumber),
    check('revisions_revision_number_check', sql`${table.revisionNumber} >= 1`),
  ],
);

export const titlesTable = pgTable(
  'titles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    normalizedTitle: text('normalized_title').notNull(),
    onetCode: text('onet_code').references(() => occupationsTable.onetCode),
    roleSlug: text('role_slug').references(() => rolesTable.slug),
    kind: text('kind').$type<TitleKind>().notNull(),
  },
  (table) => [
    check('titles_kind_check', oneOf(table.kind, TITLE_KINDS)),
    check('titles_target_check', sql`${table.onetCode} is not null or ${table.roleSlug} is not null`),
    unique('titles_identity_unique').on(table.title, table.kind, table.onetCode, table.roleSlug).nullsNotDistinct(),
    index('titles_normalized_title_idx').on(table.normalizedTitle),
  ],
);

export const dataSourcesTable = pgTable('data_sources', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  publisher: text('publisher').notNull(),
  year: text('year').notNull(),
  license: text('license').notNull(),
  attribution: text('attribution').notNull(),
  files: jsonb('files').$type<string[]>().notNull(),
});

export const indexValuesTable = pgTable(
  'index_values',
  {
    onetCode: text('onet_code')
      .notNull()
      .references(() => occupationsTable.onetCode),
    indexKey: text('index_key').notNull(),
    value: doublePrecision('value').notNull(),
    percentile: doublePrecision('percentile').notNull(),
    crosswalked: boolean('crosswalked').notNull(),
  },
  (table) => [primaryKey({ name: 'index_values_pk', columns: [table.onetCode, table.indexKey] })],
);
