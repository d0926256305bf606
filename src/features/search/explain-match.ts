/**
 * Says in one short sentence why a result matched: the curated reason of an office title, the
 * alternate title typed, or for a partial match the closest title, the head word it shares, the
 * words only its description uses and any typo read as another word.
 */
import { boundedEditDistance } from './fuzzy-words.ts';
import { queryDomains } from './domain-scoring.ts';
import { headWord, kindMask, kindOfWord } from './kind-words.ts';
import type { SearchIndex } from './search-types.ts';
import { isLeadingRankWord } from './query-words.ts';
import { isLevelWord } from './search-text.ts';

export interface MatchFacts {
  /** The query's stemmed tokens. */
  query: readonly string[];
  /** The form whose title is shown as matched. */
  form: number;
  /** True when the title was typed as a whole (any order, plural, abbreviation). */
  exact: boolean;
  /** The entry's title form nearest to the query by the learned matcher, or null when none of its titles was among the nearest. */
  neighbour?: number | null;
  /** True when only the learned matcher found this entry, no title tier. */
  neighbourOnly?: boolean;
  /** The domain row (domain-words.ts) one of the query's words named and this entry belongs to, or null. */
  domain?: number | null;
}

const KIND_LABEL = { onet: 'the O*NET title', alternate: 'an O*NET alternate title', short: 'an O*NET short title', reported: 'a title workers report', alias: 'an alias', census: 'an official title of the Census occupation index', esco: 'a title of the European classification of occupations (ESCO)' } as const;

function formWords(index: SearchIndex, form: number): string[] {
  const words: string[] = [];
  for (let at = index.formWordStart[form] ?? 0; at < (index.formWordStart[form + 1] ?? 0); at += 1) words.push(index.wordsById[index.formWordIds[at] ?? 0] ?? '');
  return words;
}

function describes(index: SearchIndex, entry: number, word: string): boolean {
  const id = index.description.wordIds.get(word);
  const list = id === undefined ? undefined : index.description.postings[id];
  if (!list) return false;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] ?? 0) < entry) low = middle + 1;
    else high = middle;
  }
  return list[low] === entry;
}

const quote = (text: string) => `“${text}”`;

/**
 * "“a”, “b”" with `prefix` before each word. A plain loop: `map` and spreads over these word lists,
 * empty for most results and full for a few, cost this hot function its optimised code again and again.
 */
function quotedList(words: readonly string[], prefix = ''): string {
  let list = '';
  for (let at = 0; at < words.length; at += 1) list += `${at === 0 ? '' : ', '}${prefix}${quote(words[at] ?? '')}`;
  return list;
}

/** "“brief” is a legal paper (WordNet): lawyers and paralegals draft legal papers". */
function explainDomain(index: SearchIndex, query: readonly string[], row: number): string | null {
  const domain = index.domains.rows[row];
  const named = queryDomains(index.domains, query, null).find((found) => found.row === row);
  if (!domain || !named) return null;
  return `${quote(named.words)} is ${domain.gloss} (WordNet): ${domain.reason}`;
}

/** Explains one result: entry is its position in the index, facts what the ranking knew about its match. */
export function explainMatch(index: SearchIndex, entry: number, facts: MatchFacts): string {
  const found = index.entries[entry];
  const matched = index.formTitle[facts.form] ?? '';
  const reason = index.formReason[facts.form];
  if (reason) return `${matched} → ${found?.title ?? ''}: ${reason}`;
  const words = formWords(index, facts.form);
  const levels = facts.query.filter((token, position) => (isLevelWord(token) || isLeadingRankWord(facts.query, position)) && !words.includes(token));
  const levelNote = levels.length > 0 ? ` (level set aside: ${quotedList(levels)})` : '';
  const domain = facts.domain ?? null;
  const domainNote = domain === null ? null : explainDomain(index, facts.query, domain);
  if (facts.exact) {
    const inDomain = domainNote === null ? '' : `; ${domainNote}`;
    if (index.formPrimary[facts.form] === 1) return `Matches the occupation’s own title${levelNote}${inDomain}`;
    return `Matches ${found?.expert ? 'an alias of this role' : KIND_LABEL[index.formKind[facts.form] ?? 'alternate']}: ${quote(matched)}${levelNote}${inDomain}`;
  }
  const neighbour = facts.neighbour ?? null;
  const similar = neighbour === null ? null : (index.formTitle[neighbour] ?? null);
  if (facts.neighbourOnly === true) {
    return `Resembles ${similar === null ? quote(matched) : quote(similar)}, a title filed under ${found?.title ?? ''} (nearest known titles, by word parts)${levelNote}`;
  }
  const parts = [`Closest title ${quote(matched)}`];
  for (const token of facts.query) {
    if (words.includes(token)) continue;
    const expansion = (index.abbreviations.get(token) ?? []).slice(0, 2).find((candidate) => candidate.tokens.every((word) => words.includes(word)));
    if (expansion) parts.push(`${quote(token)} read as ${quote(expansion.tokens.join(' '))}`);
  }
  const head = headWord(facts.query);
  if (head !== null && words.includes(head)) parts.push(`same head word ${quote(head)}`);
  const queryKinds = kindMask(facts.query);
  const titleKinds = kindMask(words);
  const added = words.filter((word) => (kindOfWord(word) & ~queryKinds) !== 0);
  const dropped = facts.query.filter((word) => (kindOfWord(word) & ~titleKinds) !== 0);
  if (added.length > 0 || dropped.length > 0) {
    parts.push(`a different kind of job${added.length > 0 ? `, ${quotedList(added, 'adds ')}` : ''}${dropped.length > 0 ? `, ${quotedList(dropped, 'without ')}` : ''}`);
  }
  const described = facts.query.filter((token) => !words.includes(token) && describes(index, entry, token));
  if (described.length > 0) parts.push(`its description mentions ${quotedList(described)}`);
  for (const token of facts.query) {
    if (index.wordIds.has(token) || index.description.wordIds.has(token) || token.length < 4) continue;
    const near = words.find((word) => boundedEditDistance(token, word, 2) <= 2);
    if (near !== undefined) parts.push(`read ${quote(token)} as ${quote(near)}`);
  }
  if (similar !== null && similar !== matched) parts.push(`similar titles filed here, such as ${quote(similar)}`);
  if (domainNote !== null) parts.push(domainNote);
  return `${parts.join('; ')}${levelNote}`;
}
