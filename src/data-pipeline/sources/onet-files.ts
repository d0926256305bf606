import { join } from 'node:path';
import { SourceFileError, onetCodeField, optionalNumber, optionalText, readSourceTable, requiredNumber, requiredText, socCodeField } from './delimited-table.ts';

export interface OnetOccupation {
  code: string;
  title: string;
  description: string;
}

export interface AlternateTitle {
  onetCode: string;
  title: string;
  shortTitle: string | null;
  sourceCount: number;
}

export interface ReportedTitle {
  onetCode: string;
  title: string;
  shownInMyNextMove: boolean;
}

/** One O*NET OnLine element export: a 0–100 value per occupation code. */
export type ElementValues = ReadonlyMap<string, number>;

/** The O*NET files of ../shared/data/onet, read and checked. */
export interface OnetData {
  occupations: Map<string, OnetOccupation>;
  alternateTitles: AlternateTitle[];
  reportedTitles: ReportedTitle[];
  jobZones: Map<string, number>;
  related: Map<string, string[]>;
  onetToSoc: Map<string, string>;
  onet2010To2019: { from: string; to: string }[];
  /** online-2023 work activities (O*NET-SOC 2019 codes), importance 0–100, by file key. */
  activities2023: Record<Activity2023, ElementValues>;
  /** online-2020 elements (O*NET-SOC 2010 codes): importance for activities, context for work context, by file key. */
  elements2020: Record<Element2020, ElementValues>;
}

export const ACTIVITIES_2023 = ['performing-general-physical-activities', 'handling-and-moving-objects', 'controlling-machines-and-processes'] as const;
export const ACTIVITIES_2020 = [
  'assisting-and-caring-for-others',
  'establishing-and-maintaining-interpersonal-relationships',
  'coaching-and-developing-others',
  'guiding-directing-and-motivating-subordinates',
  'handling-and-moving-objects',
  'operating-vehicles-mechanized-devices-or-equipment',
] as const;
export const CONTEXTS_2020 = ['physical-proximity', 'face-to-face-discussions', 'exposed-to-disease-or-infections'] as const;
export type Activity2023 = (typeof ACTIVITIES_2023)[number];
export type Element2020 = (typeof ACTIVITIES_2020)[number] | (typeof CONTEXTS_2020)[number];

async function readElement(path: string, column: 'Importance' | 'Context'): Promise<Map<string, number>> {
  const table = await readSourceTable(path, [column, 'Code']);
  const values = new Map<string, number>();
  for (const row of table.rows) {
    const value = optionalNumber(row, column);
    if (value === null) continue;
    if (value < 0 || value > 100) throw new SourceFileError(`${row.file}:${row.line}: field "${column}": found ${value}; expected a value from 0 to 100`);
    values.set(onetCodeField(row, 'Code'), value);
  }
  return values;
}

/** Reads the O*NET files from the onet/ folder of the source data. */
export async function readOnetData(dataDir: string): Promise<OnetData> {
  const onet = (name: string) => join(dataDir, 'onet', name);

  const occupations = new Map<string, OnetOccupation>();
  for (const row of (await readSourceTable(onet('occupation-data.tsv'), ['O*NET-SOC Code', 'Title', 'Description'])).rows) {
    const code = onetCodeField(row, 'O*NET-SOC Code');
    occupations.set(code, { code, title: requiredText(row, 'Title'), description: requiredText(row, 'Description') });
  }

  const alternateTitles: AlternateTitle[] = [];
  for (const row of (await readSourceTable(onet('alternate-titles.tsv'), ['O*NET-SOC Code', 'Alternate Title', 'Short Title', 'Source(s)'])).rows) {
    const short = optionalText(row, 'Short Title');
    alternateTitles.push({
      onetCode: onetCodeField(row, 'O*NET-SOC Code'),
      title: requiredText(row, 'Alternate Title'),
      shortTitle: short === '' || short === 'n/a' ? null : short,
      sourceCount: optionalText(row, 'Source(s)').split(',').filter((source) => source.trim() !== '').length,
    });
  }

  const reportedTitles: ReportedTitle[] = [];
  for (const row of (await readSourceTable(onet('reported-titles.tsv'), ['O*NET-SOC Code', 'Reported Job Title', 'Shown in My Next Move'])).rows) {
    reportedTitles.push({
      onetCode: onetCodeField(row, 'O*NET-SOC Code'),
      title: requiredText(row, 'Reported Job Title'),
      shownInMyNextMove: optionalText(row, 'Shown in My Next Move') === 'Y',
    });
  }

  const jobZones = new Map<string, number>();
  for (const row of (await readSourceTable(onet('job-zones.csv'), ['O*NET-SOC Code', 'Job Zone'])).rows) {
    const zone = requiredNumber(row, 'Job Zone');
    if (!Number.isInteger(zone) || zone < 1 || zone > 5) throw new SourceFileError(`${row.file}:${row.line}: field "Job Zone": found ${zone}; expected a whole number from 1 to 5`);
    jobZones.set(onetCodeField(row, 'O*NET-SOC Code'), zone);
  }

  const relatedRows: { code: string; related: string; index: number }[] = [];
  for (const row of (await readSourceTable(onet('related-occupations.tsv'), ['O*NET-SOC Code', 'Related O*NET-SOC Code', 'Index'])).rows) {
    relatedRows.push({ code: onetCodeField(row, 'O*NET-SOC Code'), related: onetCodeField(row, 'Related O*NET-SOC Code'), index: requiredNumber(row, 'Index') });
  }
  relatedRows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.index - b.index));
  const related = new Map<string, string[]>();
  for (const row of relatedRows) related.set(row.code, [...(related.get(row.code) ?? []), row.related]);

  const onetToSoc = new Map<string, string>();
  for (const row of (await readSourceTable(onet('crosswalk-onet2019-to-soc2018.csv'), ['o_net_code19', 'soc_code18'])).rows) {
    onetToSoc.set(onetCodeField(row, 'o_net_code19'), socCodeField(row, 'soc_code18'));
  }

  const onet2010To2019: { from: string; to: string }[] = [];
  for (const row of (await readSourceTable(onet('crosswalk-onet2010-to-onet2019.csv'), ['O*NET-SOC 2010 Code', 'O*NET-SOC 2019 Code'])).rows) {
    onet2010To2019.push({ from: onetCodeField(row, 'O*NET-SOC 2010 Code'), to: onetCodeField(row, 'O*NET-SOC 2019 Code') });
  }

  const activities2023 = {} as Record<Activity2023, ElementValues>;
  for (const key of ACTIVITIES_2023) activities2023[key] = await readElement(onet(`online-2023/${key}.csv`), 'Importance');
  const elements2020 = {} as Record<Element2020, ElementValues>;
  for (const key of ACTIVITIES_2020) elements2020[key] = await readElement(onet(`online-2020/${key}.csv`), 'Importance');
  for (const key of CONTEXTS_2020) elements2020[key] = await readElement(onet(`online-2020/${key}.csv`), 'Context');

  return { occupations, alternateTitles, reportedTitles, jobZones, related, onetToSoc, onet2010To2019, activities2023, elements2020 };
}
