import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Provenance } from '../../methodology/index.ts';
import { SourceFileError, oneOf, optionalNumber, optionalText, readSourceTable, requiredNumber, requiredText, type SourceRow } from '../sources/delimited-table.ts';

/**
 * Curated tables of facts taken from publications and statutes, one citation per row (see README.md beside
 * them). Rows are matched to an O*NET-SOC code by prefix: "29-" is a SOC major group, "29-12" a minor or
 * broad group, "29-1215.00" one occupation; the longest matching prefix wins.
 */
export const CURATED_DIR = fileURLToPath(new URL('./', import.meta.url));

const CONFIDENCES = ['high', 'medium', 'low'] as const;
const LEVELS = ['0', '1', '2'] as const;
const MATCH = /^\d{2}-(\d{1,4}(\.\d{2})?)?$/;

export interface CuratedRow {
  match: string;
  citation: string;
  confidence: Provenance['confidence'];
  file: string;
  line: number;
}

export interface LicensingRow extends CuratedRow {
  licence: number;
  liability: number;
  requirement: string;
}

export interface UnionRow extends CuratedRow {
  ratePercent: number | null;
  level: number | null;
  note: string;
}

export interface PhysicalAutomationRow extends CuratedRow {
  technology: string;
  taskPattern: RegExp;
  score: number;
}

export interface CuratedTables {
  licensing: LicensingRow[];
  union: UnionRow[];
  physicalAutomation: PhysicalAutomationRow[];
}

function fail(row: SourceRow, field: string, expected: string): never {
  throw new SourceFileError(`${row.file}:${row.line}: field "${field}": found "${row.values[field] ?? ''}"; expected ${expected}`);
}

function baseRow(row: SourceRow): CuratedRow {
  const match = requiredText(row, 'match');
  if (!MATCH.test(match)) fail(row, 'match', 'a SOC prefix such as "29-", "29-12", "29-1215" or an O*NET-SOC code "29-1215.00"');
  return { match, citation: requiredText(row, 'citation'), confidence: oneOf(row, 'confidence', CONFIDENCES), file: row.file, line: row.line };
}

/** Checks that each prefix appears once, or once per `also` value (a physical-automation prefix may name several technologies). */
function checkUnique<T extends CuratedRow>(rows: readonly T[], also?: (row: T) => string): void {
  const seen = new Map<string, CuratedRow>();
  for (const row of rows) {
    const key = also ? `${row.match}\t${also(row)}` : row.match;
    const earlier = seen.get(key);
    const expected = also ? 'each prefix once per technology' : 'each prefix once';
    if (earlier) throw new SourceFileError(`${row.file}:${row.line}: field "match": found "${row.match}" again (first on line ${earlier.line}); expected ${expected}`);
    seen.set(key, row);
  }
}

/** Reads and checks the curated tables; a bad row stops with file, line and field. */
export async function readCuratedTables(dir: string = CURATED_DIR): Promise<CuratedTables> {
  const licensing = (await readSourceTable(join(dir, 'licensing.tsv'), ['match', 'licence', 'liability', 'requirement', 'citation', 'confidence'])).rows.map(
    (row): LicensingRow => ({
      ...baseRow(row),
      licence: Number(oneOf(row, 'licence', LEVELS)),
      liability: Number(oneOf(row, 'liability', LEVELS)),
      requirement: requiredText(row, 'requirement'),
    }),
  );
  const union = (await readSourceTable(join(dir, 'union.tsv'), ['match', 'ratePercent', 'level', 'note', 'citation', 'confidence'])).rows.map((row): UnionRow => {
    const ratePercent = optionalNumber(row, 'ratePercent');
    const level = optionalText(row, 'level') === '' ? null : Number(oneOf(row, 'level', LEVELS));
    if ((ratePercent === null) === (level === null)) fail(row, 'level', 'either a published rate in "ratePercent" or a level 0–2 in "level", not both or neither');
    if (ratePercent !== null && (ratePercent < 0 || ratePercent > 100)) fail(row, 'ratePercent', 'a percentage from 0 to 100');
    return { ...baseRow(row), ratePercent, level, note: requiredText(row, 'note') };
  });
  const physicalAutomation = (await readSourceTable(join(dir, 'physical-automation.tsv'), ['match', 'technology', 'taskPattern', 'score', 'citation', 'confidence'])).rows.map(
    (row): PhysicalAutomationRow => {
      const pattern = requiredText(row, 'taskPattern');
      let taskPattern: RegExp;
      try {
        taskPattern = new RegExp(pattern, 'i');
      } catch {
        fail(row, 'taskPattern', 'a regular expression');
      }
      const score = requiredNumber(row, 'score');
      if (![2, 3, 4, 5].includes(score)) fail(row, 'score', 'a task score from 2 to 5');
      return { ...baseRow(row), technology: requiredText(row, 'technology'), taskPattern, score };
    },
  );
  checkUnique(licensing);
  checkUnique(union);
  checkUnique(physicalAutomation, (row) => row.technology);
  return { licensing, union, physicalAutomation };
}

/** Returns the row whose prefix matches the code most specifically, or null. */
export function mostSpecific<T extends CuratedRow>(rows: readonly T[], onetCode: string): T | null {
  let best: T | null = null;
  for (const row of rows) if (onetCode.startsWith(row.match) && (best === null || row.match.length > best.match.length)) best = row;
  return best;
}
