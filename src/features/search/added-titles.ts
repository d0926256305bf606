/**
 * Titles search knows beside the catalog's. The curated office titles ("Mayor", with the reason
 * shown to the reader) are part of the ranking and added by buildSearchIndex itself. The official
 * titles of the Census occupation index (census-titles.ts) and the ESCO occupation labels
 * (esco-titles.ts) that the catalog lacks are data: withOfficialTitles adds them to the entries every
 * product path builds its index from (the read model behind the typeahead, /search and the API, and
 * the CLI's loadSearchEntries), so all of them rank alike, while an index built from a fixture holds
 * only the fixture's titles.
 */
import { CENSUS_TITLES } from './census-titles.ts';
import { ESCO_TITLES } from './esco-titles.ts';
import { OFFICE_TITLES } from './office-titles.ts';
import type { SearchEntry, SearchTitle, TitleKind } from './search-types.ts';

/** The title kinds added from sources beside the catalog; the benchmarks set them aside when they ask what the catalog itself holds. */
export const ADDED_TITLE_KINDS: ReadonlySet<TitleKind> = new Set<TitleKind>(['census', 'esco']);

function addToFirst(entries: readonly SearchEntry[], titles: Iterable<readonly [string, SearchTitle]>): SearchEntry[] {
  const firstByCode = new Map<string, number>();
  for (const [position, entry] of entries.entries()) {
    if (!entry.expert && entry.onetCode !== null && !firstByCode.has(entry.onetCode)) firstByCode.set(entry.onetCode, position);
  }
  const added = new Map<number, SearchTitle[]>();
  for (const [onetCode, title] of titles) {
    const position = firstByCode.get(onetCode);
    if (position !== undefined) added.set(position, [...(added.get(position) ?? []), title]);
  }
  return entries.map((entry, position) => {
    const extra = added.get(position);
    return extra ? { ...entry, titles: [...entry.titles, ...extra] } : entry;
  });
}

/** Adds the curated office titles to the occupations they mean, leaving the input untouched. */
export function withOfficeTitles(entries: readonly SearchEntry[]): SearchEntry[] {
  return addToFirst(
    entries,
    OFFICE_TITLES.map((office) => [office.onetCode, { text: office.title, kind: 'alias', reason: office.reason }] as const),
  );
}

/** Adds the Census index titles (kind "census") to the occupations of their SOC codes, leaving the input untouched. */
export function withCensusTitles(entries: readonly SearchEntry[], census: Readonly<Record<string, readonly string[]>> = CENSUS_TITLES): SearchEntry[] {
  return addToFirst(
    entries,
    Object.entries(census).flatMap(([onetCode, titles]) => titles.map((text) => [onetCode, { text, kind: 'census' }] as const)),
  );
}

/** Adds the ESCO occupation labels (kind "esco") to the occupations they are matched to, leaving the input untouched. */
export function withEscoTitles(entries: readonly SearchEntry[], esco: Readonly<Record<string, readonly string[]>> = ESCO_TITLES): SearchEntry[] {
  return addToFirst(
    entries,
    Object.entries(esco).flatMap(([onetCode, titles]) => titles.map((text) => [onetCode, { text, kind: 'esco' }] as const)),
  );
}

/** Adds every title of a source beside the catalog (Census index, ESCO): what the product paths and the benchmarks search. */
export function withOfficialTitles(entries: readonly SearchEntry[]): SearchEntry[] {
  return withEscoTitles(withCensusTitles(entries));
}

/** The entries without the added titles: what the catalog itself holds. */
export function withoutCensusTitles(entries: readonly SearchEntry[]): SearchEntry[] {
  return entries.map((entry) => (entry.titles.some((title) => ADDED_TITLE_KINDS.has(title.kind)) ? { ...entry, titles: entry.titles.filter((title) => !ADDED_TITLE_KINDS.has(title.kind)) } : entry));
}
