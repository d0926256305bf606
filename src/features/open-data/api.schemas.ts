import { z } from 'zod';
import { CONTEXT_KEYS } from '../personal-report/report-source.ts';

/**
 * The response and request schemas of the REST API (/api/v1). The routes validate what they send
 * against these in tests, and the OpenAPI document is generated from them, so the document
 * cannot drift from what the API answers.
 */

const ZONES = ['Green', 'Yellow', 'Red'] as const;
const SUB_LABELS = ['Accelerated', 'Transforming', 'Stable', 'Urgent', 'Moderate', 'Declining', 'Imminent'] as const;

export const ZoneSchema = z.enum(ZONES).describe('Green ≥ 48, Yellow 25–47.9, Red < 25.');
export const SubLabelSchema = z.enum(SUB_LABELS);
export const StatusSchema = z.enum(['expert', 'baseline']).describe('expert: reviewed by an assessor; baseline: derived from data, not reviewed.');

export const CitationSchema = z
  .object({
    text: z.string().describe('A suggested citation as plain text.'),
    bibtex: z.string().describe('The same citation as a BibTeX @misc entry.'),
  })
  .strict();

export const MetaSchema = z
  .object({
    methodologyVersion: z.string().describe('The methodology the figures follow, e.g. "aijri-1".'),
    snapshotAt: z.string().describe('When the read model that answered was built (ISO 8601): the figures are as of this moment.'),
    permalink: z.string().describe('A permanent address of what was answered.'),
    citation: CitationSchema,
  })
  .strict()
  .describe('Carried by every response, so a figure can be cited as of a date.');

const BandSchema = z.object({ low: z.number(), high: z.number(), zoneStable: z.boolean() }).strict();

/** The figures of `jobzone score --json`, exactly as the CLI prints them. */
export const ScoreFiguresSchema = z
  .object({
    score: z.number(),
    formulaScore: z.number(),
    zone: ZoneSchema,
    subLabel: SubLabelSchema,
    label: z.string(),
    headline: z.string(),
    subLabelRule: z.string(),
    taskExposure: z.number(),
    taskResistance: z.number(),
    raw: z.number(),
    modifiers: z.object({ evidence: z.number(), barrier: z.number(), growth: z.number() }).strict(),
    totals: z.object({ protective: z.number(), growth: z.number(), evidence: z.number(), barriers: z.number() }).strict(),
    split: z.object({ displacement: z.number(), augmentation: z.number(), notInvolved: z.number() }).strict(),
    shareAtLeast3: z.number(),
    shareAtLeast4: z.number(),
    quickScreen: z.object({ sum: z.number(), label: z.string(), agrees: z.boolean() }).strict(),
    composition: z.object({ taskResistance: z.number(), evidence: z.number(), barriers: z.number(), protective: z.number(), growth: z.number() }).strict(),
    override: z.object({ score: z.number(), justification: z.string() }).strict().nullable(),
    methodologyVersion: z.string(),
    band: BandSchema.describe('The score range one step of any single judgement could reach.'),
    tasks: z.array(
      z.object({ name: z.string(), share: z.number(), score: z.number(), weighted: z.number(), impact: z.enum(['augmentation', 'displacement', 'not_involved']) }).strict(),
    ),
  })
  .strict()
  .describe('Every figure exactly as `jobzone score --json` prints it.');

export const RoleListItemSchema = z
  .object({
    slug: z.string(),
    seniority: z.string(),
    title: z.string(),
    onetCode: z.string().nullable(),
    category: z.string(),
    status: StatusSchema,
    score: z.number(),
    zone: ZoneSchema,
    subLabel: SubLabelSchema,
    url: z.string().describe('The assessment page.'),
  })
  .strict();

export const RoleListSchema = z
  .object({
    items: z.array(RoleListItemSchema),
    nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last page.'),
    meta: MetaSchema,
  })
  .strict();

const RevisionInfoSchema = z
  .object({
    number: z.number().int(),
    publishedAt: z.string(),
    author: z.string(),
    note: z.string(),
    methodologyVersion: z.string(),
  })
  .strict();

const AssessmentLinksSchema = z
  .object({
    self: z.string(),
    page: z.string(),
    revisions: z.string(),
    revision: z.string().describe('This revision, at an address that never changes.'),
    occupation: z.string().nullable(),
    report: z.string().describe('The personal report starting from this assessment.'),
    methodology: z.string(),
  })
  .strict();

export const AssessmentResponseSchema = z
  .object({
    slug: z.string(),
    seniority: z.string(),
    title: z.string(),
    onetCode: z.string().nullable(),
    category: z.string(),
    status: StatusSchema,
    isCurrent: z.boolean().describe('False when a later revision has been published.'),
    revision: RevisionInfoSchema,
    figures: ScoreFiguresSchema,
    document: z
      .record(z.string(), z.unknown())
      .describe('The assessment document: every input with its rationale and provenance (schema/assessment.schema.json in the repository).'),
    links: AssessmentLinksSchema,
    meta: MetaSchema,
  })
  .strict();

export const RevisionListSchema = z
  .object({
    slug: z.string(),
    seniority: z.string(),
    title: z.string(),
    current: z.number().int(),
    revisions: z.array(
      RevisionInfoSchema.extend({ score: z.number(), zone: ZoneSchema, subLabel: SubLabelSchema, url: z.string() }).strict(),
    ).describe('Oldest first.'),
    meta: MetaSchema,
  })
  .strict();

const SourcedNumberSchema = z.object({ value: z.number(), source: z.string(), note: z.string().optional() }).strict().nullable();

export const OccupationResponseSchema = z
  .object({
    onetCode: z.string(),
    socCode: z.string(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    jobZone: z.number().int().nullable().describe('O*NET job zone 1–5 (preparation needed).'),
    employment2024: SourcedNumberSchema,
    medianWage2024: SourcedNumberSchema,
    medianWage2021: SourcedNumberSchema,
    projectedEmployment2034: SourcedNumberSchema,
    projectedChangePercent: SourcedNumberSchema,
    annualOpenings: SourcedNumberSchema,
    typicalEducation: z.object({ value: z.string(), source: z.string(), note: z.string().optional() }).strict().nullable(),
    indices: z.array(
      z.object({ index: z.string(), value: z.number(), percentile: z.number(), crosswalked: z.boolean() }).strict(),
    ).describe('Published AI-exposure indices with the percentile among the occupations each covers.'),
    relatedOnetCodes: z.array(z.string()),
    assessments: z.array(RoleListItemSchema.extend({ api: z.string() }).strict()).describe('Every assessment mapped to this occupation.'),
    meta: MetaSchema,
  })
  .strict();

export const SearchResponseSchema = z
  .object({
    query: z.string(),
    results: z.array(
      z
        .object({
          slug: z.string(),
          title: z.string(),
          matchedTitle: z.string().describe('The title that matched, e.g. an alternate title.'),
          onetCode: z.string().nullable(),
          score: z.number().nullable(),
          zone: ZoneSchema.nullable(),
          label: z.string().nullable(),
          url: z.string().describe('The page of the role (a path).'),
          explanation: z.string().describe('Why the title matched, in one short sentence.'),
          description: z.string().describe('One line on what the job is, so jobs with the same title can be told apart.'),
        })
        .strict(),
    ),
    notInCatalog: z
      .object({ notice: z.string().describe('The plain statement shown to the reader.'), reason: z.string() })
      .strict()
      .nullable()
      .describe('Set when the title has no occupation in the catalog (e.g. a military rank); the results are then the nearest civilian ones.'),
    meta: MetaSchema,
  })
  .strict();

const MoverFiguresSchema = z.object({ score: z.number(), zone: ZoneSchema, subLabel: SubLabelSchema, label: z.string() }).strict();
const MoverSchema = z
  .object({
    slug: z.string(),
    seniority: z.string(),
    title: z.string(),
    category: z.string(),
    fromRevision: z.number().int(),
    toRevision: z.number().int(),
    before: MoverFiguresSchema,
    after: MoverFiguresSchema,
    delta: z.number(),
    zoneChanged: z.boolean(),
    url: z.string(),
  })
  .strict();

export const MoversResponseSchema = z
  .object({
    days: z.number().int(),
    since: z.string(),
    until: z.string(),
    largest: z.array(MoverSchema).describe('The largest non-zero score changes, largest first.'),
    zoneChanges: z.array(MoverSchema).describe('Every zone change in the period.'),
    meta: MetaSchema,
  })
  .strict();

export const CategoriesResponseSchema = z
  .object({
    categories: z.array(
      z
        .object({
          name: z.string(),
          slug: z.string().describe('Use as ?category= on /api/v1/roles.'),
          count: z.number().int(),
          byZone: z.object({ Green: z.number().int(), Yellow: z.number().int(), Red: z.number().int() }).strict(),
          roles: z.string(),
        })
        .strict(),
    ),
    meta: MetaSchema,
  })
  .strict();

const DimensionSchema = z.object({ key: z.string(), label: z.string(), description: z.string() }).strict();
const RangeSchema = z.object({ min: z.number(), max: z.number() }).strict();

export const MethodologyResponseSchema = z
  .object({
    version: z.string(),
    name: z.string(),
    versions: z.array(z.string()).describe('Every methodology version figures may carry.'),
    documentation: z.string(),
    ranges: z.record(z.string(), RangeSchema),
    constants: z
      .object({ taskResistanceBase: z.string(), evidenceStep: z.string(), barrierStep: z.string(), growthStep: z.string(), rawFloor: z.string(), rawDivisor: z.string() })
      .strict()
      .describe('Decimal constants, as strings so no float rounding creeps in.'),
    places: z.record(z.string(), z.number().int()),
    zones: z.object({ greenFrom: z.string(), yellowFrom: z.string(), headline: z.record(z.string(), z.string()) }).strict(),
    subLabels: z.record(z.string(), z.number()),
    quickScreen: z.record(z.string(), z.number()),
    composition: z.record(z.string(), z.object({ weight: z.number(), scaleMax: z.number() }).strict()),
    defaultImpactByScore: z.record(z.string(), z.string()),
    taskScoreMeaning: z.record(z.string(), z.string()),
    protective: z.array(DimensionSchema),
    evidence: z.array(DimensionSchema),
    barriers: z.array(DimensionSchema),
    growthLabel: z.string(),
    meta: MetaSchema,
  })
  .strict();

const MAX_LIST = 60;

export const PersonalScoreRequestSchema = z
  .object({
    role: z
      .string()
      .max(200)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/, 'write the role as <slug>/<seniority>, like registered-nurses/all-levels')
      .describe('The role and seniority, as in /report?role=: "registered-nurses/all-levels" (the default seniority when left out).'),
    level: z.string().max(40).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a seniority level, like senior').optional().describe('The seniority the person works at, when it differs.'),
    drop: z.array(z.number().int().min(1)).max(MAX_LIST).optional().describe('Numbers (1-based) of the role’s tasks the person does not do.'),
    add: z
      .array(z.object({ onetCode: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, 'an O*NET code, like 15-1252.00'), task: z.number().int().min(1) }).strict())
      .max(MAX_LIST)
      .optional()
      .describe('Tasks taken from related occupations: the occupation’s code and the task’s number there.'),
    shares: z
      .record(z.string().regex(/^(?:[1-9]\d{0,2}|a[1-9]\d?)$/, 'a task id: the task number ("3") or an added task ("a1")'), z.number().min(0).max(100))
      .optional()
      .describe('Percent of working time by task id ("3" = the role’s third task, "a1" = the first added task); tasks not named keep their share.'),
    context: z.array(z.enum(CONTEXT_KEYS)).max(CONTEXT_KEYS.length).optional().describe('Workplace contexts that protect the work.'),
    design: z.number().int().min(-100).max(100).optional().describe('Points of time moved toward design-like tasks (negative: toward apply-like ones).'),
  })
  .strict();

export type PersonalScoreRequest = z.output<typeof PersonalScoreRequestSchema>;

export const PersonalScoreResponseSchema = z
  .object({
    role: z.object({ slug: z.string(), seniority: z.string(), title: z.string(), status: StatusSchema }).strict(),
    roleScore: z.number().describe('The role’s published score, the starting point.'),
    score: z.number(),
    zone: ZoneSchema,
    subLabel: SubLabelSchema,
    label: z.string(),
    delta: z.number().describe('score − roleScore.'),
    band: BandSchema,
    attribution: z
      .array(z.object({ key: z.string(), label: z.string(), detail: z.string(), scoreAfter: z.number(), delta: z.number() }).strict())
      .describe('What moved the score, step by step, in the order the report applies the changes.'),
    tasks: z.array(z.object({ id: z.string(), name: z.string(), share: z.number(), score: z.number() }).strict()).describe('The tasks as scored, shares in percent.'),
    suggestions: z
      .array(z.object({ from: z.string(), to: z.string(), points: z.number(), score: z.number(), gain: z.number() }).strict())
      .describe('Moves of time between tasks that would raise the score most.'),
    report: z.string().describe('The same report as a page.'),
    meta: MetaSchema,
  })
  .strict();

export const ProblemSchema = z
  .object({
    type: z.string().describe('A URI naming the kind of problem.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() }).strict()).optional().describe('The fields at fault and what is expected of each.'),
  })
  .strict()
  .describe('An RFC 9457 problem (application/problem+json).');

export type Problem = z.output<typeof ProblemSchema>;
export type FieldError = NonNullable<Problem['errors']>[number];
export type Meta = z.output<typeof MetaSchema>;
export type RoleList = z.output<typeof RoleListSchema>;
export type RoleListItem = z.output<typeof RoleListItemSchema>;
export type AssessmentResponse = z.output<typeof AssessmentResponseSchema>;
export type RevisionList = z.output<typeof RevisionListSchema>;
export type OccupationResponse = z.output<typeof OccupationResponseSchema>;
export type SearchResponse = z.output<typeof SearchResponseSchema>;
export type MoversResponse = z.output<typeof MoversResponseSchema>;
export type CategoriesResponse = z.output<typeof CategoriesResponseSchema>;
export type MethodologyResponse = z.output<typeof MethodologyResponseSchema>;
export type PersonalScoreResponse = z.output<typeof PersonalScoreResponseSchema>;
