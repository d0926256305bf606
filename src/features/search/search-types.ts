/**
 * The shapes search works with: what it indexes (entries and their titles), what it answers, and the
 * in-memory index itself with the scratch buffers a query reuses.
 */
import type { Expansion } from './abbreviations.ts';
import type { DescriptionField } from './description-field.ts';
import type { DomainIndex } from './domain-scoring.ts';
import type { FuzzyVocabulary } from './fuzzy-words.ts';
import type { MilitaryTitles } from './military-titles.ts';
import type { TitleNeighbours } from './title-neighbours.ts';

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
  /**
   * Forms with the same kind mask, head kind and factor share a class: a query weighs each pair of kinds
   * once, and scoring reads a form's class instead of three per-form arrays.
   */
  formClass: Uint16Array;
  formClasses: { kindMask: Uint8Array; headKind: Uint8Array; factor: Float64Array };
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

/** Buffers a query reuses, sized by the index; a search is synchronous and not re-entrant. */
export interface Scratch {
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
  /** A form class's kindAgreement with the variant being scored, valid where kindStamp equals kindGeneration. */
  kindFactor: Float64Array;
  kindStamp: Int32Array;
  kindGeneration: { value: number };
}
