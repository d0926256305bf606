import { buildAbbreviations, type Expansion } from './abbreviations.ts';
import { buildFuzzyVocabulary, findNearWords, type FuzzyVocabulary } from './fuzzy-words.ts';
import { exactKey, titleForms, tokenize } from './search-text.ts';

/** Where a title comes from: O*NET's own title, its alternate and short titles, titles workers reported, or an expert role's alias. */
export type TitleKind = 'onet' | 'alternate' | 'short' | 'reported' | 'alias';

export interface SearchTitle {
  text: string;
  kind: TitleKind;
}

/** One thing a search can find: an O*NET occupation or an expert-assessed role, with every title it goes by. */
export interface SearchEntry {
  slug: string;
  title: string;
  onetCode: string | null;
  socCode: string | null;
  /** True for a role with an expert assessment; it wins ties against occupations. */
  expert?: boolean;
  /** How many people hold the job (BLS employment); breaks ties between equally good matches toward the common job. */
  employment?: number | null;
  titles: SearchTitle[];
}

export interface SearchResult {
  slug: string;
  title: string;
  socCode: string | null;
  onetCode: string | null;
  /** The title the query matched, as written in the source ("RN" for the query "rn"). */
  matchedTitle: string;
  /** 1 for the occupation's own title typed exactly; lower for alternates, partial and fuzzy matches. */
  score: number;
}

export interface SearchOptions {
  limit?: number;
}

/** The in-memory index: titles split into forms ("Registered Nurse (RN)" → itself, "Registered Nurse", "RN"), with postings per word. */
export interface SearchIndex {
  entries: readonly SearchEntry[];
  formEntry: Int32Array;
  formTitle: readonly string[];
  formFactor: Float64Array;
  formPrimary: Uint8Array;
  formWeight: Float64Array;
  exactForms: Map<string, number[]>;
  wordIds: Map<string, number>;
  sortedWords: readonly string[];
  wordWeight: Float64Array;
  wordDocumentCount: Int32Array;
  postings: readonly Int32Array[];
  fuzzy: FuzzyVocabulary;
  abbreviations: Map<string, Expansion[]>;
  /** How common each entry's job is, on the scale of a title score; breaks ties toward the common job. */
  entryPrior: Float64Array;
  scratch: Scratch;
}

interface Scratch {
  tokenQuery: Float64Array;
  tokenTitle: Float64Array;
  query: Float64Array;
  title: Float64Array;
  best: Float64Array;
  entryBest: Float64Array;
  entryForm: Int32Array;
  entrySupport: Float64Array;
  entryOwnTitle: Float64Array;
  entryStack: Int32Array;
  tokenStack: Int32Array;
  formStack: Int32Array;
  touched: { forms: Int32Array; count: number };
  typedExactly: Uint8Array;
  entryTyped: Int32Array;
}

/** Exact-match score by kind of title: the occupation's own title beats an alternate, which beats a reported one. */
const KIND_FACTOR: Readonly<Record<TitleKind, number>> = { onet: 0.98, alternate: 0.98, short: 0.98, alias: 0.98, reported: 0.97 };
const KIND_ORDER: Readonly<Record<TitleKind, number>> = { onet: 0, alias: 1, alternate: 2, short: 3, reported: 4 };
const PARTIAL_CEILING = 0.9;
const QUERY_COVERAGE_SHARE = 0.6;
const VARIANT_FACTOR = 0.99;
const MAX_QUERY_TOKENS = 12;
const PRIOR_EMPLOYMENT_WEIGHT = 0.05;
const MAX_PREFIX_COMPLETIONS = 10;

interface FormDraft {
  entry: number;
  title: string;
  tokens: string[];
  key: string;
  primary: boolean;
  whole: boolean;
  kind: TitleKind;
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function preferForm(left: FormDraft, right: FormDraft): number {
  return (
    Number(right.primary) - Number(left.primary) ||
    Number(right.whole) - Number(left.whole) ||
    KIND_ORDER[left.kind] - KIND_ORDER[right.kind] ||
    left.title.length - right.title.length ||
    compareText(left.title, right.title)
  );
}

function draftForms(entries: readonly SearchEntry[]): FormDraft[] {
  const drafts: FormDraft[] = [];
  for (const [entryIndex, entry] of entries.entries()) {
    const primaryKey = exactKey(tokenize(titleForms(entry.title)[0] ?? entry.title));
    const byKey = new Map<string, FormDraft>();
    const titles: SearchTitle[] = [{ text: entry.title, kind: entry.expert ? 'alias' : 'onet' }, ...entry.titles];
    for (const title of titles) {
      for (const [position, form] of titleForms(title.text).entries()) {
        const tokens = [...new Set(tokenize(form))];
        if (tokens.length === 0) continue;
        const key = exactKey(tokens);
        const draft: FormDraft = { entry: entryIndex, title: title.text, tokens, key, primary: key === primaryKey, whole: position === 0, kind: title.kind };
        const existing = byKey.get(key);
        if (existing === undefined || preferForm(draft, existing) < 0) byKey.set(key, draft);
      }
    }
    drafts.push(...[...byKey.values()].sort(preferForm));
  }
  return drafts;
}

/** Builds the search index over occupations and roles; entries keep their order for the final tie-break. */
export function buildSearchIndex(entries: readonly SearchEntry[]): SearchIndex {
  const drafts = draftForms(entries);
  const formCount = drafts.length;
  const wordIds = new Map<string, number>();
  const formWords: number[][] = [];
  const documentCount: number[] = [];
  for (const draft of drafts) {
    const ids = draft.tokens.map((token) => {
      let id = wordIds.get(token);
      if (id === undefined) {
        id = wordIds.size;
        wordIds.set(token, id);
        documentCount.push(0);
      }
      documentCount[id] = (documentCount[id] ?? 0) + 1;
      return id;
    });
    formWords.push(ids);
  }
  const wordCount = wordIds.size;
  const wordWeight = new Float64Array(wordCount);
  for (let id = 0; id < wordCount; id += 1) wordWeight[id] = Math.log(1 + formCount / (documentCount[id] ?? 1));
  const postingLists = Array.from({ length: wordCount }, (_, id) => new Int32Array(documentCount[id] ?? 0));
  const filled = new Int32Array(wordCount);
  const formEntry = new Int32Array(formCount);
  const formFactor = new Float64Array(formCount);
  const formPrimary = new Uint8Array(formCount);
  const formWeight = new Float64Array(formCount);
  const exactForms = new Map<string, number[]>();
  for (const [formId, draft] of drafts.entries()) {
    formEntry[formId] = draft.entry;
    formPrimary[formId] = draft.primary ? 1 : 0;
    formFactor[formId] = draft.primary ? 1 : KIND_FACTOR[draft.kind];
    let weight = 0;
    for (const id of formWords[formId] ?? []) {
      weight += wordWeight[id] ?? 0;
      const list = postingLists[id];
      if (list) list[(filled[id] = (filled[id] ?? 0) + 1) - 1] = formId;
    }
    formWeight[formId] = weight;
    const sameKey = exactForms.get(draft.key);
    if (sameKey) sameKey.push(formId);
    else exactForms.set(draft.key, [formId]);
  }
  const words = [...wordIds.keys()];
  const abbreviations = buildAbbreviations(entries.flatMap((entry) => entry.titles.map((title) => title.text)));
  return {
    entries,
    formEntry,
    formTitle: drafts.map((draft) => draft.title),
    formFactor,
    formPrimary,
    formWeight,
    exactForms,
    wordIds,
    sortedWords: [...words].sort(compareText),
    wordWeight,
    wordDocumentCount: Int32Array.from(documentCount),
    postings: postingLists,
    fuzzy: buildFuzzyVocabulary(words),
    abbreviations,
    entryPrior: Float64Array.from(entries, (entry) => PRIOR_EMPLOYMENT_WEIGHT * Math.log10(10 + (entry.employment ?? 0))),
    scratch: {
      tokenQuery: new Float64Array(formCount),
      tokenTitle: new Float64Array(formCount),
      query: new Float64Array(formCount),
      title: new Float64Array(formCount),
      best: new Float64Array(formCount),
      entryBest: new Float64Array(entries.length).fill(-1),
      entryForm: new Int32Array(entries.length),
      entrySupport: new Float64Array(entries.length),
      entryOwnTitle: new Float64Array(entries.length),
      entryStack: new Int32Array(entries.length),
      tokenStack: new Int32Array(formCount),
      formStack: new Int32Array(formCount),
      touched: { forms: new Int32Array(formCount), count: 0 },
      typedExactly: new Uint8Array(formCount),
      entryTyped: new Int32Array(entries.length),
    },
  };
}

interface WordMatch {
  id: number;
  quality: number;
}

interface QueryToken {
  weight: number;
  matches: WordMatch[];
}

interface Variant {
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

function matchToken(index: SearchIndex, token: string, isLast: boolean): QueryToken | null {
  const exact = index.wordIds.get(token);
  const matches: WordMatch[] = [];
  if (exact !== undefined) matches.push({ id: exact, quality: 1 });
  else {
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

function queryVariants(index: SearchIndex, tokens: readonly string[]): Variant[] {
  const variants: Variant[] = [{ tokens: [...tokens], factor: 1 }];
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
    if (!index.wordIds.has(token)) {
      for (let cut = 2; cut <= token.length - 2; cut += 1) {
        const [head, tail] = [token.slice(0, cut), token.slice(cut)];
        if (index.wordIds.has(head) && index.wordIds.has(tail)) {
          variants.push({ tokens: [...tokens.slice(0, position), head, tail, ...tokens.slice(position + 1)], factor: VARIANT_FACTOR });
          break;
        }
      }
    }
  }
  return variants.slice(0, 8);
}

interface QueryContext {
  /** The word the person may still be typing, completed by prefix; null once the query ends in a space. */
  typing: string | null;
  matched: Map<string, QueryToken | null>;
}

function matchTokenOnce(index: SearchIndex, token: string, isLast: boolean, context: QueryContext): QueryToken | null {
  const completes = isLast && token === context.typing;
  const key = completes ? `${token}…` : token;
  if (!context.matched.has(key)) context.matched.set(key, matchToken(index, token, completes));
  return context.matched.get(key) ?? null;
}

function scoreVariant(index: SearchIndex, variant: Variant, context: QueryContext): void {
  const { tokenQuery, tokenTitle, query, title, best, tokenStack, formStack, touched } = index.scratch;
  const tokens: QueryToken[] = [];
  for (const [position, token] of variant.tokens.entries()) {
    const matched = matchTokenOnce(index, token, position === variant.tokens.length - 1, context);
    if (matched) tokens.push(matched);
  }
  const queryWeight = tokens.reduce((sum, token) => sum + token.weight, 0);
  if (queryWeight === 0) return;
  let formCount = 0;
  for (const token of tokens) {
    let tokenFormCount = 0;
    for (const match of token.matches) {
      const list = index.postings[match.id];
      if (!list) continue;
      const onQuery = match.quality * token.weight;
      const onTitle = match.quality * (index.wordWeight[match.id] ?? 0);
      for (let position = 0; position < list.length; position += 1) {
        const form = list[position] ?? 0;
        const seen = tokenQuery[form] ?? 0;
        if (seen === 0) tokenStack[tokenFormCount++] = form;
        if (onQuery > seen) tokenQuery[form] = onQuery;
        if (onTitle > (tokenTitle[form] ?? 0)) tokenTitle[form] = onTitle;
      }
    }
    for (let position = 0; position < tokenFormCount; position += 1) {
      const form = tokenStack[position] ?? 0;
      if ((query[form] ?? 0) === 0) formStack[formCount++] = form;
      query[form] = (query[form] ?? 0) + (tokenQuery[form] ?? 0);
      title[form] = (title[form] ?? 0) + (tokenTitle[form] ?? 0);
      tokenQuery[form] = 0;
      tokenTitle[form] = 0;
    }
  }
  const keep = (form: number, score: number) => {
    const previous = best[form] ?? 0;
    if (previous === 0) touched.forms[touched.count++] = form;
    if (score > previous) best[form] = score;
  };
  for (let position = 0; position < formCount; position += 1) {
    const form = formStack[position] ?? 0;
    const queryCoverage = Math.min(1, (query[form] ?? 0) / queryWeight);
    const titleCoverage = Math.min(1, (title[form] ?? 0) / (index.formWeight[form] ?? 1));
    const partial = PARTIAL_CEILING * (QUERY_COVERAGE_SHARE * queryCoverage + (1 - QUERY_COVERAGE_SHARE) * titleCoverage);
    query[form] = 0;
    title[form] = 0;
    keep(form, partial * (index.formFactor[form] ?? 1) * variant.factor);
  }
  for (const form of index.exactForms.get(exactKey(variant.tokens)) ?? []) {
    keep(form, (index.formFactor[form] ?? 1) * variant.factor);
    if (variant.factor === 1) index.scratch.typedExactly[form] = 1;
  }
}

function compareEntries(index: SearchIndex, left: number, right: number): number {
  const { entryBest, entryForm, entrySupport, entryOwnTitle } = index.scratch;
  const entries = index.entries;
  return (
    (entryBest[right] ?? 0) - (entryBest[left] ?? 0) ||
    (index.formPrimary[entryForm[right] ?? 0] ?? 0) - (index.formPrimary[entryForm[left] ?? 0] ?? 0) ||
    Number(entries[right]?.expert ?? false) - Number(entries[left]?.expert ?? false) ||
    (entryOwnTitle[right] ?? 0) + (index.entryPrior[right] ?? 0) - (entryOwnTitle[left] ?? 0) - (index.entryPrior[left] ?? 0) ||
    (entrySupport[right] ?? 0) - (entrySupport[left] ?? 0) ||
    compareText(entries[left]?.title ?? '', entries[right]?.title ?? '') ||
    compareText(entries[left]?.slug ?? '', entries[right]?.slug ?? '')
  );
}

function selectBest(index: SearchIndex, candidates: Int32Array, count: number, limit: number): number[] {
  const chosen: number[] = [];
  for (let position = 0; position < count; position += 1) {
    const entry = candidates[position] ?? 0;
    if (chosen.length === limit && compareEntries(index, entry, chosen[limit - 1] ?? 0) >= 0) continue;
    let at = chosen.length;
    while (at > 0 && compareEntries(index, entry, chosen[at - 1] ?? 0) < 0) at -= 1;
    chosen.splice(at, 0, entry);
    if (chosen.length > limit) chosen.pop();
  }
  return chosen;
}

/** Finds the occupations and roles a typed title most likely means, best first, one result per occupation or role. */
export function search(index: SearchIndex, text: string, options: SearchOptions = {}): SearchResult[] {
  const limit = Math.max(0, Math.floor(options.limit ?? 10));
  const tokens = [...new Set(tokenize(text))].slice(0, MAX_QUERY_TOKENS);
  if (tokens.length === 0 || limit === 0) return [];
  const { best, entryBest, entryForm, entrySupport, entryOwnTitle, entryStack, touched, typedExactly, entryTyped } = index.scratch;
  touched.count = 0;
  const context: QueryContext = { typing: /[\s\p{P}]$/u.test(text) ? null : (tokens.at(-1) ?? null), matched: new Map() };
  for (const variant of queryVariants(index, tokens)) scoreVariant(index, variant, context);
  let entryCount = 0;
  for (let position = 0; position < touched.count; position += 1) {
    const form = touched.forms[position] ?? 0;
    const score = best[form] ?? 0;
    best[form] = 0;
    const entry = index.formEntry[form] ?? 0;
    if ((entryBest[entry] ?? -1) < 0) {
      entryStack[entryCount++] = entry;
      entrySupport[entry] = 0;
      entryOwnTitle[entry] = 0;
      entryTyped[entry] = -1;
    }
    // Name the title exactly as typed ("RN") even when an expansion ("Registered Nurses") scored a little higher.
    if (typedExactly[form] === 1) {
      typedExactly[form] = 0;
      if ((entryTyped[entry] ?? -1) < 0 || form < (entryTyped[entry] ?? 0)) entryTyped[entry] = form;
    }
    entrySupport[entry] = (entrySupport[entry] ?? 0) + score;
    if (index.formPrimary[form] === 1 && score > (entryOwnTitle[entry] ?? 0)) entryOwnTitle[entry] = score;
    const current = entryBest[entry] ?? -1;
    if (score > current || (score === current && form < (entryForm[entry] ?? 0))) {
      entryBest[entry] = score;
      entryForm[entry] = form;
    }
  }
  const chosen = selectBest(index, entryStack, entryCount, limit);
  const results = chosen.map((entry) => {
    const found = index.entries[entry];
    return {
      slug: found?.slug ?? '',
      title: found?.title ?? '',
      socCode: found?.socCode ?? null,
      onetCode: found?.onetCode ?? null,
      matchedTitle: index.formTitle[(entryTyped[entry] ?? -1) >= 0 ? (entryTyped[entry] ?? 0) : (entryForm[entry] ?? 0)] ?? '',
      score: Math.round((entryBest[entry] ?? 0) * 10_000) / 10_000,
    };
  });
  for (let position = 0; position < entryCount; position += 1) entryBest[entryStack[position] ?? 0] = -1;
  return results;
}

/** Tells whether a query has anything to search for once punctuation and spaces are gone. */
export function isSearchableQuery(text: string): boolean {
  return tokenize(text).length > 0;
}
