import { aijri1, dec, defaultImpact, divRound, mul, toFixed, type Impact } from '../../../methodology/index.ts';
import { addProblem, quote, type PageLine, type Report } from './page-lines.ts';
import { blameLine, type Section } from './sections.ts';

export interface TaskInput {
  name: string;
  share: number;
  score: number;
  impact?: Impact;
  rationale: string;
}

export interface TaskTable {
  tasks: TaskInput[];
  rowLines: PageLine[];
  weighted: number[];
  /** The Weighted total of the table's Total row, when the page has one. */
  exposure: number | null;
}

interface BreakdownEntry {
  line: PageLine;
  name: string;
  share: string;
  score: number;
  impact: Impact;
}

interface RowReading {
  name: string;
  share: string;
  score: number;
  weighted: string;
  impact: Impact;
  rationale: string;
}

const TABLE_HEADER = /^Task\s*Time\s*%/i;
const TABLE_END = /^(?:Total\s*\d|Task Resistance Score|Displacement\s*\/\s*Augmentation|Reinstatement check)/i;
const TOTAL_ROW = /^Total\s*(\d+(?:\.\d+)?)\s*%\s*(\d+\.\d+)\s*$/i;
// Sticky, so every start position is tried in place without copying the row.
const ROW_TAIL = /((?:0|[1-9]\d*)(?:\.\d+)?)\s*%\s*(\d)\s*(\d\.\d{2})\s*(AUGMENTATION|DISPLACEMENT|NOT INVOLVED)\s*/iy;
const BREAKDOWN_SHARE = /^(\d+(?:\.\d+)?)\s*%$/;
const BREAKDOWN_SCORE = /^(\d)\s*\/\s*5\s+(Displaced|Augmented|Not Involved)$/i;
const ROW_EXPECTED = 'a row "<task><share>%<score 1-5><weighted, 2 decimals><AUGMENTATION|DISPLACEMENT|NOT INVOLVED><rationale>"';

const IMPACT_BY_WORD: Record<string, Impact> = {
  augmentation: 'augmentation',
  augmented: 'augmentation',
  displacement: 'displacement',
  displaced: 'displacement',
  'not involved': 'not_involved',
};

const impactOf = (word: string): Impact => IMPACT_BY_WORD[word.toLowerCase().replace(/\s+/g, ' ')] ?? 'augmentation';
const sameName = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** Formats share × score / 100 as the page shows the Weighted column. */
function weightedOf(share: string | number, score: number): string {
  return toFixed(divRound(mul(dec(share), dec(score)), dec(100), 2), 2);
}

/** Reads the "Work Impact Breakdown" list: a name line, a "25%" line and a "2/5 Augmented" line per task. */
function readBreakdown(lines: readonly PageLine[]): BreakdownEntry[] {
  const filled = lines.filter((line) => line.text !== '');
  const entries: BreakdownEntry[] = [];
  filled.forEach((line, index) => {
    const share = BREAKDOWN_SHARE.exec(filled[index + 1]?.text ?? '');
    const score = BREAKDOWN_SCORE.exec(filled[index + 2]?.text ?? '');
    if (!share?.[1] || !score?.[1] || !score[2] || BREAKDOWN_SHARE.test(line.text)) return;
    entries.push({ line, name: line.text, share: share[1], score: Number(score[1]), impact: impactOf(score[2]) });
  });
  return entries;
}

/** Lists every way a glued row can split into name, share, score, weighted and label. */
function readingsOf(text: string): RowReading[] {
  const readings: RowReading[] = [];
  for (let index = 1; index < text.length; index += 1) {
    if (!/\d/.test(text.charAt(index))) continue;
    ROW_TAIL.lastIndex = index;
    const match = ROW_TAIL.exec(text);
    if (!match?.[1] || !match[2] || !match[3] || !match[4] || Number(match[1]) <= 0 || Number(match[1]) > 100) continue;
    const name = text.slice(0, index).trim();
    if (!name) continue;
    const rationale = text.slice(index + match[0].length).trim();
    readings.push({ name, share: match[1], score: Number(match[2]), weighted: match[3], impact: impactOf(match[4]), rationale });
  }
  return readings;
}

const isConsistent = (reading: RowReading) => weightedOf(reading.share, reading.score) === reading.weighted;

const matchesEntry = (reading: RowReading, entry: BreakdownEntry) =>
  sameName(entry.name, reading.name) && Number(entry.share) === Number(reading.share) && entry.score === reading.score;

const agreesWithList = (reading: RowReading, unused: BreakdownEntry[]) => unused.some((entry) => matchesEntry(reading, entry));

/**
 * Prefers the reading that agrees with its breakdown entry and adds up, since one name can be a
 * prefix of another ("Review Form" 11% and "Review Form 1" 1% both fit "Review Form 11%").
 */
function bestNamedReading(readings: RowReading[], unused: BreakdownEntry[]): RowReading | undefined {
  const named = readings.filter((reading) => unused.some((entry) => sameName(entry.name, reading.name)));
  return (
    named.find((reading) => agreesWithList(reading, unused) && isConsistent(reading)) ??
    named.find((reading) => agreesWithList(reading, unused)) ??
    named.find(isConsistent) ??
    named[0]
  );
}

/** Picks the reading of a row: by a name from the breakdown list, else the one whose Weighted column adds up. */
function chooseReading(line: PageLine, readings: RowReading[], breakdown: { unused: BreakdownEntry[]; listed: boolean }, report: Report, path: string): RowReading | null {
  const { unused, listed } = breakdown;
  if (listed || readings.length === 0) {
    const named = bestNamedReading(readings, unused);
    if (named) return named;
    const names = unused.map((entry) => quote(entry.name)).join(', ');
    const expected = !listed ? ROW_EXPECTED : unused.length > 0 ? `a row starting with one of the Work Impact Breakdown names not yet used (${names})` : 'no more rows than the Work Impact Breakdown lists tasks';
    addProblem(report, line, path, `found ${quote(line.text)}; expected ${expected}`);
    return null;
  }
  const consistent = readings.filter(isConsistent);
  if (consistent.length === 1) return consistent[0] ?? null;
  const options = (consistent.length > 1 ? consistent : readings).map((reading) => `"${reading.name}" ${reading.share}%`).join(' or ');
  addProblem(report, line, path, `cannot tell where the task name ends in ${quote(line.text)}: it reads as ${options}; expected exactly one reading where share × score / 100 equals the Weighted column`);
  return null;
}

function checkAgainstBreakdown(line: PageLine, reading: RowReading, entry: BreakdownEntry, report: Report, path: string): void {
  if (Number(entry.share) !== Number(reading.share) || entry.score !== reading.score || entry.impact !== reading.impact) {
    const table = `${reading.share}%, ${reading.score}/5, ${reading.impact}`;
    const list = `${entry.share}%, ${entry.score}/5, ${entry.impact} (line ${entry.line.number})`;
    addProblem(report, line, path, `the task table gives "${reading.name}" ${table}; expected the same as the Work Impact Breakdown list: ${list}`);
  }
}

function toTask(reading: RowReading): TaskInput {
  const task: TaskInput = { name: reading.name, share: Number(reading.share), score: reading.score, rationale: reading.rationale };
  // Published pages are aijri-1 pages (the importer writes `methodology: aijri-1`), so their default impacts are aijri-1's.
  if (reading.impact !== defaultImpact(reading.score, aijri1)) task.impact = reading.impact;
  return task;
}

function tableRows(lines: readonly PageLine[], headerIndex: number): PageLine[] {
  const after = lines.slice(headerIndex + 1);
  const end = after.findIndex((line) => TABLE_END.test(line.text));
  return (end >= 0 ? after.slice(0, end) : after).filter((line) => line.text !== '');
}

/** Reads the task table, using the breakdown list above it to know each task name exactly. */
export function readTaskTable(section: Section, report: Report): TaskTable | null {
  const headerIndex = section.lines.findIndex((line) => TABLE_HEADER.test(line.text));
  if (headerIndex < 0) {
    addProblem(report, blameLine(section), 'tasks', `no task table found${section.heading ? '' : ' (no "Task Decomposition" section)'}; expected a header row "TaskTime %Score (1-5)WeightedAug/DispRationale" followed by one row per task`);
    return null;
  }
  const header = section.lines[headerIndex] as PageLine;
  const breakdown = readBreakdown(section.lines.slice(0, headerIndex));
  if (breakdown.length === 0) report.warnings.push(`line ${header.number}: no "Work Impact Breakdown" list above the task table; task names were split from the glued rows by the Weighted column`);
  const unused = [...breakdown];
  const table: TaskTable = { tasks: [], rowLines: [], weighted: [], exposure: null };
  const problemsBefore = report.problems.length;
  tableRows(section.lines, headerIndex).forEach((line) => {
    const path = `tasks[${table.tasks.length}]`;
    const reading = chooseReading(line, readingsOf(line.text), { unused, listed: breakdown.length > 0 }, report, path);
    if (!reading) return;
    const entryIndex = unused.findIndex((entry) => sameName(entry.name, reading.name));
    const entry = unused.splice(entryIndex, 1)[0];
    if (entryIndex >= 0 && entry) checkAgainstBreakdown(line, reading, entry, report, path);
    table.tasks.push(toTask(reading));
    table.rowLines.push(line);
    table.weighted.push(Number(reading.weighted));
  });
  for (const entry of unused) addProblem(report, entry.line, 'tasks', `the Work Impact Breakdown lists ${quote(entry.name)}; expected a task table row starting with that name`);
  if (table.tasks.length === 0 && report.problems.length === problemsBefore) addProblem(report, header, 'tasks', `the task table has no rows; expected ${ROW_EXPECTED}`);
  table.exposure = readTotal(section.lines.slice(headerIndex + 1), report);
  return report.problems.length === problemsBefore ? table : null;
}

function readTotal(lines: readonly PageLine[], report: Report): number | null {
  const total = lines.map((line) => TOTAL_ROW.exec(line.text)).find(Boolean);
  if (!total?.[2]) report.warnings.push('the task table has no "Total100%<exposure>" row; task exposure taken from the Task Resistance line');
  return total?.[2] ? Number(total[2]) : null;
}
