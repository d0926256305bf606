/**
 * How domain words (domain-words.ts) enter the ranking: when a word of the query other than its
 * head word names a domain ("brief" in "Brief Writer"), the domain's occupations that a title tier
 * found, by a title that keeps the head word, gain a little. When a title was typed exactly the
 * domains are not asked at all.
 */
import { DOMAIN_ROWS, domainWords, type DomainRow } from './domain-words.ts';
import { headKind, kindAgreement, kindMask } from './kind-words.ts';
import type { SearchIndex } from './search-types.ts';
import { tokenize } from './search-text.ts';

/** A found occupation of the query's domain gains this much. */
const DOMAIN_BONUS = 0.1;
/** A found occupation of the query's domain scores at least this (less 0.001 per place in the row). */
const DOMAIN_FLOOR = 0.6;
/** A title typed without its level ("Teacher" for "Grade 3 Teacher") gains this much in the query's domain: enough to break a tie, not to pass a title typed whole (0.98). */
const DOMAIN_TIE_BREAK = 0.005;
/** A domain bonus keeps a partial match below a title typed exactly (0.97 and up). */
const DOMAIN_CEILING = 0.96;

export interface DomainIndex {
  rows: readonly DomainRow[];
  /** The domain words, as token lists ("nursery school" → ["nursery", "school"]), with their row. */
  phrases: readonly { tokens: readonly string[]; row: number }[];
  /** The phrases whose first token is the key, by position in phrases. */
  byFirstToken: Map<string, number[]>;
  /** The entries of each row's occupations, in the row's order. */
  rowEntries: readonly (readonly number[])[];
  /** The entry's primary form (its own title), whose kind words the floor compares with the query's. */
  entryPrimaryForm: Int32Array;
}

/** Builds the domain words' index over the entries; primaryForm gives each entry's own title form. */
export function buildDomainIndex(entries: readonly { onetCode: string | null; expert?: boolean }[], entryPrimaryForm: Int32Array, rows: readonly DomainRow[] = DOMAIN_ROWS): DomainIndex {
  const phrases: { tokens: string[]; row: number }[] = [];
  const byFirstToken = new Map<string, number[]>();
  for (const [row, domain] of rows.entries()) {
    const seen = new Set<string>();
    for (const word of domainWords(domain)) {
      const tokens = tokenize(word.replace(/[_-]/g, ' '));
      const key = tokens.join(' ');
      if (tokens.length === 0 || seen.has(key)) continue;
      seen.add(key);
      byFirstToken.set(tokens[0] ?? '', [...(byFirstToken.get(tokens[0] ?? '') ?? []), phrases.length]);
      phrases.push({ tokens, row });
    }
  }
  const byCode = new Map<string, number>();
  for (const [position, entry] of entries.entries()) if (!entry.expert && entry.onetCode !== null && !byCode.has(entry.onetCode)) byCode.set(entry.onetCode, position);
  const rowEntries = rows.map((domain) => domain.onetCodes.flatMap((code) => (byCode.has(code) ? [byCode.get(code) ?? 0] : [])));
  return { rows, phrases, byFirstToken, rowEntries, entryPrimaryForm };
}

/** The domains named by the query's words other than its head word, each with the words that named it ("brief"), in row order. */
export function queryDomains(domains: DomainIndex, tokens: readonly string[], head: string | null): { row: number; words: string }[] {
  const found = new Map<number, string>();
  for (const token of tokens) {
    for (const phrase of domains.byFirstToken.get(token) ?? []) {
      const { tokens: words, row } = domains.phrases[phrase] ?? { tokens: [], row: -1 };
      if (found.has(row) || !words.every((word) => tokens.includes(word))) continue;
      if (head !== null && words.includes(head)) continue;
      found.set(row, words.join(' '));
    }
  }
  return [...found].sort(([left], [right]) => left - right).map(([row, words]) => ({ row, words }));
}

/**
 * Raises the domain's occupations among the entries found so far, when their matched title keeps
 * the query's head word: the head word says what the job is, the domain word where it is done, so
 * an "Elementary School Nurse" stays a nurse and an "Affidavit Clerk" a clerk. Marks each raised
 * entry in scratch.entryDomain with its row plus one.
 */
export function addDomainVotes(index: SearchIndex, tokens: readonly string[], head: string | null, count: number): void {
  const { entryBest, entryForm, entryTyped, entryExact, entryStack, entryDomain } = index.scratch;
  if (head === null) return;
  const found = queryDomains(index.domains, tokens, head);
  if (found.length === 0) return;
  for (let position = 0; position < count; position += 1) if ((entryTyped[entryStack[position] ?? 0] ?? -1) >= 0) return;
  const headId = index.wordIds.get(head);
  const keepsHead = (form: number) => {
    for (let at = index.formWordStart[form] ?? 0; at < (index.formWordStart[form + 1] ?? 0); at += 1) if (index.formWordIds[at] === headId) return true;
    return false;
  };
  const queryKinds = kindMask(tokens);
  const queryHeadKind = headKind(tokens);
  for (const { row } of found) {
    for (const [place, entry] of (index.domains.rowEntries[row] ?? []).entries()) {
      if ((entryDomain[entry] ?? 0) !== 0 || (entryBest[entry] ?? -1) < 0 || !keepsHead(entryForm[entry] ?? 0)) continue;
      const best = entryBest[entry] ?? 0;
      if (entryExact[entry] === 1) {
        // Siblings that tie on a title typed without its level ("Teacher" for "Grade 3 Teacher"): the domain breaks the tie.
        entryBest[entry] = best + DOMAIN_TIE_BREAK;
      } else {
        // A title that keeps the head word, in the domain the query names, is worth at least this much, less what its kind words disagree.
        const own = index.domains.entryPrimaryForm[entry] ?? 0;
        const kinds = kindAgreement(queryKinds, index.formKindMask[own] ?? 0, queryHeadKind, index.formHeadKind[own] ?? 0);
        entryBest[entry] = Math.min(DOMAIN_CEILING, Math.max((DOMAIN_FLOOR - 0.001 * place) * kinds, best + DOMAIN_BONUS));
      }
      entryDomain[entry] = row + 1;
    }
  }
}
