import { buildAbbreviations, type Expansion } from './abbreviations.ts';
import { withOfficeTitles } from './added-titles.ts';
import { addDomainVotes, buildDomainIndex, type DomainIndex } from './domain-scoring.ts';
import { buildDescriptionField, markDescriptions, type DescriptionField } from './description-field.ts';
import { explainMatch, type MatchFacts } from './explain-match.ts';
import { buildFuzzyVocabulary, type FuzzyVocabulary } from './fuzzy-words.ts';
import { headKind, headWord, headWordOfText, kindAgreement, kindMask } from './kind-words.ts';
import { buildMilitaryTitles, findMilitaryGroup, type MilitaryTitles } from './military-titles.ts';
import { matchTokenOnce, queryVariants, type QueryContext, type QueryToken, type Variant } from './query-words.ts';
import { exactKey, normalizeText, titleForms, tokenize } from './search-text.ts';
import { addNeighbourVotes } from './neighbour-scoring.ts';
import { buildTitleNeighbours, type TitleNeighbours } from './title-neighbours.ts';
import { wordRoot } from './word-roots.ts';

/**
 * Where a title comes from: O*NET's own title, its alternate and short titles, titles workers
 * reported, an expert role's alias, an official title of the Census occupation index, or an ESCO occupation label.
 */
export type TitleKind = 'onet' | 'alternate' | 'short' | 'reported' | 'alias' | 'census' | 'esco';

export interface SearchTitle {
  text: string;
  kind: TitleKind;
  /** Why a curated title means this occupation ("elected officials who head a government"); shown to explain the match. */
  reason?: string;
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
  /** The occupation's description and task statements: a weaker second field that picks between siblings. */
  description?: string | null;
  tasks?: readonly string[];
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
  /** Why this result matched, in a short sentence ("Mayor → Chief Executives: elected officials who head a government"). */
  explanation: string;
}

/** Said when the title typed names a job with no civilian O*NET occupation (a military rank or speciality). */
export interface NotInCatalog {
  /** The plain statement shown to the reader ("not in the catalog: military ranks have no civilian O*NET occupation"). */
  notice: string;
  reason: string;
}

/** What a search answers: results best first, and a notice when the title is not in the catalog at all. */
export interface SearchAnswer {
  results: SearchResult[];
  /** Set when the title has no occupation in the catalog; the results are then the nearest civilian occupations. */
  notInCatalog: NotInCatalog | null;
}

export interface SearchOptions {
  limit?: number;
}

/** The in-memory index: titles split into forms ("Registered Nurse (RN)" → itself, "Registered Nurse", "RN"), with postings per word. */
export interface SearchIndex {
  entries: readonly SearchEntry[];
  formEntry: Int32Array;
  formTitle: readonly string[];
  /** The reason of a curated title ("elected officials who head a government"), or null. */
  formReason: readonly (string | null)[];
  formKind: readonly TitleKind[];
  /** The kind words of each form (helper, supervisor, technician…), as a bit mask. */
  formKindMask: Uint8Array;
  /** The kind of each form's head ("helper" in "Toolmaker Helper"), as a bit mask. */
  formHeadKind: Uint8Array;
  /** Each form's word ids: formWordIds[formWordStart[form] … formWordStart[form + 1]). */
  formWordStart: Int32Array;
  formWordIds: Int32Array;
  formFactor: Float64Array;
  formPrimary: Uint8Array;
  formWeight: Float64Array;
  exactForms: Map<string, number[]>;
  wordIds: Map<string, number>;
  /** Every title word, by id. */
  wordsById: readonly string[];
  sortedWords: readonly string[];
  wordWeight: Float64Array;
  wordDocumentCount: Int32Array;
  postings: readonly Int32Array[];
  fuzzy: FuzzyVocabulary;
  abbreviations: Map<string, Expansion[]>;
  /** Words of the same root as a title word ("teaching" → "teacher"), by word id. */
  rootWords: readonly (readonly number[])[];
  description: DescriptionField;
  military: MilitaryTitles;
  /** The learned matcher: the nearest indexed titles by word parts, voting for their entries. */
  neighbours: TitleNeighbours;
  /** The domain words (a brief is a legal paper) and their occupations. */
  domains: DomainIndex;
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
  /** Which query tokens each form matched (bit per token of the variant being scored). */
  formTokens: Int32Array;
  /** Which query tokens each entry's description uses (bit per token of the variant being scored). */
  entryDescription: Int32Array;
  entryDescriptionStack: Int32Array;
  /** 1 when the entry's best title is, letter for letter, what was typed ("Teacher Aide", not "Teacher's Aide"). */
  entryLiteral: Uint8Array;
  /** 1 when the entry's best form was typed as a whole title. */
  entryExact: Uint8Array;
  /** 1 when the form's best score came from typing one of its titles exactly (any variant). */
  exact: Uint8Array;
  /** The entry's nearest title form by the learned matcher, plus one; negative when only the learned matcher found the entry; 0 when none of its titles was among the nearest. */
  entryNeighbour: Int32Array;
  /** The domain row that raised the entry, plus one; 0 when none. */
  entryDomain: Int32Array;
}

/** Exact-match score by kind of title: the occupation's own title beats an alternate, which beats a reported one. */
const KIND_FACTOR: Readonly<Record<TitleKind, number>> = { onet: 0.98, alternate: 0.98, short: 0.98, alias: 0.98, reported: 0.97, census: 0.97, esco: 0.97 };
const KIND_ORDER: Readonly<Record<TitleKind, number>> = { onet: 0, alias: 1, alternate: 2, short: 3, reported: 4, census: 5, esco: 6 };
const PARTIAL_CEILING = 0.9;
const QUERY_COVERAGE_SHARE = 0.6;
const MAX_QUERY_TOKENS = 12;
const PRIOR_EMPLOYMENT_WEIGHT = 0.05;
const MAX_ROOT_WORDS = 4;
/** A query word the matched title lacks but the occupation's description uses counts this much toward coverage. */
const DESCRIPTION_SHARE = 0.5;
/** At most this much is added to a partial match whose occupation's description uses every query word. */
const DESCRIPTION_BONUS = 0.03;
/** A title that lacks the query's head word ("custodian" in "Head Custodian") keeps this share of its score. */
const HEAD_MISSING_FACTOR = 0.9;
/** Bits available to mark which query tokens a form matched. */
const MAX_TOKEN_BITS = 30;

interface FormDraft {
  entry: number;
  title: string;
  reason: string | null;
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
        const draft: FormDraft = {
          entry: entryIndex,
          title: title.text,
          reason: title.reason ?? null,
          tokens,
          key,
          primary: key === primaryKey,
          whole: position === 0,
          kind: title.kind,
        };
        const existing = byKey.get(key);
        if (existing === undefined || preferForm(draft, existing) < 0) byKey.set(key, draft);
      }
    }
    drafts.push(...[...byKey.values()].sort(preferForm));
  }
  return drafts;
}

function relatedByRoot(words: readonly string[]): number[][] {
  const byRoot = new Map<string, number[]>();
  const roots = words.map((word) => wordRoot(word));
  for (const [id, root] of roots.entries()) {
    if (root === null) continue;
    const family = byRoot.get(root);
    if (family) family.push(id);
    else byRoot.set(root, [id]);
  }
  return roots.map((root, id) => (root === null ? [] : (byRoot.get(root) ?? []).filter((other) => other !== id).slice(0, MAX_ROOT_WORDS)));
}

/** Each entry's first form, which draftForms puts first: its own title. */
function primaryForms(formEntry: Int32Array, entryCount: number): Int32Array {
  const first = new Int32Array(entryCount).fill(-1);
  for (let form = 0; form < formEntry.length; form += 1) {
    const entry = formEntry[form] ?? 0;
    if ((first[entry] ?? 0) < 0) first[entry] = form;
  }
  return first;
}

/** Builds the search index over occupations and roles; entries keep their order for the final tie-break. */
export function buildSearchIndex(input: readonly SearchEntry[]): SearchIndex {
  const entries = withOfficeTitles(input);
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
  const formKindMask = new Uint8Array(formCount);
  const formHeadKind = new Uint8Array(formCount);
  const formWordStart = new Int32Array(formCount + 1);
  const formWordIds = Int32Array.from(formWords.flat());
  const exactForms = new Map<string, number[]>();
  for (const [formId, draft] of drafts.entries()) {
    formKindMask[formId] = kindMask(draft.tokens);
    formHeadKind[formId] = headKind(draft.tokens);
    formWordStart[formId + 1] = (formWordStart[formId] ?? 0) + (formWords[formId]?.length ?? 0);
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
  const description = buildDescriptionField(entries.map((entry) => [entry.description ?? '', ...(entry.tasks ?? [])]));
  return {
    entries,
    formEntry,
    formTitle: drafts.map((draft) => draft.title),
    formReason: drafts.map((draft) => draft.reason),
    formKind: drafts.map((draft) => draft.kind),
    formKindMask,
    formHeadKind,
    formWordStart,
    formWordIds,
    formFactor,
    formPrimary,
    formWeight,
    exactForms,
    wordIds,
    wordsById: words,
    sortedWords: [...words].sort(compareText),
    wordWeight,
    wordDocumentCount: Int32Array.from(documentCount),
    postings: postingLists,
    fuzzy: buildFuzzyVocabulary(words),
    abbreviations,
    rootWords: relatedByRoot(words),
    description,
    military: buildMilitaryTitles(),
    // ESCO labels are matched as titles but not learned by the nearest-title matcher: an ESCO occupation
    // brings many variants of one label, which outvoted the catalog's titles of other jobs (ADR 0036).
    neighbours: buildTitleNeighbours(
      drafts.map((draft) => (draft.kind === 'esco' ? [] : draft.tokens)),
      formEntry,
    ),
    domains: buildDomainIndex(entries, primaryForms(formEntry, entries.length)),
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
      formTokens: new Int32Array(formCount),
      entryDescription: new Int32Array(entries.length),
      entryDescriptionStack: new Int32Array(entries.length),
      entryLiteral: new Uint8Array(entries.length),
      entryExact: new Uint8Array(entries.length),
      exact: new Uint8Array(formCount),
      entryNeighbour: new Int32Array(entries.length),
      entryDomain: new Int32Array(entries.length),
    },
  };
}

function scoreVariant(index: SearchIndex, variant: Variant, context: QueryContext): void {
  const { tokenQuery, tokenTitle, query, title, best, tokenStack, formStack, touched, formTokens, entryDescription, entryDescriptionStack, exact } = index.scratch;
  const tokens: QueryToken[] = [];
  const words: string[] = [];
  for (const [position, token] of variant.tokens.entries()) {
    const matched = matchTokenOnce(index, token, position === variant.tokens.length - 1, context);
    if (matched) {
      tokens.push(matched);
      words.push(token);
    }
  }
  const queryWeight = tokens.reduce((sum, token) => sum + token.weight, 0);
  if (queryWeight === 0) return;
  const queryKinds = kindMask(words);
  const queryHeadKind = headKind(words);
  const head = context.head !== null && words.includes(context.head) ? context.head : headWord(words);
  const headBit = head === null ? 0 : 1 << Math.min(MAX_TOKEN_BITS, words.lastIndexOf(head));
  let formCount = 0;
  for (const [position, token] of tokens.entries()) {
    const bit = position < MAX_TOKEN_BITS ? 1 << position : 0;
    let tokenFormCount = 0;
    for (const match of token.matches) {
      const list = index.postings[match.id];
      if (!list) continue;
      const onQuery = match.quality * token.weight;
      const onTitle = match.quality * (index.wordWeight[match.id] ?? 0);
      for (let at = 0; at < list.length; at += 1) {
        const form = list[at] ?? 0;
        const seen = tokenQuery[form] ?? 0;
        if (seen === 0) tokenStack[tokenFormCount++] = form;
        if (onQuery > seen) tokenQuery[form] = onQuery;
        if (onTitle > (tokenTitle[form] ?? 0)) tokenTitle[form] = onTitle;
      }
    }
    for (let at = 0; at < tokenFormCount; at += 1) {
      const form = tokenStack[at] ?? 0;
      if ((query[form] ?? 0) === 0) {
        formStack[formCount++] = form;
        formTokens[form] = 0;
      }
      query[form] = (query[form] ?? 0) + (tokenQuery[form] ?? 0);
      title[form] = (title[form] ?? 0) + (tokenTitle[form] ?? 0);
      formTokens[form] = (formTokens[form] ?? 0) | bit;
      tokenQuery[form] = 0;
      tokenTitle[form] = 0;
    }
  }
  const describedCount = words.length > 1 ? markDescriptions(index.description, entryDescription, entryDescriptionStack, words, MAX_TOKEN_BITS) : 0;
  const weights = tokens.map((token) => token.weight);
  const bitCount = Math.min(MAX_TOKEN_BITS, tokens.length);
  const keep = (form: number, score: number, isExact: boolean) => {
    const previous = best[form] ?? 0;
    if (previous === 0) touched.forms[touched.count++] = form;
    if (score > previous) {
      best[form] = score;
      exact[form] = isExact ? 1 : 0;
    }
  };
  for (let position = 0; position < formCount; position += 1) {
    const form = formStack[position] ?? 0;
    // A query word the title lacks still counts, more weakly, when the occupation's description uses it.
    const unmatched = (entryDescription[index.formEntry[form] ?? 0] ?? 0) & ~(formTokens[form] ?? 0);
    const describedMask = entryDescription[index.formEntry[form] ?? 0] ?? 0;
    let described = 0;
    let describedAll = 0;
    if (describedMask !== 0) {
      for (let bit = 0; bit < bitCount; bit += 1) {
        if ((describedMask & (1 << bit)) === 0) continue;
        const weight = weights[bit] ?? 0;
        describedAll += weight;
        if (unmatched & (1 << bit)) described += DESCRIPTION_SHARE * weight;
      }
    }
    const queryCoverage = Math.min(1, ((query[form] ?? 0) + described) / queryWeight);
    const titleCoverage = Math.min(1, (title[form] ?? 0) / (index.formWeight[form] ?? 1));
    const fromTitle = PARTIAL_CEILING * (QUERY_COVERAGE_SHARE * queryCoverage + (1 - QUERY_COVERAGE_SHARE) * titleCoverage);
    // Between titles that fit equally, the occupation whose description is about the query's words wins.
    const partial = Math.min(PARTIAL_CEILING, fromTitle + DESCRIPTION_BONUS * (describedAll / queryWeight));
    const kinds = kindAgreement(queryKinds, index.formKindMask[form] ?? 0, queryHeadKind, index.formHeadKind[form] ?? 0);
    const headKept = headBit === 0 || ((formTokens[form] ?? 0) & headBit) !== 0 ? 1 : HEAD_MISSING_FACTOR;
    query[form] = 0;
    title[form] = 0;
    keep(form, partial * kinds * headKept * (index.formFactor[form] ?? 1) * variant.factor, false);
  }
  for (let position = 0; position < describedCount; position += 1) entryDescription[entryDescriptionStack[position] ?? 0] = 0;
  for (const form of index.exactForms.get(exactKey(variant.tokens)) ?? []) {
    keep(form, (index.formFactor[form] ?? 1) * variant.factor, true);
    if (variant.factor === 1) index.scratch.typedExactly[form] = 1;
  }
}

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
export function searchTitles(index: SearchIndex, text: string, options: SearchOptions = {}): SearchAnswer {
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
