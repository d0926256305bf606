import { comparePublishedFigures, parsePublishedPage, type FigureMismatch, type PublishedFigures } from '../data-pipeline/importers/published-page/index.ts';
import { readAssessmentFile } from '../features/assessments/assessment-files.ts';
import type { FileProblem } from '../features/assessments/assessment-yaml.ts';
import { readTextInput } from '../features/assessments/text-input.ts';
import { validateAssessment, formatPath, methodologyOf, scoreAssessment, type Assessment, type AssessmentInput } from '../methodology/index.ts';

export type LoadedSource =
  | { ok: true; kind: 'yaml' | 'page'; assessment: Assessment; input: AssessmentInput; notices: FileProblem[]; mismatches: FigureMismatch[]; published: PublishedFigures | null }
  | { ok: false; problems: FileProblem[] };

/** Tells a published page (.txt) from an assessment file (.yaml/.yml) by its name. */
export function isPageFile(path: string): boolean {
  return /\.(txt|text)$/i.test(path);
}

/** Loads an assessment from a YAML file or from the text of a published page, validating either. */
export async function loadAssessmentSource(path: string, kind: 'yaml' | 'page' = isPageFile(path) ? 'page' : 'yaml'): Promise<LoadedSource> {
  if (kind === 'yaml') {
    const parsed = await readAssessmentFile(path);
    if (!parsed.ok) return parsed;
    return { ok: true, kind: 'yaml', assessment: parsed.assessment, input: parsed.assessment, notices: parsed.notices, mismatches: [], published: null };
  }
  const input = await readTextInput(path, 'the UTF-8 text of a published assessment page');
  if (!input.ok) return { ok: false, problems: [{ file: path, line: null, path: '', message: input.message, severity: 'error' }] };
  const page = parsePublishedPage(input.text);
  if (!page.ok) return { ok: false, problems: page.problems.map((problem) => ({ file: path, line: problem.line, path: problem.path, message: problem.message, severity: 'error' as const })) };
  const validated = validateAssessment(page.assessment);
  const located = (problem: { path: (string | number)[]; message: string; severity: 'error' | 'notice' }): FileProblem => ({
    file: path,
    line: null,
    path: formatPath(problem.path),
    message: problem.message,
    severity: problem.severity,
  });
  if (!validated.ok) return { ok: false, problems: validated.problems.map(located) };
  const mismatches = comparePublishedFigures(page.published, scoreAssessment(validated.assessment, methodologyOf(validated.assessment.methodology)));
  return { ok: true, kind: 'page', assessment: validated.assessment, input: page.assessment, notices: validated.problems.map(located), mismatches, published: page.published };
}
