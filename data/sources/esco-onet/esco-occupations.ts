/**
 * ESCO occupations with their English labels (esco_occup_level5.csv) and Nesta's crosswalk from each
 * of them to one O*NET-SOC 2010 occupation (esco_onet_crosswalk_Nov2020.csv), both beside this file,
 * read into one record per ESCO occupation. See README.md for origin, version and licences.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ESCO_OCCUPATIONS_FILE = join(import.meta.dirname, 'esco_occup_level5.csv');
export const ESCO_CROSSWALK_FILE = join(import.meta.dirname, 'esco_onet_crosswalk_Nov2020.csv');

/** Bounds on what a file of this source may hold, so a wrong file fails loudly instead of filling memory. */
const MAX_BYTES = 8_000_000;
const MAX_ROWS = 10_000;

export interface EscoOccupation {
  uri: string;
  preferredLabel: string;
  /** The alternative labels, one per line in the source, trimmed, empty ones dropped. */
  altLabels: string[];
  iscoCode: string;
  /** The O*NET-SOC 2010 code Nesta's crosswalk gives it. */
  onet2010Code: string;
  /** Nesta's confidence in that match: 0.5, 1 or 2 (highest). */
  confidence: number;
}

/** Parses RFC 4180 CSV (quoted cells may hold commas, doubled quotes and line breaks) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let position = 0; position < text.length; position += 1) {
    const char = text[position];
    if (quoted) {
      if (char === '"' && text[position + 1] === '"') {
        cell += '"';
        position += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[position + 1] === '\n') position += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (quoted) throw new Error('CSV ends inside a quoted cell');
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The rows of a bounded CSV file of this kind of source as records by column name; a missing column is an error. */
export function readRecords(path: string, columns: readonly string[]): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  if (text.length > MAX_BYTES) throw new Error(`${path} holds ${text.length} characters, more than the ${MAX_BYTES} expected of it`);
  const [header = [], ...rows] = parseCsv(text);
  if (rows.length > MAX_ROWS) throw new Error(`${path} holds ${rows.length} rows, more than the ${MAX_ROWS} expected of it`);
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`${path} lacks the column(s) ${missing.join(', ')}; its header is ${header.join(', ')}`);
  return rows.map((cells) => Object.fromEntries(header.map((column, position) => [column, cells[position] ?? ''])));
}

/** Every ESCO occupation the crosswalk maps, with its labels; an occupation the crosswalk names but the label file lacks is an error. */
export function readEscoOccupations(): EscoOccupation[] {
  const labels = new Map(readRecords(ESCO_OCCUPATIONS_FILE, ['concept_uri', 'preferred_label', 'alt_labels']).map((row) => [row.concept_uri ?? '', row]));
  return readRecords(ESCO_CROSSWALK_FILE, ['concept_uri', 'isco_code', 'onet_code', 'confidence']).map((row) => {
    const uri = row.concept_uri ?? '';
    const label = labels.get(uri);
    if (label === undefined) throw new Error(`the crosswalk names ${uri}, which ${ESCO_OCCUPATIONS_FILE} lacks`);
    const onet2010Code = row.onet_code ?? '';
    if (!/^\d{2}-\d{4}\.\d{2}$/.test(onet2010Code)) throw new Error(`the crosswalk gives ${uri} the code "${onet2010Code}", not an O*NET-SOC code`);
    return {
      uri,
      preferredLabel: (label.preferred_label ?? '').trim(),
      altLabels: (label.alt_labels ?? '').split('\n').map((text) => text.trim()).filter((text) => text !== ''),
      iscoCode: row.isco_code ?? '',
      onet2010Code,
      confidence: Number(row.confidence),
    };
  });
}
