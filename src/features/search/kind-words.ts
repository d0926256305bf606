/**
 * Kind words say what sort of worker a title names within a trade: the helper, the apprentice,
 * the supervisor, the technician or the engineer. "Toolmaker" and "Toolmaker Helper" share their
 * trade but not their kind, so a match that adds or drops a kind word is a different job.
 */
import { isStopWord, normalizeText, stemToken } from './search-text.ts';

export const KIND = {
  supervise: 1,
  manage: 2,
  help: 4,
  apprentice: 8,
  technician: 16,
  technologist: 32,
  engineer: 64,
} as const;

/** Stemmed kind words (as tokenize() leaves them) and the kind each names. */
const KIND_OF_WORD: ReadonlyMap<string, number> = new Map([
  ['supervisor', KIND.supervise],
  ['supervising', KIND.supervise],
  ['supervisory', KIND.supervise],
  ['head', KIND.supervise],
  ['chief', KIND.supervise],
  ['lead', KIND.supervise],
  ['foreman', KIND.supervise],
  ['forewoman', KIND.supervise],
  ['foreperson', KIND.supervise],
  ['superintendent', KIND.supervise],
  ['manager', KIND.manage],
  ['director', KIND.manage],
  ['helper', KIND.help],
  ['aide', KIND.help],
  ['assistant', KIND.help],
  ['apprentice', KIND.apprentice],
  ['trainee', KIND.apprentice],
  ['technician', KIND.technician],
  ['tech', KIND.technician],
  ['technologist', KIND.technologist],
  ['engineer', KIND.engineer],
]);

/** Words of the same kind a query word may stand for ("head custodian" is a "custodian supervisor"). */
const SAME_KIND: Readonly<Record<number, readonly string[]>> = {
  [KIND.supervise]: ['supervisor', 'head', 'chief', 'lead', 'foreman', 'superintendent'],
};

/** How much of a score is kept when a title adds or drops a kind word the query has or lacks. */
const DIFFERENT_KIND = 0.85;
/** Supervising and managing are neighbours: a "head custodian" may be a "janitorial manager". */
const NEIGHBOUR_KIND = 0.95;
/** An apprentice does the trade's own work: O*NET files apprentices under the trade itself. */
const APPRENTICE_KIND = 0.97;

/** The kinds a stemmed word names, as a bit mask (0 for an ordinary word). */
export function kindOfWord(token: string): number {
  return KIND_OF_WORD.get(token) ?? 0;
}

/** The kinds a list of stemmed tokens names, as a bit mask. */
export function kindMask(tokens: readonly string[]): number {
  let mask = 0;
  for (const token of tokens) mask |= kindOfWord(token);
  return mask;
}

/** The other words of the same kind a query word can match, or none for an ordinary word. */
export function sameKindWords(token: string): readonly string[] {
  const kind = kindOfWord(token);
  return (SAME_KIND[kind] ?? []).filter((word) => word !== token);
}

/** A title whose head is of another kind ("Toolmaker Helper" for "Toolmaker") keeps this share on top. */
const DIFFERENT_HEAD_KIND = 0.8;
const LEADING = KIND.supervise | KIND.manage;

/**
 * The kind of a title's head: its last word's kind ("Teaching Aide" is an aide), or a supervising
 * word anywhere in front ("Head Custodian" is a supervisor); 0 for a plain worker.
 */
export function headKind(tokens: readonly string[]): number {
  const last = kindOfWord(tokens.at(-1) ?? '');
  return last !== 0 ? last : kindMask(tokens) & LEADING;
}

/** The share of a score a title keeps when its kinds differ from the query's (1 when they agree). */
export function kindAgreement(queryMask: number, titleMask: number, queryHead = 0, titleHead = 0): number {
  const headsDiffer = queryHead !== titleHead && !((queryHead & LEADING) !== 0 && (titleHead & LEADING) !== 0) && ((queryHead | titleHead) & KIND.apprentice) === 0;
  return (headsDiffer ? DIFFERENT_HEAD_KIND : 1) * kindsAgreement(queryMask, titleMask);
}

function kindsAgreement(queryMask: number, titleMask: number): number {
  let missing = queryMask & ~titleMask;
  let extra = titleMask & ~queryMask;
  let factor = 1;
  const swapped = ((missing & KIND.supervise) !== 0 && (extra & KIND.manage) !== 0) || ((missing & KIND.manage) !== 0 && (extra & KIND.supervise) !== 0);
  if (swapped) {
    factor *= NEIGHBOUR_KIND;
    missing &= ~(KIND.supervise | KIND.manage);
    extra &= ~(KIND.supervise | KIND.manage);
  }
  for (const mask of [missing, extra]) {
    if (mask & KIND.apprentice) factor *= APPRENTICE_KIND;
    if (mask & ~KIND.apprentice) factor *= DIFFERENT_KIND;
  }
  return factor;
}

/**
 * The word that names the trade: the last word that is neither a kind word nor a stop word
 * ("custodian" in "Head Custodian", "carpenter" in "Carpenter Apprentice"), or null.
 */
export function headWord(tokens: readonly string[]): string | null {
  for (let position = tokens.length - 1; position >= 0; position -= 1) {
    const token = tokens[position] ?? '';
    if (kindOfWord(token) === 0 && !isStopWord(token)) return token;
  }
  return null;
}

/**
 * The head word of a title as typed: before "of" when there is one ("Commissioner of Agriculture"
 * → "commissioner"), after it when only a kind word comes first ("Head of Marketing" → "marketing").
 */
export function headWordOfText(text: string): string | null {
  const words = normalizeText(text).split(' ').filter((word) => word !== '');
  const of = words.indexOf('of');
  const stems = (part: readonly string[]) => part.filter((word) => !isStopWord(word)).map(stemToken);
  if (of > 0) return headWord(stems(words.slice(0, of))) ?? headWord(stems(words.slice(of + 1)));
  return headWord(stems(words));
}
