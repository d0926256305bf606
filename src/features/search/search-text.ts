import { commonSpelling } from './spelling-variants.ts';

/**
 * How titles and queries are reduced to comparable tokens. The same functions run on both sides,
 * so a crude stemmer is enough: what matters is that "Nurses" and "nurse" meet, not linguistics.
 */

const STOP_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** Words that give a job's level or grade, not the job: "Senior", "Junior", "II", "Grade 3". */
const LEVEL_WORDS: ReadonlySet<string> = new Set(['senior', 'sr', 'junior', 'jr', 'principal', 'graduate', 'entry', 'level', 'grade', 'i', 'ii', 'iii', 'iv', '1', '2', '3', '4', '5']);

/** Tells whether a stemmed token only gives a level or grade ("senior", "ii"). */
export function isLevelWord(token: string): boolean {
  return LEVEL_WORDS.has(token);
}

/** Tells whether a normalized token carries no meaning for matching ("and", "of", "the"…). */
export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}

/** Lower-cases a text and reduces it to letters, digits and single spaces ("R&D Manager's" → "rd managers"). */
export function normalizeText(text: string): string {
  // Every step is skipped only where it cannot change the text: ASCII has nothing to decompose, and the
  // "&" and "++" patterns cannot match without those characters. Task statements (compare) and titles
  // are nearly all ASCII without "&"; this way they cost a seventh of running every pattern.
  let lowered = ASCII_ONLY.test(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (lowered.includes('&')) {
    lowered = lowered
      // "R&D", "O & M": a one-letter pair joined by "&" is an acronym, not two words.
      .replace(/\b([a-z])\s*&\s*([a-z])\b/g, '$1$2')
      .replace(/&/g, ' and ');
  }
  if (lowered.includes('++')) lowered = lowered.replace(/\+\+/g, 'pp');
  return lowered
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

// Building the index stems ~170k words of which ~15k differ; queries reuse the same words. Bounded, so queries cannot grow it without limit.
const STEM_CACHE_LIMIT = 50_000;
const stems = new Map<string, string>();

/** Reduces a word to a singular stem in one spelling, so plurals, possessives, British and gendered forms match ("secretaries" → "secretary", "labourers" → "laborer"). */
export function stemToken(token: string): string {
  let stem = stems.get(token);
  if (stem === undefined) {
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stem = commonSpelling(singular(token));
    stems.set(token, stem);
  }
  return stem;
}

function singular(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  if (token.endsWith('men') && token.length >= 5) return `${token.slice(0, -3)}man`;
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith('sses')) return token.slice(0, -2);
  if (/(?:x|ch|sh|z)es$/.test(token)) return token.slice(0, -2);
  if (/(?:ss|us|is)$/.test(token)) return token;
  if (token.endsWith('s')) return token.slice(0, -1);
  return token;
}

/** Splits a text into stemmed tokens, dropping stop words unless nothing else is left. */
export function tokenize(text: string): string[] {
  const words = normalizeText(text).split(' ').filter((word) => word !== '');
  const meaningful = words.filter((word) => !isStopWord(word));
  return (meaningful.length > 0 ? meaningful : words).map(stemToken);
}

/** Builds the order-insensitive key under which two texts count as the same title. */
export function exactKey(tokens: readonly string[]): string {
  return [...new Set(tokens)].sort().join(' ');
}

/** Splits "Registered Nurse (RN)" into the forms a person might type: the whole, "Registered Nurse" and "RN". */
export function titleForms(text: string): string[] {
  // O*NET's "Teachers, Except Special Education" names what the occupation is not: never match it.
  const except = /,?\s+except\b/i.exec(text);
  if (except) return [text.slice(0, except.index).trim()];
  const match = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(text);
  if (!match) return [text];
  const outside = match[1]?.trim() ?? '';
  const inside = match[2]?.trim() ?? '';
  return [text, outside, inside].filter((form) => form !== '');
}

/**
 * A query read the way titleForms reads O*NET's titles: what follows "except" (or the Census index's
 * "exc") names work the job is not, so it is cut ("Mechanic tractor exc garden" → "Mechanic tractor").
 * Only when a word precedes it and another follows, so "sales exc" while typing "sales excavator" stays.
 */
export function withoutExclusion(text: string): string {
  // A word-bounded literal search and loops instead of one pattern with a leading separator run:
  // that pattern backtracks quadratically over long runs of spaces (40,000 took 2 s).
  for (const match of text.matchAll(EXCLUSION_WORD)) {
    const start = match.index;
    if (start === 0 || !EXCLUSION_SEPARATORS.has(text[start - 1] ?? '')) continue;
    if (!hasWordAfter(text, start + match[0].length)) continue;
    let end = start;
    while (end > 0 && EXCLUSION_SEPARATORS.has(text[end - 1] ?? '')) end -= 1;
    const before = text.slice(0, end).trim();
    return tokenize(before).length > 0 ? before : text;
  }
  return text;
}

const EXCLUSION_WORD = /\b(?:except|exc)\b/gi;
const EXCLUSION_SEPARATORS = new Set([' ', '\t', '\n', '\r', ',', '(']);
const AFTER_EXCLUSION_SEPARATORS = new Set([' ', '\t', '\n', '\r', '.', ',', ')']);

function hasWordAfter(text: string, from: number): boolean {
  let at = from;
  while (at < text.length && AFTER_EXCLUSION_SEPARATORS.has(text[at] ?? '')) at += 1;
  return at < text.length && !/\s/.test(text[at] ?? '');
}

const MAX_QUERY_LENGTH = 200;

/** Trims a typed query and cuts it to a length the index is built for. */
export function normalizeQuery(raw: string | null | undefined): string {
  return (raw ?? '').trim().slice(0, MAX_QUERY_LENGTH);
}
