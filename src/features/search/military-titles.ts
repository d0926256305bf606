import { MILITARY_GROUPS, type MilitaryGroup } from './office-titles.ts';
import { exactKey, tokenize } from './search-text.ts';

/** Words that name the service, not the job: "Army Sergeant" is a sergeant. */
const SERVICE_WORDS: ReadonlySet<string> = new Set(tokenize('army navy air force marines marine corps usmc usaf us military national guard reserve'));

export interface MilitaryTitles {
  /** Each military title's key (as exactKey builds it) and its group. */
  byKey: Map<string, MilitaryGroup>;
  /** Every word of a military title, so none is "corrected" into a civilian word. */
  words: Set<string>;
}

/** Builds the lookup of military titles from the curated groups. */
export function buildMilitaryTitles(groups: readonly MilitaryGroup[] = MILITARY_GROUPS): MilitaryTitles {
  const byKey = new Map<string, MilitaryGroup>();
  const words = new Set<string>();
  for (const group of groups) {
    for (const title of group.titles) {
      const tokens = tokenize(title);
      byKey.set(exactKey(tokens), group);
      for (const token of tokens) words.add(token);
    }
  }
  return { byKey, words };
}

/**
 * Finds the military group a query names, once the service words are set aside ("US Army
 * Sergeant" → sergeant). A title that is also a civilian title of the index ("Trooper" for state
 * police) is civilian, and a query with any other word ("Police Sergeant") is not military.
 */
export function findMilitaryGroup(military: MilitaryTitles, tokens: readonly string[], isCivilianTitle: (key: string) => boolean): MilitaryGroup | null {
  const whole = exactKey(tokens);
  const job = exactKey(tokens.filter((token) => !SERVICE_WORDS.has(token)));
  const key = military.byKey.has(whole) ? whole : job;
  const group = military.byKey.get(key);
  if (group === undefined || isCivilianTitle(key) || isCivilianTitle(whole)) return null;
  return group;
}
