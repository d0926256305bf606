import { buildReportSource } from '../personal-report/report-source-builder.ts';
import { canonicalInputs } from '../personal-report/personal-edits.ts';
import type { PersonalInputs } from '../personal-report/personal-inputs.ts';
import { computePersonalReport } from '../personal-report/personal-score.ts';
import { serializeReportParams } from '../personal-report/report-params.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { ApiError } from './api-errors.ts';
import { absolute, citedName, metaOf, type ApiContext } from './api-links.ts';
import { fieldErrorsOf } from './api-query.ts';
import { PersonalScoreRequestSchema, type PersonalScoreRequest, type PersonalScoreResponse } from './api.schemas.ts';

/** Largest JSON body POST /api/v1/personal-score reads. */
export const MAX_PERSONAL_SCORE_BODY_BYTES = 64 * 1024;

/** Checks a parsed JSON body against the request schema, naming every field at fault. */
export function parsePersonalScoreRequest(body: unknown): PersonalScoreRequest {
  const parsed = PersonalScoreRequestSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsOf(parsed.error);
  throw new ApiError('api.invalid_body', `Check ${[...new Set(errors.map((error) => error.field))].join(', ')}: ${errors.map((error) => `${error.field}: ${error.message}`).join('; ')}.`, errors);
}

/** Answers POST /api/v1/personal-score: the personal report's score, band and what moved it, for the same inputs as the /report address. */
export function computePersonalScore(model: ReadModel, request: PersonalScoreRequest, context: ApiContext): PersonalScoreResponse {
  const [slug = '', named = ''] = request.role.split('/');
  const role = model.roles.get(slug);
  if (!role) throw new ApiError('api.not_found', `There is no role "${slug}"; find roles with /api/v1/search?q=.`);
  if (named !== '' && !role.seniorities.includes(named)) {
    throw new ApiError('api.invalid_body', `${role.title} is not assessed at "${named}".`, [{ field: 'role', message: `assessed at ${role.seniorities.join(', ')}` }]);
  }
  const source = buildReportSource(model, slug, named === '' ? role.defaultSeniority : named);
  if (!source) throw new ApiError('api.not_found', `There is no role "${slug}".`);
  const inputs: PersonalInputs = {
    role: { slug, seniority: source.seniority },
    level: request.level ?? null,
    drop: [...new Set(request.drop ?? [])].sort((a, b) => a - b),
    add: request.add ?? [],
    shares: request.shares ?? {},
    context: [...new Set(request.context ?? [])],
    design: request.design ?? 0,
  };
  const outcome = computePersonalReport(source, inputs);
  if (!outcome.ok) {
    const errors = outcome.problems.slice(0, 20).map((problem) => ({ field: fieldOfProblem(problem.field), message: problem.message }));
    throw new ApiError('api.invalid_body', `These inputs cannot be scored: ${errors.map((error) => error.message).join(' ')}`, errors);
  }
  const { report } = outcome;
  const seniority = report.base.seniority;
  const reportPath = `/report?${serializeReportParams(canonicalInputs(source, inputs))}`;
  return {
    role: { slug, seniority: source.seniority, title: source.title, status: source.status },
    roleScore: report.roleScore,
    score: report.score,
    zone: report.zone,
    subLabel: report.result.subLabel,
    label: report.result.label,
    delta: report.delta,
    band: report.band,
    attribution: report.attribution.map(({ key, label, detail, scoreAfter, delta }) => ({ key, label, detail, scoreAfter, delta })),
    tasks: report.tasks.map((task) => ({ id: task.id, name: task.name, share: task.share / 100, score: task.score })),
    suggestions: report.suggestions.map((move) => ({ from: move.fromName, to: move.toName, points: move.points, score: move.score, gain: move.gain })),
    report: absolute(context, reportPath),
    meta: metaOf(model, context, { title: `Personal score as ${citedName(source.title, seniority)}`, path: reportPath }),
  };
}

// The report names the share fields of its form (s3, sa1); the API's field is shares.<id>.
function fieldOfProblem(field: string): string {
  const id = /^s(\d+|a\d+)$/.exec(field)?.[1];
  if (id !== undefined) return `shares.${id}`;
  return field === 'ctx' ? 'context' : field;
}
