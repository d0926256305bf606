/**
 * Search by job title: ranks the entries of an index built by index-build.ts for a typed title, one
 * ranking for the typeahead, /search, /api/v1/search and `jobzone search` (ADRs 0030–0038).
 */
import { addDomainVotes } from './domain-scoring.ts';
import { explainMatch, type MatchFacts } from './explain-match.ts';
import { headWord, headWordOfText } from './kind-words.ts';
import { findMilitaryGroup } from './military-titles.ts';
import { queryVariants, type QueryContext } from './query-words.ts';
import { normalizeText, tokenize, withoutExclusion } from './search-text.ts';
import { addNeighbourVotes } from './neighbour-scoring.ts';
import { compareText } from './index-build.ts';
import type { SearchAnswer, SearchIndex, SearchOptions, SearchResult } from './search-types.ts';
import { scoreVariant } from './variant-scoring.ts';

export { buildSearchIndex } from './index-build.ts';
export type { NotInCatalog, SearchAnswer, SearchEntry, SearchIndex, SearchOptions, SearchResult, SearchTitle, TitleKind } from './search-types.ts';

const MAX_QUERY_TOKENS = 12;

function compareEntries(index: SearchIndex, left: number, right: number): number {
  const { entryBest, entryForm, entrySupport, entryOwnTitle } = index.scratch;
  const entries = index.entries;
  const { entryLiteral } = index.scratch;
  return (
    (entryBest[right] ?? 0) - (entryBest[left] ?? 0) ||
    (entryLiteral[right] ?? 0) - (entryLiteral[left] ?? 0) ||
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

const normalizedTitles = new WeakMap<SearchIndex, (string | undefined)[]>();

/** A form's title as normalizeText leaves it, computed once per form and kept beside the index. */
function normalizedTitle(index: SearchIndex, form: number): string {
  let cache = normalizedTitles.get(index);
  if (cache === undefined) {
    cache = [];
    normalizedTitles.set(index, cache);
  }
  return (cache[form] ??= normalizeText(index.formTitle[form] ?? ''));
}

function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

/** Ranks entries for the query tokens and names each result's matched title and why it matched. */
function rankEntries(index: SearchIndex, text: string, tokens: readonly string[], limit: number): SearchResult[] {
  const { best, entryBest, entryForm, entrySupport, entryOwnTitle, entryStack, touched, typedExactly, entryTyped, exact } = index.scratch;
  touched.count = 0;
  const context: QueryContext = { typing: /[\s\p{P}]$/u.test(text) ? null : (tokens.at(-1) ?? null), head: headWordOfText(text), matched: new Map() };
  for (const variant of queryVariants(index, tokens)) scoreVariant(index, variant, context);
  let entryCount = 0;
  const { entryExact } = index.scratch;
  const { formEntry, formPrimary } = index;
  for (let position = 0; position < touched.count; position += 1) {
    const form = touched.forms[position] ?? 0;
    const score = best[form] ?? 0;
    best[form] = 0;
    const entry = formEntry[form] ?? 0;
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
    if (formPrimary[form] === 1 && score > (entryOwnTitle[entry] ?? 0)) entryOwnTitle[entry] = score;
    const current = entryBest[entry] ?? -1;
    if (score > current || (score === current && form < (entryForm[entry] ?? 0))) {
      entryBest[entry] = score;
      entryForm[entry] = form;
      entryExact[entry] = exact[form] ?? 0;
    }
  }
  entryCount = addNeighbourVotes(index.neighbours, index.scratch, tokens, entryCount);
  addDomainVotes(index, tokens, context.head !== null && tokens.includes(context.head) ? context.head : headWord(tokens), entryCount);
  const typed = normalizeText(text);
  for (let position = 0; position < entryCount; position += 1) {
    const entry = entryStack[position] ?? 0;
    index.scratch.entryLiteral[entry] = entryExact[entry] === 1 && normalizedTitle(index, entryForm[entry] ?? 0) === typed ? 1 : 0;
  }
  const chosen = selectBest(index, entryStack, entryCount, limit);
  const results = chosen.map((entry): SearchResult => {
    const found = index.entries[entry];
    const form = (entryTyped[entry] ?? -1) >= 0 ? (entryTyped[entry] ?? 0) : (entryForm[entry] ?? 0);
    const marked = index.scratch.entryNeighbour[entry] ?? 0;
    const facts: MatchFacts = {
      query: tokens,
      form,
      exact: (entryTyped[entry] ?? -1) >= 0 || entryExact[entry] === 1,
      neighbour: marked === 0 ? null : Math.abs(marked) - 1,
      neighbourOnly: marked < 0,
      domain: (index.scratch.entryDomain[entry] ?? 0) === 0 ? null : Math.abs(index.scratch.entryDomain[entry] ?? 0) - 1,
    };
    return {
      slug: found?.slug ?? '',
      title: found?.title ?? '',
      socCode: found?.socCode ?? null,
      onetCode: found?.onetCode ?? null,
      matchedTitle: index.formTitle[form] ?? '',
      score: roundScore(entryBest[entry] ?? 0),
      explanation: explainMatch(index, entry, facts),
    };
  });
  for (let position = 0; position < entryCount; position += 1) {
    entryBest[entryStack[position] ?? 0] = -1;
    index.scratch.entryNeighbour[entryStack[position] ?? 0] = 0;
    index.scratch.entryDomain[entryStack[position] ?? 0] = 0;
  }
  return results;
}

/** Answers a title that only the military uses: says so, and lists the nearest civilian occupations first. */
function militaryAnswer(index: SearchIndex, text: string, tokens: readonly string[], limit: number): SearchAnswer | null {
  const group = findMilitaryGroup(index.military, tokens, (key) => index.exactForms.has(key));
  if (group === null) return null;
  const matched = rankEntries(index, text, tokens, limit);
  const ceiling = Math.max(0.01, Math.min(0.5, matched[0]?.score ?? 0.5));
  const nearest: SearchResult[] = [];
  for (const { onetCode, why } of group.nearest) {
    const entry = index.entries.find((candidate) => !candidate.expert && candidate.onetCode === onetCode);
    if (!entry) continue;
    nearest.push({
      slug: entry.slug,
      title: entry.title,
      socCode: entry.socCode,
      onetCode: entry.onetCode,
      matchedTitle: entry.title,
      score: ceiling,
      explanation: `Nearest civilian occupation to “${text.trim()}”: ${why}`,
    });
  }
  const listed = new Set(nearest.map((result) => result.slug));
  const rest = matched.filter((result) => !listed.has(result.slug)).map((result) => ({ ...result, score: Math.min(result.score, ceiling) }));
  return { results: [...nearest, ...rest].slice(0, limit), notInCatalog: { notice: `not in the catalog: ${group.reason}`, reason: group.reason } };
}

/** Finds the occupations and roles a typed title most likely means, best first, each with why it matched. */
export function searchTitles(index: SearchIndex, typed: string, options: SearchOptions = {}): SearchAnswer {
  const text = withoutExclusion(typed);
  const limit = Math.max(0, Math.floor(options.limit ?? 10));
  const tokens = [...new Set(tokenize(text))].slice(0, MAX_QUERY_TOKENS);
  if (tokens.length === 0 || limit === 0) return { results: [], notInCatalog: null };
  return militaryAnswer(index, text, tokens, limit) ?? { results: rankEntries(index, text, tokens, limit), notInCatalog: null };
}

/** Finds the occupations and roles a typed title most likely means, best first, one result per occupation or role. */
export function search(index: SearchIndex, text: string, options: SearchOptions = {}): SearchResult[] {
  return searchTitles(index, text, options).results;
}

/** Tells whether a query has anything to search for once punctuation and spaces are gone. */
export function isSearchableQuery(text: string): boolean {
  return tokenize(text).length > 0;
}
