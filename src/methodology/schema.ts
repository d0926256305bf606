import { z } from 'zod';
import { BARRIER_KEYS, EVIDENCE_KEYS, PROTECTIVE_KEYS, aijri1 } from './definition.ts';
import { isSenioritySlug, KNOWN_SENIORITY_LEVELS, SENIORITY_SLUG_PATTERN } from './seniority.ts';
import { LIST_LIMITS, MULTI_LINE_EXPECTED, MULTI_LINE_PATTERN, SINGLE_LINE_EXPECTED, SINGLE_LINE_PATTERN, TEXT_LIMITS } from './text-rules.ts';

const { ranges } = aijri1;

const slug = z
  .string()
  .max(TEXT_LIMITS.label)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug of lower-case letters, digits and single hyphens, like "registered-nurses"');
const senioritySlugExpected = `a seniority slug such as ${KNOWN_SENIORITY_LEVELS.map((level) => level.slug).join(', ')} (two levels combine lower first, like "mid-senior")`;
const senioritySlug = z.string().regex(new RegExp(SENIORITY_SLUG_PATTERN), senioritySlugExpected).refine(isSenioritySlug, senioritySlugExpected);
const onetCode = z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, 'an O*NET-SOC code like "15-1252.00"');

const isWellFormed = (value: string) => value.isWellFormed();

/** Free text of at most `max` characters; one line unless `multiline`, never control characters. */
const anyText = (max: number, multiline: boolean) => {
  const expected = multiline ? MULTI_LINE_EXPECTED : SINGLE_LINE_EXPECTED;
  return z
    .string()
    .trim()
    .max(max)
    .regex(multiline ? MULTI_LINE_PATTERN : SINGLE_LINE_PATTERN, expected)
    .refine(isWellFormed, expected);
};
const required = (max: number, multiline: boolean) => anyText(max, multiline).min(1, 'some text');
const label = required(TEXT_LIMITS.label, false);
const title = required(TEXT_LIMITS.title, false);
const rationale = required(TEXT_LIMITS.rationale, true);
const markdown = required(TEXT_LIMITS.narrative, true).describe('Markdown text.');
const listOf = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);
const url = z.url().max(TEXT_LIMITS.url).regex(SINGLE_LINE_PATTERN, SINGLE_LINE_EXPECTED);

const integerIn = (range: { min: number; max: number }, what: string) => {
  const expected = `${what} from ${range.min} to ${range.max}, a whole number`;
  return z.number().int(expected).min(range.min, expected).max(range.max, expected);
};

export const ProvenanceSchema = z
  .object({
    basis: z
      .enum(['assessor', 'data', 'default'])
      .describe('assessor: an expert judgement; data: derived from a named data source; default: a neutral value because no data exists.'),
    source: title.describe('Where the value came from, e.g. "O*NET 27.0 work activities: Performing General Physical Activities".'),
    confidence: z.enum(['high', 'medium', 'low']).describe('How sure the value is.'),
    detail: anyText(TEXT_LIMITS.rationale, true).optional().describe('The figures behind the value, e.g. "importance 78/100 (92nd percentile)".'),
  })
  .strict()
  .describe('Where an input came from and how sure it is.');

export const SourceSchema = z
  .object({
    title: title.describe('What the source is, e.g. "BLS Occupational Employment and Wage Statistics, May 2024".'),
    url: url.optional().describe('Link to the source.'),
    date: z.iso.date().optional().describe('When the source was published or read, YYYY-MM-DD.'),
    quote: anyText(TEXT_LIMITS.rationale, true).optional().describe('The passage of the source the evidence rests on.'),
  })
  .strict();

export const TaskSchema = z
  .object({
    name: required(TEXT_LIMITS.taskName, false).describe('What the task is, as a short imperative phrase.'),
    share: z
      .number()
      .gt(0, 'a share above 0')
      .max(100, 'a share of at most 100')
      .refine((value) => Number.isInteger(Math.round(value * 100)) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-9, 'at most two decimal places')
      .describe('Share of working time in percent; all shares sum to exactly 100.'),
    score: integerIn(ranges.taskScore, 'a task score').describe('1 = AI not involved … 5 = fully automatable.'),
    impact: z
      .enum(['augmentation', 'displacement', 'not_involved'])
      .optional()
      .describe('Defaults from the score: 1 not_involved, 2–3 augmentation, 4–5 displacement.'),
    rationale: rationale.describe('Why this score.'),
    provenance: ProvenanceSchema.optional(),
  })
  .strict();

const judged = (range: { min: number; max: number }, what: string) =>
  z
    .object({
      score: integerIn(range, what),
      rationale: rationale.describe('Why this score.'),
      provenance: ProvenanceSchema.optional(),
    })
    .strict();

const shapeOf = <K extends string, T extends z.ZodType>(keys: readonly K[], schema: T) =>
  Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, T>;

export const ProtectiveSchema = z
  .object(shapeOf(PROTECTIVE_KEYS, judged(ranges.protective, 'a protective score')))
  .strict()
  .describe('Human-only factors, each 0–3.');

export const GrowthSchema = judged(ranges.growth, 'a growth correlation').describe(
  'Does AI adoption create more demand for this role? −2 shrinking … +2 strong boost.',
);

export const EvidenceItemSchema = z
  .object({
    score: integerIn(ranges.evidence, 'an evidence score'),
    text: rationale.describe('The evidence behind the score.'),
    sources: listOf(SourceSchema, LIST_LIMITS.sources).default([]).describe('Where the evidence comes from.'),
    provenance: ProvenanceSchema.optional(),
  })
  .strict();

export const EvidenceSchema = z
  .object(shapeOf(EVIDENCE_KEYS, EvidenceItemSchema))
  .strict()
  .describe('Market signals, each −2..+2.');

export const BarriersSchema = z
  .object(shapeOf(BARRIER_KEYS, judged(ranges.barrier, 'a barrier score')))
  .strict()
  .describe('Structural barriers to AI, each 0–2.');

export const OverrideSchema = z
  .object({
    score: z.number().min(0).max(100).describe('The final score that replaces the formula score (one decimal).'),
    justification: markdown.describe('Why the formula score is not accepted. Mandatory.'),
  })
  .strict();

export const RelatedRoleSchema = z
  .object({
    title: title.describe('The role this one is confused with.'),
    slug: slug.optional().describe('Its slug in the catalog, so the page can link to it and show its current score.'),
    reason: anyText(TEXT_LIMITS.rationale, true).optional().describe('How it differs.'),
    publishedScore: z.number().min(0).max(100).optional().describe('The score quoted when this text was written.'),
  })
  .strict();

export const PeerSchema = z
  .object({
    title,
    slug: slug.optional(),
    score: z.number().min(0).max(100).optional().describe('The peer score quoted when this text was written.'),
    note: anyText(TEXT_LIMITS.rationale, true).optional(),
  })
  .strict();

export const RoleSchema = z
  .object({
    slug: slug.describe('Identifies the role in files and URLs.'),
    title: title.describe('Job title as readers know it.'),
    seniority: senioritySlug.describe(
      `Seniority level this assessment covers, as a slug: ${KNOWN_SENIORITY_LEVELS.map((level) => level.slug).join(', ')}; two levels may be combined, lower first, from their short names (intern, entry, junior, mid, senior, lead, staff, principal, director, executive), e.g. "mid-senior".`,
    ),
    category: label.describe('Category the role is browsed under, e.g. "AI/ML Engineering".'),
    aliases: listOf(title, LIST_LIMITS.aliases).default([]).describe('Other titles for the same role ("also known as").'),
    onetCodes: listOf(onetCode, LIST_LIMITS.onetCodes).default([]).describe('O*NET-SOC codes the role maps to.'),
    primaryFunction: markdown.optional().describe('What the role does.'),
    notThisRole: listOf(RelatedRoleSchema, LIST_LIMITS.relatedRoles).default([]).describe('Roles this one is often confused with.'),
    typicalExperience: markdown.optional(),
    seniorityNote: markdown.optional().describe('How other seniority levels would score.'),
  })
  .strict();

export const CommentarySchema = z
  .object({
    scoreVsReality: markdown.optional(),
    whatTheNumbersMiss: listOf(z.object({ title, text: markdown }).strict(), LIST_LIMITS.commentaryItems).default([]),
    whoShouldWorry: markdown.optional(),
    roleInFuture: z.object({ year: z.number().int().optional(), text: markdown }).strict().optional(),
    survivalStrategy: listOf(markdown, LIST_LIMITS.commentaryItems).default([]),
    timeline: markdown.optional(),
  })
  .strict();

export const AssessmentSchema = z
  .object({
    basedOnRevision: z
      .number()
      .int('a whole number')
      .min(0, 'a revision number of at least 0')
      .optional()
      .describe(
        'Written by `jobzone export`: the published revision this file was exported from. `jobzone publish` refuses the file when a newer revision was published meanwhile. Metadata: not stored with the assessment.',
      ),
    methodology: label.default(aijri1.version).describe('Methodology version the assessment was written for.'),
    status: z.enum(['expert', 'baseline']).describe('expert: written by an assessor; baseline: derived from data, not reviewed.'),
    baselineMethod: z
      .object({ version: label.describe('e.g. "baseline-2"'), aiScope: required(TEXT_LIMITS.rationale, false).describe('One sentence: what "AI" covers in this baseline.') })
      .strict()
      .optional()
      .describe('Data-derived baselines only: the version of the method that derived the inputs and what it counts as AI.'),
    role: RoleSchema,
    verdict: markdown.optional().describe('One paragraph: what the score means for this role.'),
    tasks: listOf(TaskSchema, LIST_LIMITS.tasks).min(1, 'at least one task').describe('The role’s work split into tasks.'),
    protective: ProtectiveSchema,
    growth: GrowthSchema,
    evidence: EvidenceSchema,
    barriers: BarriersSchema,
    override: OverrideSchema.nullable().default(null).describe('An assessor override of the formula score, or null.'),
    peerCheck: z
      .object({ text: markdown, peers: listOf(PeerSchema, LIST_LIMITS.relatedRoles).default([]) })
      .strict()
      .optional()
      .describe('How the score compares with the nearest assessed roles.'),
    reinstatement: markdown.optional().describe('New tasks AI creates for the role (Acemoglu).'),
    growthCheck: markdown.optional().describe('Why the growth correlation holds.'),
    commentary: CommentarySchema.default({ whatTheNumbersMiss: [], survivalStrategy: [] }),
    sources: listOf(SourceSchema, LIST_LIMITS.sources).default([]),
    resources: listOf(SourceSchema, LIST_LIMITS.sources).default([]),
    reviewed: z.iso.date().optional().describe('Date of the last review, YYYY-MM-DD.'),
  })
  .strict();

export type Assessment = z.output<typeof AssessmentSchema>;
export type AssessmentInput = z.input<typeof AssessmentSchema>;
export type Task = z.output<typeof TaskSchema>;
export type Provenance = z.output<typeof ProvenanceSchema>;
