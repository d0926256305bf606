import { formatPath, validateAssessment, type AssessmentInput, type PathSegment } from '../../../methodology/index.ts';
import type { Factors } from './factors.ts';
import { readFactors } from './factors.ts';
import { readFigures } from './figures.ts';
import { readCommentary, readReinstatement, readSourceList } from './narrative.ts';
import { nonEmpty, toLines, toMarkdown, type Report } from './page-lines.ts';
import { parsePeers } from './related-roles.ts';
import { readRole, readVerdict } from './role.ts';
import { splitSections, type Sections } from './sections.ts';
import { readTaskTable, type TaskTable } from './tasks.ts';
import type { PageImport, PageProblem } from './types.ts';

/** Drops keys whose value is undefined, so the assessment holds only what the page states. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** Maps field paths to the page line each was read from, for validation problems. */
function lineIndex(sections: Sections, table: TaskTable, factors: Factors): Map<string, number> {
  const index = new Map<string, number>();
  const set = (path: string, line: number | null | undefined) => line != null && index.set(path, line);
  set('role', sections.roleDefinition.heading?.number);
  set('tasks', sections.tasks.heading?.number);
  table.rowLines.forEach((line, position) => set(`tasks[${position}]`, line.number));
  factors.lines.forEach((line, path) => set(path, line.number));
  set('override', sections.composite.heading?.number);
  return index;
}

function lineOf(index: Map<string, number>, path: readonly PathSegment[]): number | null {
  for (let length = path.length; length > 0; length -= 1) {
    const line = index.get(formatPath(path.slice(0, length)));
    if (line !== undefined) return line;
  }
  return null;
}

function importPage(text: string): PageImport {
  const report: Report = { problems: [], warnings: [] };
  const lines = toLines(text);
  const sections = splitSections(lines);
  const role = readRole(lines, sections, report);
  const table = readTaskTable(sections.tasks, report);
  const factors = readFactors(sections, report);
  const read = readFigures(sections, table, factors, report);
  if (!role || !table || !factors || !read || report.problems.length > 0) return { ok: false, problems: report.problems };

  const assessment: AssessmentInput = defined({
    methodology: 'aijri-1',
    status: 'expert' as const,
    role: defined(role),
    verdict: readVerdict(sections, report),
    tasks: table.tasks,
    protective: factors.protective,
    growth: factors.growth,
    evidence: factors.evidence,
    barriers: factors.barriers,
    override: read.figures.override,
    peerCheck: read.peerText ? { text: read.peerText, peers: parsePeers(read.peerText) } : undefined,
    reinstatement: readReinstatement(sections.tasks),
    growthCheck: nonEmpty(toMarkdown(sections.growthCheck.lines)),
    commentary: defined(readCommentary(sections, report)),
    sources: readSourceList(sections.sources),
    resources: readSourceList(sections.resources),
  });
  const validation = validateAssessment(assessment);
  const index = lineIndex(sections, table, factors);
  if (!validation.ok) {
    const problems: PageProblem[] = validation.problems
      .filter((problem) => problem.severity === 'error')
      .map((problem) => ({ line: lineOf(index, problem.path), path: formatPath(problem.path), message: problem.message }));
    return { ok: false, problems };
  }
  const notices = validation.problems.map((problem) => `${formatPath(problem.path)}: ${problem.message}`);
  return { ok: true, assessment, published: read.figures, warnings: [...report.warnings, ...notices] };
}

/** Parses the text of a published assessment page into an assessment and the figures it states; never throws. */
export function parsePublishedPage(text: string): PageImport {
  try {
    return importPage(String(text));
  } catch (error) {
    // A safety net for the never-throws contract: a parser bug becomes a reported problem, not a crash.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ line: null, path: '', message: `the page could not be read (${reason}); expected the layout of a published assessment page` }] };
  }
}
