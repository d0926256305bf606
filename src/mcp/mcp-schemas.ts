import { z } from 'zod';
import { PERIOD_DAYS } from '../presentation/history-pages/movers-view.ts';
import { MetaSchema } from '../features/open-data/api.schemas.ts';
import { MAX_LIST_ITEMS } from '../features/personal-report/report-params.ts';
import { CONTEXT_KEYS, MAX_ADDED_TASKS } from '../features/personal-report/report-source.ts';
import { COMPARE_MAX, COMPARE_MIN } from '../presentation/site-pages/compare-view.ts';

/** The most results search_jobs returns; an assistant needs the first few, not the catalog. */
export const MAX_SEARCH_LIMIT = 25;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ROLE_TOKEN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
const ONET_CODE = /^\d{2}-\d{4}\.\d{2}$/;
const TASK_ID = /^(?:[1-9]\d{0,2}|a[1-9]\d?)$/;

const slug = z.string().trim().toLowerCase().max(120).regex(SLUG, 'a slug is lower-case words joined by hyphens, like "registered-nurses"');
const seniority = z.string().trim().toLowerCase().max(40).regex(SLUG, 'a seniority is a level slug, like "mid-level" or "all-levels"');
const roleToken = z
  .string()
  .trim()
  .toLowerCase()
  .max(160)
  .regex(ROLE_TOKEN, 'a role is its slug, optionally with a seniority, like "registered-nurses" or "multimodal-ai-engineer/senior"');

export const searchJobsInput = z.object({
  query: z.string().trim().min(1, 'give a job title to search for').max(200).describe('Any job title, e.g. "RN" or "data scientist"'),
  limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).default(10).describe(`How many results, 1 to ${MAX_SEARCH_LIMIT}`),
});

export const getAssessmentInput = z.object({
  slug: slug.describe('The role slug, e.g. "registered-nurses" (from search_jobs)'),
  seniority: seniority.optional().describe("The seniority; the role's default level when left out"),
});

export const compareRolesInput = z.object({
  roles: z
    .array(roleToken)
    .min(COMPARE_MIN)
    .max(COMPARE_MAX)
    .describe(`${COMPARE_MIN} to ${COMPARE_MAX} roles, each "slug" or "slug/seniority"`),
});

export const personalScoreInput = z.object({
  role: roleToken.describe('The role as "slug" or "slug/seniority", e.g. "registered-nurses/all-levels"'),
  tasks: z
    .array(
      z.object({
        task: z.string().trim().regex(TASK_ID, 'a task id is the role task\'s number ("3") or an added task ("a1")'),
        share: z.number().min(0).max(100).describe('Percent of working time'),
      }),
    )
    .max(MAX_LIST_ITEMS)
    .optional()
    .describe('The person\'s own share of time per task; tasks not named keep their derived share'),
  drop: z.array(z.number().int().min(1).max(999)).max(MAX_LIST_ITEMS).optional().describe('Role task numbers (1-based) the person does not do'),
  add: z
    .array(z.object({ onetCode: z.string().trim().regex(ONET_CODE, 'an O*NET-SOC code looks like "15-1221.00"'), task: z.number().int().min(1).max(999) }))
    .max(MAX_ADDED_TASKS)
    .optional()
    .describe('Tasks taken from a related occupation: its O*NET code and the task number there'),
  context: z.array(z.enum(CONTEXT_KEYS)).max(CONTEXT_KEYS.length).optional().describe('Workplace factors that protect the person'),
  design: z.number().int().min(-100).max(100).optional().describe('Points of time moved toward design-like tasks (negative: toward apply-like ones)'),
  seniority: seniority.optional().describe("The person's seniority when it differs from the role's"),
});

export const listMoversInput = z.object({
  days: z
    .union(PERIOD_DAYS.map((days) => z.literal(days)) as unknown as [z.ZodLiteral<7>, z.ZodLiteral<30>, z.ZodLiteral<90>, z.ZodLiteral<365>])
    .default(30)
    .describe(`The period in days: ${PERIOD_DAYS.join(', ')}`),
});


const zone = z.enum(['Green', 'Yellow', 'Red']);
const band = z.object({ low: z.number(), high: z.number(), zoneStable: z.boolean() });

const roleSummary = z.object({
  slug: z.string(),
  seniority: z.string(),
  title: z.string(),
  category: z.string(),
  status: z.enum(['expert', 'baseline']),
  score: z.number(),
  zone,
  label: z.string(),
  url: z.string(),
});

export const searchJobsOutput = z.object({
  query: z.string(),
  results: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      matchedTitle: z.string(),
      onetCode: z.string().nullable(),
      explanation: z.string(),
      assessment: roleSummary.nullable(),
    }),
  ),
  notInCatalog: z.object({ notice: z.string(), reason: z.string() }).nullable(),
  meta: MetaSchema,
});

export const compareRolesOutput = z.object({
  roles: z.array(roleSummary.extend({ formulaScore: z.number(), band, taskResistance: z.number(), totals: z.looseObject({}), split: z.looseObject({}) })),
  rows: z.array(z.object({ label: z.string(), help: z.string(), cells: z.array(z.string()) })),
  url: z.string(),
  meta: MetaSchema,
});

export const personalScoreOutput = z.object({
  role: z.object({ slug: z.string(), seniority: z.string(), title: z.string() }),
  score: z.number(),
  zone,
  band,
  roleScore: z.number(),
  delta: z.number(),
  attribution: z.array(z.object({ key: z.string(), label: z.string(), detail: z.string(), scoreAfter: z.number(), delta: z.number() })),
  suggestions: z.array(z.object({ fromName: z.string(), toName: z.string(), points: z.number(), score: z.number(), gain: z.number() })),
  tasks: z.array(z.object({ id: z.string(), name: z.string(), score: z.number(), share: z.number() })),
  url: z.string(),
  meta: MetaSchema,
});

const moverOutput = z.object({
  slug: z.string(),
  seniority: z.string(),
  title: z.string(),
  category: z.string(),
  fromRevision: z.number(),
  toRevision: z.number(),
  before: z.object({ score: z.number(), zone, label: z.string() }),
  after: z.object({ score: z.number(), zone, label: z.string() }),
  delta: z.number(),
  zoneChanged: z.boolean(),
  url: z.string(),
});

export const listMoversOutput = z.object({
  days: z.number(),
  since: z.string(),
  until: z.string(),
  largest: z.array(moverOutput),
  zoneChanges: z.array(moverOutput),
  publishedCount: z.number(),
  url: z.string(),
  meta: MetaSchema,
});

export type SearchJobsInput = z.output<typeof searchJobsInput>;
export type GetAssessmentInput = z.output<typeof getAssessmentInput>;
export type CompareRolesInput = z.output<typeof compareRolesInput>;
export type PersonalScoreInput = z.output<typeof personalScoreInput>;
export type ListMoversInput = z.output<typeof listMoversInput>;
