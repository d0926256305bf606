import type { z } from 'zod';
import { dec, sum, toFixed, compare } from './decimal.ts';
import { AssessmentSchema, type Assessment } from './schema.ts';
import { defaultImpact } from './score.ts';
import { findMethodology, METHODOLOGIES, type MethodologyDefinition } from './definition.ts';
import { describeForbiddenCharacter, MULTI_LINE_EXPECTED, printable, SINGLE_LINE_EXPECTED } from './text-rules.ts';

export type PathSegment = string | number;

/** One thing wrong (or worth showing) in an assessment, addressed by its field path. */
export interface Problem {
  path: PathSegment[];
  message: string;
  severity: 'error' | 'notice';
}

/** Formats a field path as people read it: tasks[2].share. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}

/** Options for checks that need more than the assessment itself. */
export interface ValidationContext {
  /** Role slugs that exist in the catalog; when given, links to other roles must point at one of them. */
  knownRoleSlugs?: ReadonlySet<string>;
  /** The methodology versions an assessment may name; the ones this build ships unless a re-scoring brings its own. */
  methodologies?: Readonly<Record<string, MethodologyDefinition>>;
}

function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${printable(value.length > 60 ? `${value.slice(0, 57)}...` : value)}"`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

const count = (value: number) => value.toLocaleString('en-US');

function schemaProblems(error: z.ZodError, raw: unknown): Problem[] {
  const problems = error.issues.map((issue) => {
    const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
    const found = valueAt(raw, path);
    let message: string;
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.slice(0, 5).map((key) => `"${printable(key.length > 40 ? `${key.slice(0, 37)}...` : key)}"`);
      const more = issue.keys.length > keys.length ? ` and ${count(issue.keys.length - keys.length)} more` : '';
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys.join(', ')}${more}; remove or rename ${issue.keys.length > 1 ? 'them' : 'it'}`;
    } else if (issue.code === 'too_big' && issue.origin === 'string' && typeof found === 'string') {
      message = `found ${count(found.trim().length)} characters; expected at most ${count(Number(issue.maximum))} characters`;
    } else if (issue.code === 'too_big' && issue.origin === 'array' && Array.isArray(found)) {
      message = `found a list of ${count(found.length)}; expected at most ${count(Number(issue.maximum))} items`;
    } else if ((issue.message === SINGLE_LINE_EXPECTED || issue.message === MULTI_LINE_EXPECTED) && typeof found === 'string') {
      message = `found ${describeForbiddenCharacter(found.trim(), issue.message === MULTI_LINE_EXPECTED) ?? describeFound(found)}; expected ${issue.message}`;
    } else if (issue.code === 'invalid_type' && found === undefined) {
      message = `missing; expected ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    } else if (issue.code === 'invalid_value') {
      message = `found ${describeFound(found)}; expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    } else if (issue.code === 'invalid_type') {
      message = `found ${describeFound(found)}; expected ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    } else {
      message = `found ${describeFound(found)}; expected ${issue.message}`;
    }
    return { path, message, severity: 'error' as const };
  });
  // One problem per field: a value with a NUL byte that is also not a URL needs saying once.
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = formatPath(problem.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Checks the rules that span fields: shares, duplicate names, impacts, override, links. */
export function crossFieldProblems(assessment: Assessment, context: ValidationContext = {}): Problem[] {
  const problems: Problem[] = [];
  const total = sum(assessment.tasks.map((task) => dec(task.share)));
  if (compare(total, dec(100)) !== 0) {
    problems.push({ path: ['tasks'], message: `shares sum to ${toFixed(total, 2).replace(/\.?0+$/, '')}; they must sum to 100`, severity: 'error' });
  }
  // Every figure is computed under the version the assessment names, so an unknown one is refused here rather than scored under another.
  const methodologies = context.methodologies ?? METHODOLOGIES;
  const definition = findMethodology(assessment.methodology, methodologies);
  if (!definition) {
    problems.push({
      path: ['methodology'],
      message: `found "${printable(assessment.methodology)}"; expected a methodology version this build knows: ${Object.keys(methodologies).join(', ')}`,
      severity: 'error',
    });
  }
  const firstIndexByName = new Map<string, number>();
  assessment.tasks.forEach((task, index) => {
    const key = task.name.trim().toLowerCase();
    const first = firstIndexByName.get(key);
    if (first === undefined) firstIndexByName.set(key, index);
    else problems.push({ path: ['tasks', index, 'name'], message: `"${task.name}" is already the name of tasks[${first}]; task names must be unique`, severity: 'error' });
    const implied = definition ? defaultImpact(task.score, definition) : undefined;
    if (task.impact && implied && task.impact !== implied) {
      problems.push({
        path: ['tasks', index, 'impact'],
        message: `impact ${task.impact} differs from the default for score ${task.score} (${implied}); allowed, and shown on the page`,
        severity: 'notice',
      });
    }
  });
  if (assessment.override && Math.abs(assessment.override.score * 10 - Math.round(assessment.override.score * 10)) > 1e-9) {
    problems.push({ path: ['override', 'score'], message: `found ${assessment.override.score}; expected a score with at most one decimal`, severity: 'error' });
  }
  if (context.knownRoleSlugs) {
    const known = context.knownRoleSlugs;
    assessment.role.notThisRole.forEach((related, index) => {
      if (related.slug && !known.has(related.slug))
        problems.push({ path: ['role', 'notThisRole', index, 'slug'], message: `found "${related.slug}"; expected the slug of a role in the catalog`, severity: 'error' });
    });
    assessment.peerCheck?.peers.forEach((peer, index) => {
      if (peer.slug && !known.has(peer.slug))
        problems.push({ path: ['peerCheck', 'peers', index, 'slug'], message: `found "${peer.slug}"; expected the slug of a role in the catalog`, severity: 'error' });
    });
  }
  return problems;
}

export type ValidationResult = { ok: true; assessment: Assessment; problems: Problem[] } | { ok: false; problems: Problem[] };

/** Validates raw data as an assessment and reports every problem at once; never throws. */
export function validateAssessment(raw: unknown, context: ValidationContext = {}): ValidationResult {
  const parsed = AssessmentSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error, raw) };
  const problems = crossFieldProblems(parsed.data, context);
  if (problems.some((problem) => problem.severity === 'error')) return { ok: false, problems };
  return { ok: true, assessment: parsed.data, problems };
}
