import { BARRIER_KEYS, EVIDENCE_KEYS, PROTECTIVE_KEYS, aijri1, type Provenance } from '../../methodology/index.ts';
import type { AssessmentEntry, ReadModel } from '../read-model/read-model.ts';
import { dataMetadataOf, type DataMetadata } from './citation.ts';
import { toCsv, toJsonLines, type ColumnSpec } from './csv.ts';

/** The licence of jobzone's own figures; the sources keep their own licences (see /about/data). */
export const FIGURES_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** One task of one assessment, as a row of jobzone-tasks. */
export interface TaskRow {
  entry: AssessmentEntry;
  task: AssessmentEntry['figures']['tasks'][number];
}

/** One judgement input of one assessment with where it came from, as a row of jobzone-inputs. */
export interface InputRow {
  entry: AssessmentEntry;
  input: string;
  value: number;
  rationale: string;
  provenance: Provenance | undefined;
}

const slugColumns = [
  { name: 'slug', type: 'text', meaning: 'The role’s identifier in URLs, e.g. "registered-nurses".', valueOf: (row: { entry: AssessmentEntry }) => row.entry.roleSlug },
  { name: 'seniority', type: 'text', meaning: 'The seniority level assessed, e.g. "mid-level" or "all-levels".', valueOf: (row: { entry: AssessmentEntry }) => row.entry.seniority },
] as const satisfies readonly ColumnSpec<{ entry: AssessmentEntry }>[];

const ASSESSMENT_COLUMNS: readonly ColumnSpec<{ entry: AssessmentEntry }>[] = [
  ...slugColumns,
  { name: 'title', type: 'text', meaning: 'The job title as readers know it.', valueOf: ({ entry }) => entry.title },
  { name: 'onet_code', type: 'text', meaning: 'The O*NET-SOC code the role maps to (empty when none).', valueOf: ({ entry }) => entry.onetCode },
  { name: 'category', type: 'text', meaning: 'The category the role is browsed under.', valueOf: ({ entry }) => entry.category },
  { name: 'status', type: 'text', meaning: 'expert (written by an assessor) or baseline (derived from data, not reviewed).', valueOf: ({ entry }) => entry.status },
  { name: 'score', type: 'number', meaning: 'The AIJRI score, 0–100, one decimal; higher means more resistant to AI.', valueOf: ({ entry }) => entry.figures.score },
  { name: 'zone', type: 'text', meaning: 'Green, Yellow or Red, from the score’s thresholds.', valueOf: ({ entry }) => entry.figures.zone },
  { name: 'sub_label', type: 'text', meaning: 'The sub-label within the zone (e.g. "Stable", "Transforming").', valueOf: ({ entry }) => entry.figures.subLabel },
  { name: 'task_resistance', type: 'number', meaning: 'Share-weighted task resistance, 1–5 (6 minus the weighted task score).', valueOf: ({ entry }) => entry.figures.taskResistance },
  { name: 'evidence_total', type: 'integer', meaning: 'Sum of the five market-evidence scores, −10..+10.', valueOf: ({ entry }) => entry.figures.totals.evidence },
  { name: 'barrier_total', type: 'integer', meaning: 'Sum of the five structural-barrier scores, 0–10.', valueOf: ({ entry }) => entry.figures.totals.barriers },
  { name: 'protective_total', type: 'integer', meaning: 'Sum of the three protective-principle scores, 0–9.', valueOf: ({ entry }) => entry.figures.totals.protective },
  { name: 'growth', type: 'integer', meaning: 'Growth correlation, −2..+2: does AI adoption create demand for the role?', valueOf: ({ entry }) => entry.figures.totals.growth },
  { name: 'band_low', type: 'number', meaning: 'Low end of the sensitivity band of the score.', valueOf: ({ entry }) => entry.figures.band.low },
  { name: 'band_high', type: 'number', meaning: 'High end of the sensitivity band of the score.', valueOf: ({ entry }) => entry.figures.band.high },
  { name: 'revision', type: 'integer', meaning: 'The published revision number of the assessment.', valueOf: ({ entry }) => entry.revision.number },
  { name: 'published_at', type: 'datetime', meaning: 'When that revision was published (ISO 8601, UTC).', valueOf: ({ entry }) => entry.revision.publishedAt.toISOString() },
  { name: 'methodology', type: 'text', meaning: 'The methodology version the figures were computed with.', valueOf: ({ entry }) => entry.revision.methodologyVersion },
];

const TASK_COLUMNS: readonly ColumnSpec<TaskRow>[] = [
  ...slugColumns,
  { name: 'task', type: 'text', meaning: 'What the task is.', valueOf: ({ task }) => task.name },
  { name: 'share', type: 'number', meaning: 'Share of working time in percent; the shares of one assessment sum to 100.', valueOf: ({ task }) => task.share },
  { name: 'score', type: 'integer', meaning: '1 = AI not involved … 5 = fully automatable.', valueOf: ({ task }) => task.score },
  { name: 'impact', type: 'text', meaning: 'not_involved, augmentation or displacement.', valueOf: ({ task }) => task.impact },
];

const INPUT_COLUMNS: readonly ColumnSpec<InputRow>[] = [
  ...slugColumns,
  { name: 'input', type: 'text', meaning: 'Which input: protective.<key>, growth, evidence.<key>, barriers.<key> or task.<n> (1-based, in the order of jobzone-tasks).', valueOf: (row) => row.input },
  { name: 'value', type: 'integer', meaning: 'The judged score of the input on its own scale (see /methodology).', valueOf: (row) => row.value },
  { name: 'rationale', type: 'text', meaning: 'Why this value, in the assessor’s or the baseline method’s words.', valueOf: (row) => row.rationale },
  { name: 'basis', type: 'text', meaning: 'assessor, data or default (a neutral value where no data exists); empty when the assessment records no provenance.', valueOf: (row) => row.provenance?.basis ?? null },
  { name: 'source', type: 'text', meaning: 'Where the value came from, e.g. an O*NET work activity or a BLS table.', valueOf: (row) => row.provenance?.source ?? null },
  { name: 'confidence', type: 'text', meaning: 'high, medium or low.', valueOf: (row) => row.provenance?.confidence ?? null },
  { name: 'detail', type: 'text', meaning: 'The figures behind the value, when recorded.', valueOf: (row) => row.provenance?.detail ?? null },
];

/** Lists the judgement inputs of one assessment in a fixed order: protective, growth, evidence, barriers, tasks. */
export function inputRowsOf(entry: AssessmentEntry): InputRow[] {
  const { assessment } = entry;
  return [
    ...PROTECTIVE_KEYS.map((key) => ({ entry, input: `protective.${key}`, value: assessment.protective[key].score, rationale: assessment.protective[key].rationale, provenance: assessment.protective[key].provenance })),
    { entry, input: 'growth', value: assessment.growth.score, rationale: assessment.growth.rationale, provenance: assessment.growth.provenance },
    ...EVIDENCE_KEYS.map((key) => ({ entry, input: `evidence.${key}`, value: assessment.evidence[key].score, rationale: assessment.evidence[key].text, provenance: assessment.evidence[key].provenance })),
    ...BARRIER_KEYS.map((key) => ({ entry, input: `barriers.${key}`, value: assessment.barriers[key].score, rationale: assessment.barriers[key].rationale, provenance: assessment.barriers[key].provenance })),
    ...assessment.tasks.map((task, index) => ({ entry, input: `task.${index + 1}`, value: task.score, rationale: task.rationale, provenance: task.provenance })),
  ];
}

/** A dataset published as CSV and JSON Lines, with the columns that document it. */
export interface DatasetSpec {
  key: 'assessments' | 'tasks' | 'inputs';
  title: string;
  description: string;
  columns: readonly ColumnSpec<never>[];
}

interface DatasetWithRows<Row> extends DatasetSpec {
  columns: readonly ColumnSpec<Row>[];
  rowsOf: (entries: readonly AssessmentEntry[]) => Row[];
}

const DATASETS = [
  {
    key: 'assessments',
    title: 'jobzone assessments',
    description: 'One row per published assessment (a role at one seniority): the score, zone and every headline figure.',
    columns: ASSESSMENT_COLUMNS,
    rowsOf: (entries: readonly AssessmentEntry[]) => entries.map((entry) => ({ entry })),
  } satisfies DatasetWithRows<{ entry: AssessmentEntry }>,
  {
    key: 'tasks',
    title: 'jobzone tasks',
    description: 'One row per task of every published assessment: its share of working time, score and impact.',
    columns: TASK_COLUMNS,
    rowsOf: (entries: readonly AssessmentEntry[]) => entries.flatMap((entry) => entry.figures.tasks.map((task) => ({ entry, task }))),
  } satisfies DatasetWithRows<TaskRow>,
  {
    key: 'inputs',
    title: 'jobzone judgement inputs',
    description: 'One row per judgement input of every published assessment, with its rationale and provenance (basis, source, confidence).',
    columns: INPUT_COLUMNS,
    rowsOf: (entries: readonly AssessmentEntry[]) => entries.flatMap(inputRowsOf),
  } satisfies DatasetWithRows<InputRow>,
] as const;

/** The three datasets and their columns, for the data dictionary. */
export const DATASET_SPECS: readonly DatasetSpec[] = DATASETS.map(({ key, title, description, columns }) => ({ key, title, description, columns: columns as readonly ColumnSpec<never>[] }));

/** The file formats each dataset is published in. */
export type BulkFormat = 'csv' | 'jsonl' | 'csv-metadata';

/** One downloadable file: its name, type and text. */
export interface BulkFile {
  name: string;
  dataset: DatasetSpec['key'];
  format: BulkFormat;
  contentType: string;
  rows: number;
  body: string;
}

const CONTENT_TYPES: Record<BulkFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/jsonl; charset=utf-8',
  'csv-metadata': 'application/json; charset=utf-8',
};

/** The file name of a dataset in a format, e.g. "jobzone-tasks.jsonl". */
export function bulkFileName(dataset: DatasetSpec['key'], format: BulkFormat): string {
  return format === 'csv-metadata' ? `jobzone-${dataset}.csv-metadata.json` : `jobzone-${dataset}.${format}`;
}

/** Every file name served under /data, in the order the page lists them. */
export const BULK_FILE_NAMES: readonly string[] = DATASETS.flatMap(({ key }) => (['csv', 'csv-metadata', 'jsonl'] as const).map((format) => bulkFileName(key, format)));

/** Where a set of files is published: the site's public URL and the folder ("/data" or "/data/snapshots/2026-12"). */
export interface BulkFileSite {
  publicUrl: string;
  folder: string;
}

function metadataOf(model: ReadModel, site: BulkFileSite, title: string, name: string): DataMetadata {
  return dataMetadataOf({ title, url: new URL(`${site.folder}/${name}`, site.publicUrl).href, asOf: model.builtAt, methodologyVersion: aijri1.version });
}

/** Builds every bulk file from the read model: per dataset a CSV, its metadata sidecar and JSON Lines (meta first). */
export function buildBulkFiles(model: ReadModel, site: BulkFileSite): BulkFile[] {
  const entries = [...model.assessments.values()].sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
  return DATASETS.flatMap((dataset) => buildDataset(dataset as DatasetWithRows<unknown>, entries, model, site));
}

function buildDataset<Row>(dataset: DatasetWithRows<Row>, entries: readonly AssessmentEntry[], model: ReadModel, site: BulkFileSite): BulkFile[] {
  const rows = dataset.rowsOf(entries);
  const csvName = bulkFileName(dataset.key, 'csv');
  const jsonlName = bulkFileName(dataset.key, 'jsonl');
  const metadataName = bulkFileName(dataset.key, 'csv-metadata');
  const sidecar = {
    meta: metadataOf(model, site, `${dataset.title} (CSV)`, csvName),
    dataset: dataset.title,
    description: dataset.description,
    file: csvName,
    rows: rows.length,
    license: FIGURES_LICENCE,
    formulaGuard: "Text cells that begin with =, +, -, @, tab or carriage return are prefixed with an apostrophe (') so spreadsheets do not run them; numeric columns are never prefixed.",
    columns: dataset.columns.map(({ name, type, meaning }) => ({ name, type, meaning })),
  };
  const file = (name: string, format: BulkFormat, body: string): BulkFile => ({ name, dataset: dataset.key, format, contentType: CONTENT_TYPES[format], rows: rows.length, body });
  return [
    file(csvName, 'csv', toCsv(dataset.columns, rows)),
    file(metadataName, 'csv-metadata', `${JSON.stringify(sidecar, null, 2)}\n`),
    file(jsonlName, 'jsonl', toJsonLines(metadataOf(model, site, `${dataset.title} (JSON Lines)`, jsonlName), dataset.columns, rows)),
  ];
}
