import type { TitleRecord } from '../catalog-records.ts';
import type { AlternateTitle } from '../sources/onet-files.ts';
import type { SourceData } from '../sources/source-data.ts';
import { compareText } from './slugs.ts';

const KIND_ORDER: readonly TitleRecord['kind'][] = ['onet', 'alternate', 'short', 'reported'];

/** Builds the searchable titles of every catalog occupation: deduplicated per occupation ignoring case, sorted by code then title. */
export function buildTitleRecords(data: SourceData, codes: readonly string[]): TitleRecord[] {
  const catalog = new Set(codes);
  const candidates: TitleRecord[] = [];
  for (const code of codes) {
    const occupation = data.onet.occupations.get(code);
    if (occupation) candidates.push({ onetCode: code, title: occupation.title, kind: 'onet' });
  }
  for (const alternate of data.onet.alternateTitles) {
    if (!catalog.has(alternate.onetCode)) continue;
    candidates.push({ onetCode: alternate.onetCode, title: alternate.title, kind: 'alternate' });
    if (alternate.shortTitle) candidates.push({ onetCode: alternate.onetCode, title: alternate.shortTitle, kind: 'short' });
  }
  for (const reported of data.onet.reportedTitles) {
    if (catalog.has(reported.onetCode)) candidates.push({ onetCode: reported.onetCode, title: reported.title, kind: 'reported' });
  }
  // The first kind in KIND_ORDER wins when one title comes from several lists.
  candidates.sort((a, b) => compareText(a.onetCode, b.onetCode) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const seen = new Set<string>();
  const titles: TitleRecord[] = [];
  for (const candidate of candidates) {
    const title = candidate.title.replace(/\s+/g, ' ').trim();
    const key = `${candidate.onetCode}\u0000${title.toLowerCase()}`;
    if (title === '' || seen.has(key)) continue;
    seen.add(key);
    titles.push({ onetCode: candidate.onetCode, title, kind: candidate.kind });
  }
  return titles.sort((a, b) => compareText(a.onetCode, b.onetCode) || compareText(a.title.toLowerCase(), b.title.toLowerCase()) || compareText(a.title, b.title));
}

/** Picks a handful of the best-known alternate titles of an occupation as role aliases: those most sources and workers use. */
export function pickAliases(alternates: readonly AlternateTitle[], reportedTitles: ReadonlySet<string>, title: string, count = 5): string[] {
  const ranked = alternates
    .filter((item) => item.title.toLowerCase() !== title.toLowerCase() && item.title.length <= 50)
    .map((item) => ({ title: item.title.replace(/\s+/g, ' ').trim(), weight: item.sourceCount + (reportedTitles.has(item.title.toLowerCase()) ? 3 : 0) }))
    .sort((a, b) => b.weight - a.weight || a.title.length - b.title.length || compareText(a.title, b.title));
  const picked: string[] = [];
  for (const item of ranked) {
    if (picked.length >= count) break;
    if (!picked.some((chosen) => chosen.toLowerCase() === item.title.toLowerCase())) picked.push(item.title);
  }
  return picked;
}
