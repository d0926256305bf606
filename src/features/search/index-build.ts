/**
 * Builds the in-memory search index: every title split into forms, one per distinct word set per
 * entry, with postings per word, the exact-key map, the typo and abbreviation tables, the description
 * field, the learned nearest-title matcher and the domain words (ADRs 0030–0036).
 */
import { buildAbbreviations } from './abbreviations.ts';
import { withOfficeTitles } from './added-titles.ts';
import { buildDomainIndex } from './domain-scoring.ts';
import { buildDescriptionField } from './description-field.ts';
import { buildFuzzyVocabulary } from './fuzzy-words.ts';
import { headKind, kindMask } from './kind-words.ts';
import { buildMilitaryTitles } from './military-titles.ts';
import { exactKey, titleForms, tokenize } from './search-text.ts';
import type { SearchEntry, SearchIndex, SearchTitle, TitleKind } from './search-types.ts';
import { buildTitleNeighbours } from './title-neighbours.ts';
import { wordRoot } from './word-roots.ts';

/** Exact-match score by kind of title: the occupation's own title beats an alternate, which beats a reported one; an ESCO label, reached through a crosswalk that gives each ESCO occupation one O*NET occupation, comes last. */
const KIND_FACTOR: Readonly<Record<TitleKind, number>> = { onet: 0.98, alternate: 0.98, short: 0.98, alias: 0.98, reported: 0.97, census: 0.97, esco: 0.95 };
const KIND_ORDER: Readonly<Record<TitleKind, number>> = { onet: 0, alias: 1, alternate: 2, short: 3, reported: 4, census: 5, esco: 6 };
const PRIOR_EMPLOYMENT_WEIGHT = 0.05;
const MAX_ROOT_WORDS = 4;

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

export function compareText(left: string, right: string): number {
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
  const formClass = new Uint16Array(formCount);
  const classOf = new Map<string, number>();
  const classes: { kindMask: number; headKind: number; factor: number }[] = [];
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
    const shape = { kindMask: formKindMask[formId] ?? 0, headKind: formHeadKind[formId] ?? 0, factor: formFactor[formId] ?? 1 };
    const classKey = `${shape.kindMask} ${shape.headKind} ${shape.factor}`;
    if (!classOf.has(classKey)) {
      classOf.set(classKey, classes.length);
      classes.push(shape);
    }
    formClass[formId] = classOf.get(classKey) ?? 0;
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
    formClass,
    formClasses: {
      kindMask: Uint8Array.from(classes, (shape) => shape.kindMask),
      headKind: Uint8Array.from(classes, (shape) => shape.headKind),
      factor: Float64Array.from(classes, (shape) => shape.factor),
    },
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
      kindFactor: new Float64Array(classes.length),
      kindStamp: new Int32Array(classes.length),
      kindGeneration: { value: 0 },
    },
  };
}
