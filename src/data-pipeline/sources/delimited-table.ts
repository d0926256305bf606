import { readFile } from 'node:fs/promises';
import { describeFileError } from '../../shared/files.ts';

/** Raised for a raw source file that cannot be used; the message names file, line and field. */
export class SourceFileError extends Error {}

/** One data row of a source table, addressed by column name. */
export interface SourceRow {
  file: string;
  line: number;
  values: Readonly<Record<string, string>>;
}

export interface SourceTable {
  file: string;
  columns: readonly string[];
  rows: SourceRow[];
}

interface ParsedRecord {
  line: number;
  fields: string[];
}

/** Splits delimited text into records, honouring RFC 4180 quotes ("" inside quotes is one quote). */
export function parseDelimitedRecords(text: string, delimiter: string, file: string): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  let line = 1;
  let recordLine = 1;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index] as string;
    if (quoted) {
      if (char === '"') {
        if (body[index + 1] === '"') {
          field += '"';
          index += 1;
        } else quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
      atFieldStart = false;
    }
  }
  if (quoted) throw new SourceFileError(`${file}:${recordLine}: a quoted field is never closed; expected a closing double quote`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Reads a CSV or TSV file with a header row and checks that the required columns are there. */
export async function readSourceTable(path: string, required: readonly string[], options: { delimiter?: string; skipLines?: number } = {}): Promise<SourceTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SourceFileError(`${path}: cannot be read: ${describeFileError(error)}; expected the source data folder described in docs/baseline-method.md`);
  }
  const delimiter = options.delimiter ?? (path.endsWith('.tsv') ? '\t' : ',');
  return tableFromText(text, path, required, delimiter);
}

/** Builds a table from delimited text already in memory (used by readSourceTable and tests). */
export function tableFromText(text: string, file: string, required: readonly string[], delimiter: string): SourceTable {
  const records = parseDelimitedRecords(text, delimiter, file);
  const header = records[0];
  if (!header) throw new SourceFileError(`${file}:1: the file is empty; expected a header row with ${required.map((name) => `"${name}"`).join(', ')}`);
  const columns = header.fields.map((name) => name.trim());
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0)
    throw new SourceFileError(
      `${file}:${header.line}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((name) => `"${name}"`).join(', ')}; found ${columns.map((name) => `"${name}"`).join(', ')}`,
    );
  const rows = records.slice(1).map((record) => {
    const values: Record<string, string> = {};
    columns.forEach((name, index) => {
      values[name] = record.fields[index] ?? '';
    });
    return { file, line: record.line, values };
  });
  return { file, columns, rows };
}

function fail(row: SourceRow, field: string, expected: string): never {
  const found = row.values[field];
  const shown = found === undefined || found === '' ? 'nothing' : `"${found.length > 60 ? `${found.slice(0, 57)}...` : found}"`;
  throw new SourceFileError(`${row.file}:${row.line}: field "${field}": found ${shown}; expected ${expected}`);
}

/** Returns a field's trimmed text, failing with file, line and field when it is empty. */
export function requiredText(row: SourceRow, field: string): string {
  const value = (row.values[field] ?? '').trim();
  if (value === '') fail(row, field, 'some text');
  return value;
}

/** Returns a field's trimmed text, or '' when empty. */
export function optionalText(row: SourceRow, field: string): string {
  return (row.values[field] ?? '').trim();
}

/** Returns a field as a number; thousands separators are accepted. */
export function requiredNumber(row: SourceRow, field: string): number {
  const value = parseNumber(row.values[field] ?? '');
  if (value === null) fail(row, field, 'a number');
  return value;
}

/** Markers that BLS and others use for a value that is suppressed, top-coded or unavailable. */
const MISSING_MARKERS = new Set(['', '*', '**', '#', '—', '-', 'n/a', 'NA', 'nan', 'Not available']);

/** Returns a field as a number, or null when it holds a documented missing-value marker. */
export function optionalNumber(row: SourceRow, field: string): number | null {
  const raw = (row.values[field] ?? '').trim();
  if (MISSING_MARKERS.has(raw)) return null;
  const value = parseNumber(raw);
  if (value === null) fail(row, field, 'a number or a missing-value marker (*, #, —)');
  return value;
}

function parseNumber(raw: string): number | null {
  const cleaned = raw.trim().replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

const ONET_CODE = /^\d{2}-\d{4}\.\d{2}$/;
const SOC_CODE = /^\d{2}-\d{4}$/;

/** Returns a field that must hold an O*NET-SOC code like 15-1252.00. */
export function onetCodeField(row: SourceRow, field: string): string {
  const value = optionalText(row, field);
  if (!ONET_CODE.test(value)) fail(row, field, 'an O*NET-SOC code like "15-1252.00"');
  return value;
}

/** Returns a field that must hold a SOC code like 15-1252. */
export function socCodeField(row: SourceRow, field: string): string {
  const value = optionalText(row, field);
  if (!SOC_CODE.test(value)) fail(row, field, 'a SOC code like "15-1252"');
  return value;
}

/** Returns a field that must be one of the listed values. */
export function oneOf<T extends string>(row: SourceRow, field: string, allowed: readonly T[]): T {
  const value = optionalText(row, field);
  if (!(allowed as readonly string[]).includes(value)) fail(row, field, `one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}`);
  return value as T;
}
