import { rankMovers } from '../features/revisions/movers.ts';
import { assessmentHref } from '../features/revisions/revision-links.ts';
import { periodChangesOf } from '../features/history-pages/history-queries.ts';
import { MOVERS_LIMIT } from '../features/history-pages/movers-input.ts';
import { ApiError } from '../features/open-data/api-errors.ts';
import { getAssessment } from '../features/open-data/api-roles.ts';
import type { AssessmentResponse } from '../features/open-data/api.schemas.ts';
import { metaOf } from '../features/open-data/api-links.ts';
import { computePersonalReport } from '../features/personal-report/personal-score.ts';
import { parseReportParams, serializeReportParams } from '../features/personal-report/report-params.ts';
import { buildReportSource } from '../features/personal-report/report-source-builder.ts';
import { findAssessment, searchRoleTitles } from '../features/read-model/read-model.queries.ts';
import type { AssessmentEntry, ReadModel } from '../features/read-model/read-model.ts';
import { buildCompareView, comparePath } from '../presentation/site-pages/compare-view.ts';
import { gatherCompareInput } from '../features/site-pages/compare-input.ts';
import type { CompareRolesInput, GetAssessmentInput, ListMoversInput, PersonalScoreInput, SearchJobsInput } from './mcp-schemas.ts';

/** What every tool reads: the current read model and the site's public address, for links. */
export interface McpContext {
  readModel: () => ReadModel;
  publicUrl: string;
  /** The clock movers are measured against; tests fix it. */
  now?: () => Date;
}

/** A tool's answer: its figures, or a message saying what was wrong with the request. */
export type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

const DAY_MS = 86_400_000;
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

function metadataOf(context: McpContext, model: ReadModel, title: string, path: string) {
  return metaOf(model, { publicUrl: context.publicUrl }, { title, path });
}

function summaryOf(context: McpContext, entry: AssessmentEntry) {
  return {
    slug: entry.roleSlug,
    seniority: entry.seniority,
    title: entry.title,
    category: entry.category,
    status: entry.status,
    score: entry.figures.score,
    zone: entry.figures.zone,
    label: entry.figures.label,
    url: `${context.publicUrl}${assessmentHref(entry.roleSlug, entry.seniority)}`,
  };
}

/** search_jobs: the roles and occupations a job title most likely means, with each one's current score. */
export function searchJobs(context: McpContext, input: SearchJobsInput) {
  const model = context.readModel();
  const { hits, notInCatalog } = searchRoleTitles(model, input.query, input.limit);
  const path = `/search?q=${encodeURIComponent(input.query)}`;
  return {
    ok: true as const,
    value: {
      query: input.query,
      results: hits.map((hit) => ({
        slug: hit.slug,
        title: hit.title,
        matchedTitle: hit.matchedTitle,
        onetCode: hit.onetCode,
        explanation: hit.explanation,
        assessment: hit.entry ? summaryOf(context, hit.entry) : null,
      })),
      notInCatalog,
      meta: metadataOf(context, model, `jobzone search for "${input.query}"`, path),
    },
  };
}

function unknownRole(model: ReadModel, slug: string, seniority: string | undefined): string {
  const role = model.roles.get(slug);
  if (!role) return `No assessed role has the slug "${slug}"; find it by job title with search_jobs.`;
  return `${role.title} is not assessed at "${seniority ?? ''}"; it is assessed at: ${role.seniorities.join(', ')}.`;
}

/** get_assessment: the API's answer for GET /api/v1/roles/{slug}/{seniority}: every figure, the document with its provenance, revision and links. */
export function getAssessmentAnswer(context: McpContext, input: GetAssessmentInput): Answer<AssessmentResponse> {
  const model = context.readModel();
  const role = model.roles.get(input.slug);
  if (!role) return fail(unknownRole(model, input.slug, input.seniority));
  const seniority = input.seniority ?? role.defaultSeniority;
  try {
    return { ok: true, value: getAssessment(model, input.slug, seniority, { publicUrl: context.publicUrl }) };
  } catch (error) {
    if (error instanceof ApiError) return fail(role.seniorities.includes(seniority) ? error.message : unknownRole(model, input.slug, seniority));
    throw error;
  }
}

/** compare_roles: the compare page's figures for two to four roles. */
export function compareRoles(context: McpContext, input: CompareRolesInput) {
  const model = context.readModel();
  // The compare page's own messages point at its search box; an assistant is told which tool finds a role instead.
  const missing = input.roles.flatMap((token) => {
    const [slug = '', seniority] = token.split('/');
    return findAssessment(model, slug, seniority) ? [] : [unknownRole(model, slug, seniority)];
  });
  if (missing.length > 0) return fail(missing.join(' '));
  const view = buildCompareView(gatherCompareInput(model, new URLSearchParams({ roles: input.roles.join(',') })));
  const problems = view.messages.filter((message) => message.kind === 'error').map((message) => message.text);
  if (problems.length > 0) return fail(problems.join(' '));
  if (!view.ready) return fail('Name at least two different roles to compare.');
  const entries = view.columns.flatMap((column) => {
    const [slug = '', seniority] = column.token.split('/');
    const found = findAssessment(model, slug, seniority);
    return found ? [found.entry] : [];
  });
  const path = comparePath(view.columns.map((column) => column.token));
  return {
    ok: true as const,
    value: {
      roles: entries.map((entry) => ({
        ...summaryOf(context, entry),
        formulaScore: entry.figures.formulaScore,
        band: entry.figures.band,
        taskResistance: entry.figures.taskResistance,
        totals: entry.figures.totals,
        split: entry.figures.split,
      })),
      rows: view.rows,
      url: `${context.publicUrl}${path}`,
      meta: metadataOf(context, model, `Comparison of ${entries.map((entry) => entry.title).join(', ')}`, path),
    },
  };
}

// The tool speaks JSON; the report's engine reads its URL parameters, so the input is written in that form and parsed by the same parser.
function reportParamsOf(input: PersonalScoreInput, seniority: string): URLSearchParams {
  const [slug = ''] = input.role.split('/');
  const params = new URLSearchParams({ role: `${slug}/${seniority}` });
  if (input.seniority) params.set('level', input.seniority);
  if (input.drop?.length) params.set('drop', input.drop.join(','));
  if (input.add?.length) params.set('add', input.add.map((ref) => `${ref.onetCode}:${ref.task}`).join(','));
  if (input.tasks?.length) params.set('t', input.tasks.map((task) => `${task.task}:${task.share}`).join(','));
  if (input.context?.length) params.set('ctx', input.context.join(','));
  if (input.design !== undefined && input.design !== 0) params.set('design', String(input.design));
  return params;
}

/** personal_score: the personal report's engine over one person's task mix, seniority and workplace. */
export function personalScore(context: McpContext, input: PersonalScoreInput) {
  const model = context.readModel();
  const [slug = '', requested] = input.role.split('/');
  const role = model.roles.get(slug);
  if (!role) return fail(unknownRole(model, slug, requested));
  const seniority = requested ?? role.defaultSeniority;
  if (!role.seniorities.includes(seniority)) return fail(unknownRole(model, slug, seniority));
  if (input.seniority && !role.seniorities.includes(input.seniority)) {
    return fail(`seniority: ${role.title} is assessed at ${role.seniorities.join(', ')}, not "${input.seniority}".`);
  }
  const parsed = parseReportParams(reportParamsOf(input, seniority));
  const source = buildReportSource(model, slug, seniority);
  if (!parsed.inputs || !source) return fail(parsed.problems.map((problem) => `${problem.field}: ${problem.message}`).join(' ') || unknownRole(model, slug, seniority));
  if (parsed.problems.length > 0) return fail(parsed.problems.map((problem) => `${problem.field}: ${problem.message}`).join(' '));
  const outcome = computePersonalReport(source, parsed.inputs);
  if (!outcome.ok) return fail(outcome.problems.map((problem) => `${problem.field}: ${problem.message}`).join(' '));
  const { report } = outcome;
  const path = `/report?${serializeReportParams(parsed.inputs)}`;
  return {
    ok: true as const,
    value: {
      role: { slug, seniority, title: role.title },
      score: report.score,
      zone: report.zone,
      band: report.band,
      roleScore: report.roleScore,
      delta: report.delta,
      attribution: report.attribution.map(({ key, label, detail, scoreAfter, delta }) => ({ key, label, detail, scoreAfter, delta })),
      suggestions: report.suggestions.map(({ fromName, toName, points, score, gain }) => ({ fromName, toName, points, score, gain })),
      // Shares are kept in hundredths of a percent inside the engine; the answer gives percent.
      tasks: report.tasks.map((task) => ({ id: task.id, name: task.name, score: task.score, share: task.share / 100 })),
      url: `${context.publicUrl}${path}`,
      meta: metadataOf(context, model, `Personal AIJRI report for ${role.title}`, path),
    },
  };
}

/** list_movers: the largest score changes and every zone change of the last `days` days. */
export function listMovers(context: McpContext, input: ListMoversInput) {
  const model = context.readModel();
  const until = (context.now ?? (() => new Date()))();
  const since = new Date(until.getTime() - input.days * DAY_MS);
  const changes = periodChangesOf(model, since, until);
  const movers = rankMovers(changes, { since, until }, MOVERS_LIMIT);
  const rowOf = (mover: (typeof movers.largest)[number]) => ({
    slug: mover.roleSlug,
    seniority: mover.seniority,
    title: mover.title,
    category: mover.category,
    fromRevision: mover.fromRevision,
    toRevision: mover.toRevision,
    before: { score: mover.before.score, zone: mover.before.zone, label: mover.before.label },
    after: { score: mover.after.score, zone: mover.after.zone, label: mover.after.label },
    delta: mover.delta,
    zoneChanged: mover.zoneChanged,
    url: `${context.publicUrl}${assessmentHref(mover.roleSlug, mover.seniority)}`,
  });
  const path = `/movers?days=${input.days}`;
  return {
    ok: true as const,
    value: {
      days: input.days,
      since: since.toISOString(),
      until: until.toISOString(),
      largest: movers.largest.map(rowOf),
      zoneChanges: movers.zoneChanges.map(rowOf),
      publishedCount: changes.length,
      url: `${context.publicUrl}${path}`,
      meta: metadataOf(context, model, `jobzone movers of the last ${input.days} days`, path),
    },
  };
}
