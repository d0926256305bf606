import { join } from 'node:path';
import { type SourceRow, optionalNumber, optionalText, readSourceTable, requiredNumber, requiredText } from './delimited-table.ts';

/** A wage figure; BLS top-codes the highest wages ("#", ">=$239,200"), which then gives the floor of that vintage. */
export interface Wage {
  value: number;
  topCoded: boolean;
}

export interface OewsLine {
  soc: string;
  title: string;
  group: string;
  employment: number | null;
  medianWage: Wage | null;
  /** Mean annual wage; BLS publishes it uncapped where the median is top-coded, so it is the one wage figure left for a change there. */
  meanWage: number | null;
}

export interface ProjectionLine {
  code: string;
  title: string;
  employment2024: number;
  employment2034: number;
  changePercent: number;
  annualOpenings: number;
  medianWage: Wage | null;
  education: string | null;
}

export interface BlsData {
  oews2024: Map<string, OewsLine>;
  oews2021: Map<string, OewsLine>;
  projections: Map<string, ProjectionLine>;
  /** SOC major group names by two-digit prefix, e.g. "29" → "Healthcare Practitioners and Technical". */
  majorGroups: Map<string, string>;
}

/**
 * The top code BLS applies to annual wages ("#"): $208,000 ($100 an hour) in May 2021, $239,200 ($115 an hour) from May
 * 2024 on. The largest published percentiles of the two files are $207,420 and $238,380, one step under each.
 */
export const TOP_CODED_ANNUAL_WAGE = { may2021: 208_000, may2024: 239_200 } as const;

function wageField(row: SourceRow, field: string, topCode: number): Wage | null {
  const raw = optionalText(row, field);
  if (raw === '#') return { value: topCode, topCoded: true };
  const atLeast = /^>=\$?([\d,]+)$/.exec(raw);
  if (atLeast?.[1]) return { value: Number(atLeast[1].replace(/,/g, '')), topCoded: true };
  const value = optionalNumber(row, field);
  return value === null ? null : { value, topCoded: false };
}

/** The mean annual wage, or null where BLS suppresses it ("*") or, exceptionally, top-codes it too. */
function meanWageField(row: SourceRow): number | null {
  const wage = wageField(row, 'A_MEAN', Number.POSITIVE_INFINITY);
  return wage === null || wage.topCoded ? null : wage.value;
}

async function readOews(path: string, topCode: number): Promise<Map<string, OewsLine>> {
  const table = await readSourceTable(path, ['OCC_CODE', 'OCC_TITLE', 'O_GROUP', 'TOT_EMP', 'A_MEDIAN', 'A_MEAN']);
  const lines = new Map<string, OewsLine>();
  for (const row of table.rows) {
    const soc = requiredText(row, 'OCC_CODE');
    lines.set(soc, {
      soc,
      title: requiredText(row, 'OCC_TITLE'),
      group: optionalText(row, 'O_GROUP'),
      employment: optionalNumber(row, 'TOT_EMP'),
      medianWage: wageField(row, 'A_MEDIAN', topCode),
      meanWage: meanWageField(row),
    });
  }
  return lines;
}

const P = {
  title: '2024 National Employment Matrix title',
  code: '2024 National Employment Matrix code',
  type: 'Occupation type',
  employment2024: 'Employment, 2024',
  employment2034: 'Employment, 2034',
  changePercent: 'Employment change, percent, 2024–34',
  openings: 'Occupational openings, 2024–34 annual average',
  wage: 'Median annual wage, dollars, 2024[1]',
  education: 'Typical education needed for entry',
} as const;

/** Reads the two OEWS vintages and the 2024–34 employment projections from the bls/ folder. */
export async function readBlsData(dataDir: string): Promise<BlsData> {
  const oews2024 = await readOews(join(dataDir, 'bls', 'oews-national-may2024.csv'), TOP_CODED_ANNUAL_WAGE.may2024);
  const oews2021 = await readOews(join(dataDir, 'bls', 'oews-national-may2021.csv'), TOP_CODED_ANNUAL_WAGE.may2021);
  const projections = new Map<string, ProjectionLine>();
  const table = await readSourceTable(join(dataDir, 'bls', 'employment-projections-2024-34.csv'), Object.values(P));
  for (const row of table.rows) {
    if (optionalText(row, P.type) !== 'Line item') continue;
    const code = requiredText(row, P.code);
    const number = (field: string) => requiredNumber(row, field);
    const education = optionalText(row, P.education);
    projections.set(code, {
      code,
      title: requiredText(row, P.title),
      // The matrix gives employment in thousands.
      employment2024: Math.round(number(P.employment2024) * 1000),
      employment2034: Math.round(number(P.employment2034) * 1000),
      changePercent: number(P.changePercent),
      annualOpenings: Math.round(number(P.openings) * 1000),
      medianWage: wageField(row, P.wage, TOP_CODED_ANNUAL_WAGE.may2024),
      education: education === '' || education === '—' ? null : education,
    });
  }
  const majorGroups = new Map<string, string>();
  for (const line of oews2024.values()) {
    if (line.group === 'major') majorGroups.set(line.soc.slice(0, 2), line.title.replace(/ Occupations$/, ''));
  }
  return { oews2024, oews2021, projections, majorGroups };
}
