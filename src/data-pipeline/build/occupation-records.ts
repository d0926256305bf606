import type { OccupationRecord } from '../catalog-records.ts';
import { SourceFileError } from '../sources/delimited-table.ts';
import type { SourceData } from '../sources/source-data.ts';
import type { Wage } from '../sources/bls-files.ts';
import { indexValuesFor, prepareIndices } from './index-values.ts';
import { assignUniqueSlugs, compareText } from './slugs.ts';

export const FACT_SOURCES = {
  oews2024: 'BLS OEWS May 2024',
  oews2021: 'BLS OEWS May 2021',
  projections: 'BLS Employment Projections 2024–34',
} as const;

/** Returns the codes of the occupations the catalog covers: those with task labels, sorted. */
export function catalogCodes(data: SourceData): string[] {
  const codes = [...new Set(data.eloundou.tasks.map((task) => task.onetCode))].sort(compareText);
  for (const code of codes) {
    if (!data.onet.occupations.has(code))
      throw new SourceFileError(`eloundou-2023/full_labelset.tsv: O*NET-SOC Code "${code}" has task labels but is not in onet/occupation-data.tsv; expected every labelled occupation to be an O*NET occupation`);
  }
  return codes;
}

/** Returns the SOC 2018 code of an O*NET-SOC code: from the crosswalk, else its first seven characters. */
export function socCodeOf(data: SourceData, onetCode: string): string {
  return data.onet.onetToSoc.get(onetCode) ?? onetCode.slice(0, 7);
}

/** Finds the BLS line of a SOC code; where BLS publishes only an aggregate (13-1020 for 13-1021), the aggregate's line. */
export function findBlsLine<T>(lines: ReadonlyMap<string, T>, soc: string): { code: string; line: T } | undefined {
  for (const code of [soc, `${soc.slice(0, 6)}0`]) {
    const line = lines.get(code);
    if (line !== undefined) return { code, line };
  }
  return undefined;
}

function wageFigure(wage: Wage | null | undefined, source: string, note: string | undefined) {
  if (!wage) return null;
  const notes = [wage.topCoded ? `top-coded by BLS: the median is at least $${wage.value.toLocaleString('en-US')}` : undefined, note].filter(Boolean);
  return { value: wage.value, source, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
}

/** Builds the occupation record of every catalog occupation, sorted by O*NET-SOC code. */
export function buildOccupationRecords(data: SourceData, codes: readonly string[] = catalogCodes(data)): OccupationRecord[] {
  const indices = prepareIndices(data);
  const slugs = assignUniqueSlugs(codes.map((code) => ({ code, title: data.onet.occupations.get(code)?.title ?? code })));
  const sharing = new Map<string, number>();
  for (const code of codes) sharing.set(socCodeOf(data, code), (sharing.get(socCodeOf(data, code)) ?? 0) + 1);
  const catalog = new Set(codes);

  return codes.map((code): OccupationRecord => {
    const occupation = data.onet.occupations.get(code);
    if (!occupation) throw new SourceFileError(`onet/occupation-data.tsv: no row for O*NET-SOC Code "${code}"`);
    const soc = socCodeOf(data, code);
    const others = (sharing.get(soc) ?? 1) - 1;
    const sharedNote = others > 0 ? `all of SOC ${soc}, shared with ${others} other occupation${others > 1 ? 's' : ''}` : undefined;
    const oews = findBlsLine(data.bls.oews2024, soc);
    const oews2021 = findBlsLine(data.bls.oews2021, soc);
    const projection = findBlsLine(data.bls.projections, soc);
    const noteFor = (match: { code: string } | undefined) =>
      match && match.code !== soc ? `BLS aggregate SOC ${match.code}, which includes this occupation` : sharedNote;
    const figure = <T>(value: T | null | undefined, source: string, note: string | undefined) =>
      value === null || value === undefined ? null : { value, source, ...(note ? { note } : {}) };
    return {
      onetCode: code,
      socCode: soc,
      slug: slugs.get(code) ?? code,
      title: occupation.title,
      description: occupation.description,
      category: data.bls.majorGroups.get(code.slice(0, 2)) ?? 'Other',
      jobZone: data.onet.jobZones.get(code) ?? null,
      employment2024: figure(oews?.line.employment, FACT_SOURCES.oews2024, noteFor(oews)),
      medianWage2024: wageFigure(oews?.line.medianWage, FACT_SOURCES.oews2024, noteFor(oews)),
      medianWage2021: wageFigure(oews2021?.line.medianWage, FACT_SOURCES.oews2021, noteFor(oews2021)),
      projectedEmployment2034: figure(projection?.line.employment2034, FACT_SOURCES.projections, noteFor(projection)),
      projectedChangePercent: figure(projection?.line.changePercent, FACT_SOURCES.projections, noteFor(projection)),
      annualOpenings: figure(projection?.line.annualOpenings, FACT_SOURCES.projections, noteFor(projection)),
      typicalEducation: figure(projection?.line.education, FACT_SOURCES.projections, noteFor(projection)),
      indices: indexValuesFor(indices, code, soc),
      relatedOnetCodes: (data.onet.related.get(code) ?? []).filter((related) => catalog.has(related)),
    };
  });
}
