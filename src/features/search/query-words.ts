/**
 * The query side of search: which index words each query word matches (exactly, by kind or root,
 * by a typo, or as the start of the word being typed) and which rewrites of the query are tried
 * (abbreviations spelled out, compounds split, levels set aside).
 */
import { findNearWords } from './fuzzy-words.ts';
import { sameKindWords } from './kind-words.ts';
import type { SearchIndex } from './search-types.ts';
import { isLevelWord } from './search-text.ts';

const VARIANT_FACTOR = 0.99;
const MAX_PREFIX_COMPLETIONS = 10;
/** A word of the same kind ("head" for "supervisor") or root ("teaching" for "teacher") matches at this quality. */
const RELATED_WORD_QUALITY = 0.8;
/** A common relative ("management" for "manager") costs long postings and tells little. */
const MAX_RELATED_POSTINGS = 1500;
/**
 * Words in front of a title that give a rank within the same job: a "Lead Sewage Plant Operator"
 * operates the plant and a "Deputy Court Clerk" is a court clerk (SOC codes lead workers with the
 * workers they lead). Only in front: a "Team Lead" is a supervisor.
 */
const LEADING_RANK_WORDS: ReadonlySet<string> = new Set(['lead', 'deputy']);
/** A pay band before its number ("Band 5 Nurse", "Step 3 Clerk") is a grade, not a "Band Director". */
const PAY_SCALE_WORDS: ReadonlySet<string> = new Set(['band', 'step', 'scale', 'pay']);

/** Tells whether the token at this position is a rank word in front of the job ("lead" in "Lead Assembler", not in "Team Lead"). */
export function isLeadingRankWord(tokens: readonly string[], position: number): boolean {
  const [token = '', next = ''] = [tokens[position], tokens[position + 1]];
  if (PAY_SCALE_WORDS.has(token) && /^\d+$/.test(next)) return true;
  return position < tokens.length - 1 && LEADING_RANK_WORDS.has(token);
}
/** An unknown word read as its known last part ("paleobotanist" as "botanist") scores this share: a broader job. */
const TAIL_FACTOR = 0.9;
const MIN_TAIL = 5;
const MIN_TAIL_PREFIX = 3;
/** Words that say only "people" ("waitstaff" is not staff nursing): never read as the job on their own. */
const GENERIC_PEOPLE_WORDS: ReadonlySet<string> = new Set(['staff', 'worker', 'person', 'people', 'member', 'employee', 'personnel', 'crew', 'hand']);
/** A known compound ("toolmaker") is also tried as two words only when few titles use it. */
const RARE_COMPOUND = 5;

export interface WordMatch {
  id: number;
  quality: number;
}

export interface QueryToken {
  weight: number;
  matches: WordMatch[];
}

export interface Variant {
  tokens: string[];
  factor: number;
}

function prefixCompletions(index: SearchIndex, prefix: string): WordMatch[] {
  const words = index.sortedWords;
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] ?? '') < prefix) low = middle + 1;
    else high = middle;
  }
  const completions: WordMatch[] = [];
  for (let position = low; position < words.length; position += 1) {
    const word = words[position] ?? '';
    if (!word.startsWith(prefix)) break;
    if (word === prefix) continue;
    const id = index.wordIds.get(word);
    if (id !== undefined) completions.push({ id, quality: 0.6 + (0.3 * prefix.length) / word.length });
  }
  if (completions.length <= MAX_PREFIX_COMPLETIONS) return completions;
  return completions
    .sort((left, right) => (index.wordDocumentCount[right.id] ?? 0) - (index.wordDocumentCount[left.id] ?? 0) || left.id - right.id)
    .slice(0, MAX_PREFIX_COMPLETIONS);
}

function isMisspelledStopWord(token: string): boolean {
  if (token.length < 3 || token.length > 4) return false;
  const letters = [...token].sort().join('');
  for (const stop of ['and', 'the', 'for', 'with']) if ([...stop].sort().join('') === letters) return true;
  return false;
}

export function matchToken(index: SearchIndex, token: string, isLast: boolean): QueryToken | null {
  const exact = index.wordIds.get(token);
  const matches: WordMatch[] = [];
  if (exact !== undefined) {
    matches.push({ id: exact, quality: 1 });
    for (const word of sameKindWords(token)) {
      const id = index.wordIds.get(word);
      if (id !== undefined) matches.push({ id, quality: RELATED_WORD_QUALITY });
    }
    for (const id of index.rootWords[exact] ?? []) {
      // A common relative ("management" for "manager") costs long postings and tells little.
      if ((index.wordDocumentCount[id] ?? 0) > MAX_RELATED_POSTINGS || matches.some((match) => match.id === id)) continue;
      matches.push({ id, quality: RELATED_WORD_QUALITY });
    }
  } else if (index.description.wordIds.has(token) || index.military.words.has(token)) {
    // A real word no title uses ("sonar", "infantryman"): never "correct" it into a title word it is not.
  } else {
    if (isMisspelledStopWord(token)) return null;
    const maxDistance = token.length >= 7 ? 2 : token.length >= 4 ? 1 : 0;
    for (const near of findNearWords(index.fuzzy, token, maxDistance)) {
      matches.push({ id: near.id, quality: 0.95 - (0.5 * near.distance) / token.length });
    }
  }
  // Completing a word costs postings; do it for the word being typed, or for a word nothing else explains.
  if (token.length >= 3 && (isLast || matches.length === 0)) matches.push(...prefixCompletions(index, token));
  let weight = 0;
  if (exact !== undefined) weight = index.wordWeight[exact] ?? 0;
  else for (const match of matches) weight = Math.max(weight, index.wordWeight[match.id] ?? 0);
  // A word the index has never seen still counts, so titles that explain less of the query rank lower.
  if (weight === 0) weight = Math.log(1 + index.formTitle.length / 10);
  return { weight, matches };
}

/**
 * The longest known word an unknown word ends with ("botanist" in "paleobotanist", "fitter" in
 * "pipefitter"): in English compounds the last part names the job. Null when none is long enough
 * to mean something on its own.
 */
export function knownTail(index: SearchIndex, token: string): string | null {
  for (let cut = MIN_TAIL_PREFIX; cut <= token.length - MIN_TAIL; cut += 1) {
    const tail = token.slice(cut);
    if (index.wordIds.has(tail)) return GENERIC_PEOPLE_WORDS.has(tail) ? null : tail;
  }
  return null;
}

export function queryVariants(index: SearchIndex, tokens: readonly string[]): Variant[] {
  const variants: Variant[] = [{ tokens: [...tokens], factor: 1 }];
  // "Senior Staff Accountant II" is a staff accountant: a level is not a different job.
  const withoutLevel = tokens.filter((token, position) => !isLevelWord(token) && !isLeadingRankWord(tokens, position));
  if (withoutLevel.length > 0 && withoutLevel.length < tokens.length) variants.push({ tokens: withoutLevel, factor: VARIANT_FACTOR });
  for (const [position, token] of tokens.entries()) {
    for (const expansion of (index.abbreviations.get(token) ?? []).slice(0, 2)) {
      // "CNC Operator (Computer Numerical Control Operator)" already says what CNC stands for.
      if (expansion.tokens.every((word) => tokens.includes(word))) continue;
      variants.push({ tokens: [...tokens.slice(0, position), ...expansion.tokens, ...tokens.slice(position + 1)], factor: VARIANT_FACTOR });
    }
    const next = tokens[position + 1];
    if (next !== undefined && index.wordIds.has(token + next)) {
      variants.push({ tokens: [...tokens.slice(0, position), token + next, ...tokens.slice(position + 2)], factor: VARIANT_FACTOR });
    }
    // "Toolmaker" is also a "tool maker": split a compound into two title words even when it is known,
    // but only into words of four letters or more, so a known word is not cut into syllables.
    const id = index.wordIds.get(token);
    const known = id !== undefined;
    if (!known || (token.length >= 8 && (index.wordDocumentCount[id] ?? 0) <= RARE_COMPOUND)) {
      const shortest = known ? 4 : 2;
      let split = false;
      for (let cut = shortest; cut <= token.length - shortest && !split; cut += 1) {
        const [head, tail] = [token.slice(0, cut), token.slice(cut)];
        if (index.wordIds.has(head) && index.wordIds.has(tail)) {
          variants.push({ tokens: [...tokens.slice(0, position), head, tail, ...tokens.slice(position + 1)], factor: VARIANT_FACTOR });
          split = true;
        }
      }
      const tail = known || split ? null : knownTail(index, token);
      if (tail !== null) variants.push({ tokens: [...tokens.slice(0, position), tail, ...tokens.slice(position + 1)], factor: TAIL_FACTOR });
    }
  }
  return variants.slice(0, 8);
}

export interface QueryContext {
  /** The word the person may still be typing, completed by prefix; null once the query ends in a space. */
  typing: string | null;
  /** The query's head word as written ("commissioner" in "Commissioner of Agriculture"), or null. */
  head: string | null;
  matched: Map<string, QueryToken | null>;
}

export function matchTokenOnce(index: SearchIndex, token: string, isLast: boolean, context: QueryContext): QueryToken | null {
  const completes = isLast && token === context.typing;
  const key = completes ? `${token}…` : token;
  if (!context.matched.has(key)) context.matched.set(key, matchToken(index, token, completes));
  return context.matched.get(key) ?? null;
}
