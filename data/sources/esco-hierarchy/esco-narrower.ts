/**
 * ESCO's narrower occupations (levels 6–8 under an occupation of level 5) with their English labels
 * (occupations_en.csv) and their place in ESCO's hierarchy (broaderRelationsOccPillar.csv), both beside
 * this file. Each inherits the crosswalk match of the level-5 occupation above it. See README.md.
 */
import { join } from 'node:path';
import { type EscoOccupation, readRecords } from '../esco-onet/esco-occupations.ts';

export const ESCO_ALL_OCCUPATIONS_FILE = join(import.meta.dirname, 'occupations_en.csv');
export const ESCO_BROADER_FILE = join(import.meta.dirname, 'broaderRelationsOccPillar.csv');

/** A narrower occupation, labelled with its own labels and matched as the level-5 occupation above it. */
export interface NarrowerEscoOccupation extends EscoOccupation {
  /** The level-5 occupation whose crosswalk match it inherits. */
  level5Uri: string;
}

/** ESCO's hierarchy is at most four occupation levels deep (5–8); a longer chain means a cycle or a wrong file. */
const MAX_DEPTH = 4;

/**
 * Every narrower occupation whose level-5 ancestor has a crosswalk match, carrying that match (code and
 * confidence) and its own labels. An occupation with more than one broader concept is an error: the
 * inheritance would not be defined.
 */
export function readNarrowerEscoOccupations(level5: readonly EscoOccupation[]): NarrowerEscoOccupation[] {
  const broaderOf = new Map<string, { type: string; uri: string }>();
  for (const row of readRecords(ESCO_BROADER_FILE, ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'])) {
    if (row.conceptType !== 'Occupation') continue;
    const uri = row.conceptUri ?? '';
    if (broaderOf.has(uri)) throw new Error(`${ESCO_BROADER_FILE} gives ${uri} more than one broader concept`);
    broaderOf.set(uri, { type: row.broaderType ?? '', uri: row.broaderUri ?? '' });
  }
  const matched = new Map(level5.map((occupation) => [occupation.uri, occupation]));
  const level5Of = (uri: string): string | undefined => {
    let current = broaderOf.get(uri);
    for (let depth = 0; current?.type === 'Occupation' && depth < MAX_DEPTH; depth += 1) {
      const next = broaderOf.get(current.uri);
      if (next?.type !== 'Occupation') return current.uri;
      current = next;
    }
    return undefined;
  };
  const narrower: NarrowerEscoOccupation[] = [];
  for (const row of readRecords(ESCO_ALL_OCCUPATIONS_FILE, ['conceptUri', 'preferredLabel', 'altLabels', 'iscoGroup'])) {
    const uri = row.conceptUri ?? '';
    if (broaderOf.get(uri)?.type !== 'Occupation') continue;
    const level5Uri = level5Of(uri);
    if (level5Uri === undefined) throw new Error(`${uri} has no level-5 occupation within ${MAX_DEPTH} steps up ESCO's hierarchy`);
    const match = matched.get(level5Uri);
    if (match === undefined) continue;
    narrower.push({
      uri,
      level5Uri,
      preferredLabel: (row.preferredLabel ?? '').trim(),
      altLabels: (row.altLabels ?? '').split('\n').map((text) => text.trim()).filter((text) => text !== ''),
      iscoCode: row.iscoGroup ?? '',
      onet2010Code: match.onet2010Code,
      confidence: match.confidence,
    });
  }
  return narrower;
}
