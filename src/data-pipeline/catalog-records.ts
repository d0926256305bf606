import { z } from 'zod';
import { AssessmentSchema } from '../methodology/index.ts';

/**
 * The committed catalog (catalog/ at the repository root) in records. `jobzone catalog build`
 * writes these from ../shared/data; the store loads them on first start without ../shared.
 * Every file is UTF-8 JSON Lines, one record per line, sorted, so rebuilding is byte-identical
 * and diffs stay readable.
 */

const figure = <T extends z.ZodType>(value: T) =>
  z
    .object({
      value,
      source: z.string().describe('Dataset the figure comes from, e.g. "BLS OEWS May 2024".'),
      note: z.string().optional().describe('How it was matched, e.g. "carried across the SOC 2010→2018 crosswalk".'),
    })
    .strict();

/** One published AI-exposure index value for an occupation, with its percentile among all occupations that index covers. */
export const IndexValueSchema = z
  .object({
    index: z.string().describe('Stable key, e.g. "eloundou-2023-human-beta".'),
    value: z.number(),
    percentile: z.number().min(0).max(100).describe('0 = least exposed occupation in that index, 100 = most exposed.'),
    crosswalked: z.boolean().describe('True when the value was carried across a code crosswalk.'),
  })
  .strict();

/** catalog/occupations.jsonl: one O*NET occupation with its facts, sorted by onetCode. */
export const OccupationRecordSchema = z
  .object({
    onetCode: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/),
    socCode: z.string().regex(/^\d{2}-\d{4}$/),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.string().describe('Name of the SOC major group, e.g. "Healthcare Practitioners and Technical".'),
    jobZone: z.number().int().min(1).max(5).nullable(),
    employment2024: figure(z.number()).nullable(),
    medianWage2024: figure(z.number()).nullable(),
    medianWage2021: figure(z.number()).nullable(),
    projectedEmployment2034: figure(z.number()).nullable(),
    projectedChangePercent: figure(z.number()).nullable(),
    annualOpenings: figure(z.number()).nullable(),
    typicalEducation: figure(z.string()).nullable(),
    indices: z.array(IndexValueSchema),
    relatedOnetCodes: z.array(z.string()).describe('O*NET related occupations, best first.'),
  })
  .strict();

/** catalog/titles.jsonl: one title a person might search for, sorted by onetCode then title. */
export const TitleRecordSchema = z
  .object({
    onetCode: z.string(),
    title: z.string(),
    kind: z.enum(['onet', 'alternate', 'short', 'reported']),
  })
  .strict();

/** catalog/baselines.jsonl: the data-derived baseline assessment of each occupation, sorted by onetCode. */
export const BaselineRecordSchema = z
  .object({
    onetCode: z.string(),
    assessment: AssessmentSchema,
  })
  .strict();

/** catalog/sources.json: the datasets the catalog was built from, with licence and attribution. */
export const DataSourceSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    publisher: z.string(),
    year: z.string(),
    license: z.string(),
    attribution: z.string(),
    files: z.array(z.string()),
  })
  .strict();

export type OccupationRecord = z.output<typeof OccupationRecordSchema>;
export type TitleRecord = z.output<typeof TitleRecordSchema>;
export type BaselineRecord = z.output<typeof BaselineRecordSchema>;
export type IndexValue = z.output<typeof IndexValueSchema>;
export type DataSource = z.output<typeof DataSourceSchema>;

/** Where the committed catalog lives, relative to the repository root. */
export const CATALOG_FILES = {
  occupations: 'catalog/occupations.jsonl',
  titles: 'catalog/titles.jsonl',
  baselines: 'catalog/baselines.jsonl',
  sources: 'catalog/sources.json',
} as const;
