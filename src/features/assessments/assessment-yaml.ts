import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import {
  formatPath,
  printable,
  validateAssessment,
  type Assessment,
  type AssessmentInput,
  type PathSegment,
  type Problem,
  type ValidationContext,
} from '../../methodology/index.ts';

/** A problem located in a file: the line it is on (1-based) when it can be found. */
export interface FileProblem {
  file: string;
  line: number | null;
  path: string;
  message: string;
  severity: 'error' | 'notice';
}

export type ParsedAssessmentFile =
  | { ok: true; assessment: Assessment; notices: FileProblem[] }
  | { ok: false; problems: FileProblem[] };

/** Formats a located problem the way compilers do: file:line: path: message. */
export function formatFileProblem(problem: FileProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  const kind = problem.severity === 'notice' ? 'notice: ' : '';
  return `${where}: ${kind}${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}

function nodeAt(document: Document, path: readonly PathSegment[]): { node: Node | null; keyNode: Node | null } {
  let current: unknown = document.contents;
  let keyNode: Node | null = null;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) return { node: current, keyNode };
      keyNode = isScalar(pair.key) ? pair.key : null;
      current = pair.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment];
      if (item === undefined) return { node: current, keyNode };
      keyNode = null;
      current = item;
    } else {
      break;
    }
  }
  return { node: (current as Node | null) ?? null, keyNode };
}

function lineOf(document: Document, lines: LineCounter, path: readonly PathSegment[]): number | null {
  const { node, keyNode } = nodeAt(document, path);
  const anchor = keyNode?.range ?? node?.range;
  return anchor ? lines.linePos(anchor[0]).line : null;
}

/** How many problems of one file are reported; a file with more is far from an assessment anyway. */
export const MAX_PROBLEMS_PER_FILE = 100;

function firstProblems(problems: FileProblem[], file: string): FileProblem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return problems;
  const rest = problems.length - MAX_PROBLEMS_PER_FILE;
  return [...problems.slice(0, MAX_PROBLEMS_PER_FILE), { file, line: null, path: '', message: `${rest} more problem${rest === 1 ? '' : 's'} not shown; fix the ones above first`, severity: 'error' }];
}

/** Parses YAML text into a validated assessment, reporting every problem with its line; never throws. */
export function parseAssessmentYaml(text: string, file: string, context: ValidationContext = {}): ParsedAssessmentFile {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => ({
      file,
      line: lines.linePos(error.pos[0]).line,
      path: '',
      message: `not valid YAML: ${printable(error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '').slice(0, 200) ?? '')}`,
      severity: 'error' as const,
    }));
    return { ok: false, problems: firstProblems(problems, file) };
  }
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [{ file, line: null, path: '', message: `could not be read as data: ${printable((error as Error).message.slice(0, 200))}`, severity: 'error' }] };
  }
  if (raw === null || raw === undefined) {
    return { ok: false, problems: [{ file, line: 1, path: '', message: 'the file is empty; expected an assessment (see content/assessments/example.yaml)', severity: 'error' }] };
  }
  const locate = (problem: Problem): FileProblem => ({
    file,
    line: lineOf(document, lines, problem.path),
    path: formatPath(problem.path),
    message: problem.message,
    severity: problem.severity,
  });
  const result = validateAssessment(raw, context);
  if (!result.ok) return { ok: false, problems: firstProblems(result.problems.map(locate), file) };
  return { ok: true, assessment: result.assessment, notices: result.problems.map(locate) };
}

const FIELD_ORDER = ['basedOnRevision', 'methodology', 'status', 'reviewed', 'role', 'verdict', 'tasks', 'protective', 'growth', 'evidence', 'barriers', 'override', 'peerCheck', 'reinstatement', 'growthCheck', 'commentary', 'sources', 'resources'];

function inFieldOrder(assessment: AssessmentInput): Record<string, unknown> {
  const entries = Object.entries(assessment).filter(([, value]) => value !== undefined);
  const rank = (key: string) => {
    const index = FIELD_ORDER.indexOf(key);
    return index === -1 ? FIELD_ORDER.length : index;
  };
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b)));
}

/** Writes an assessment as YAML in a stable field order, with an editor hint pointing at the JSON Schema. */
export function stringifyAssessmentYaml(assessment: AssessmentInput, options: { schemaPath?: string } = {}): string {
  const document = new Document(inFieldOrder(assessment));
  if (options.schemaPath) document.commentBefore = ` yaml-language-server: $schema=${options.schemaPath}`;
  return document.toString({ lineWidth: 100, minContentWidth: 40 });
}
