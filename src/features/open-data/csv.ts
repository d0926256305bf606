/** A cell value before encoding: text, a number, or nothing (written as an empty cell). */
export type CellValue = string | number | null;

/** One column of a data file: its name, how its values are written, and what it means. */
export interface ColumnSpec<Row> {
  name: string;
  type: 'text' | 'integer' | 'number' | 'datetime';
  meaning: string;
  valueOf: (row: Row) => CellValue;
}

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Prefixes a text cell that a spreadsheet would run as a formula with an apostrophe; numbers are never touched. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Encodes one cell per RFC 4180: quoted (with doubled quotes) when it holds a comma, quote or line break. */
export function csvCell(value: CellValue, type: ColumnSpec<unknown>['type']): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : type === 'text' ? guardFormula(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes rows as an RFC 4180 CSV document: a header line, CRLF line ends, and a final CRLF. */
export function toCsv<Row>(columns: readonly ColumnSpec<Row>[], rows: Iterable<Row>): string {
  const lines = [columns.map((column) => csvCell(column.name, 'text')).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.valueOf(row), column.type)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

// JSON.stringify leaves "<" as is; escaping it keeps "</script>" inert wherever a line is embedded in HTML.
function jsonLine(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/** Writes rows as JSON Lines: a first line `{"meta": …}`, then one object per row keyed by column name. */
export function toJsonLines<Row>(meta: unknown, columns: readonly ColumnSpec<Row>[], rows: Iterable<Row>): string {
  const lines = [jsonLine({ meta })];
  for (const row of rows) lines.push(jsonLine(Object.fromEntries(columns.map((column) => [column.name, column.valueOf(row)]))));
  return `${lines.join('\n')}\n`;
}
