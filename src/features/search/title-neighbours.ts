/**
 * A learned title matcher: the nearest known titles by character 4-grams and words (TF-IDF,
 * cosine), voting for the occupations they are filed under. It is learned from the ~53k titles
 * the index already holds (O*NET alternate, short and reported titles), so an unseen title such as
 * "4th Grade Math Teacher" gathers evidence from every title that shares its words and word parts,
 * not just from the one best title the tiered ranking picks. It is a k-nearest-neighbour model,
 * built in memory with the index from the same titles: nothing to train offline, nothing to go stale.
 */

/** How many nearest titles vote. */
const NEIGHBOURS = 10;
const GRAM = 4;
/**
 * A word piece found in more titles than this ("tor$", "oper") says little and would make every
 * query read tens of thousands of postings, so it is left out; whole words are always kept.
 */
const MAX_PIECE_DOCUMENTS = 3000;

export interface TitleNeighbours {
  featureIds: Map<string, number>;
  /** Postings of each feature: documents postingDoc[postingStart[f] … postingStart[f + 1]) with their weights. */
  postingStart: Int32Array;
  postingDoc: Int32Array;
  postingWeight: Float32Array;
  featureWeight: Float64Array;
  /** The entry each document (an indexed title form) belongs to. */
  documentEntry: Int32Array;
  scratch: { score: Float64Array; touched: Int32Array };
}

/** One entry's share of the nearest titles' votes, and the nearest of its titles. */
export interface NeighbourVote {
  entry: number;
  /** Between 0 and 1; the shares of one query add up to 1. */
  share: number;
  /** The document (title form) of this entry nearest to the query. */
  nearest: number;
  /** The cosine similarity of that nearest document to the query, between 0 and 1. */
  similarity: number;
}

/**
 * The features of a tokenized title: each word, and the 4-letter pieces of each word with its
 * edges marked. A word's pieces share one unit of weight, so a long word ("apprentice") counts no
 * more than a short one ("barber").
 */
function titleFeatures(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string, amount: number) => counts.set(feature, (counts.get(feature) ?? 0) + amount);
  for (const token of tokens) {
    add(`w:${token}`, 1);
    const marked = `^${token}$`;
    const pieces = Math.max(0, marked.length - GRAM + 1);
    for (let at = 0; at < pieces; at += 1) add(marked.slice(at, at + GRAM), 1 / pieces);
  }
  return counts;
}

/**
 * The features of one word, in the order titleFeatures adds them: the word, then its pieces. Titles
 * share most of their words, so the build works these out once per distinct word.
 */
interface WordFeatures {
  ids: Int32Array;
  amounts: Float64Array;
}

/** Builds the matcher over documents (title forms), each given as its tokens and the entry it belongs to. */
export function buildTitleNeighbours(documents: readonly (readonly string[])[], documentEntry: Int32Array): TitleNeighbours {
  const featureIds = new Map<string, number>();
  const documentCount: number[] = [];
  const idOf = (feature: string) => {
    let id = featureIds.get(feature);
    if (id === undefined) {
      id = featureIds.size;
      featureIds.set(feature, id);
      documentCount.push(0);
    }
    return id;
  };
  const byWord = new Map<string, WordFeatures>();
  const featuresOfWord = (token: string): WordFeatures => {
    let features = byWord.get(token);
    if (features === undefined) {
      // Ids are given in titleFeatures' order, so every feature gets the id the document-by-document build gave it.
      const counts = titleFeatures([token]);
      features = { ids: Int32Array.from(counts.keys(), idOf), amounts: Float64Array.from(counts.values()) };
      byWord.set(token, features);
    }
    return features;
  };
  let bound = 0;
  for (const tokens of documents) for (const token of tokens) bound += featuresOfWord(token).ids.length;
  // Every document's features, flat: ids and amounts of document d at featureStart[d] … featureStart[d + 1].
  const featureStart = new Int32Array(documents.length + 1);
  const ids = new Int32Array(bound);
  const amounts = new Float64Array(bound);
  let length = 0;
  // Where a feature last sat in the flat run, so a piece two words of one document share is summed as titleFeatures sums it.
  const slotInDocument = new Int32Array(featureIds.size).fill(-1);
  for (const [document, tokens] of documents.entries()) {
    const start = length;
    for (const token of tokens) {
      const features = featuresOfWord(token);
      for (let at = 0; at < features.ids.length; at += 1) {
        const id = features.ids[at] ?? 0;
        const amount = features.amounts[at] ?? 0;
        const slot = slotInDocument[id] ?? -1;
        if (slot >= start) {
          amounts[slot] = (amounts[slot] ?? 0) + amount;
        } else {
          slotInDocument[id] = length;
          documentCount[id] = (documentCount[id] ?? 0) + 1;
          ids[length] = id;
          amounts[length] = amount;
          length += 1;
        }
      }
    }
    featureStart[document + 1] = length;
  }
  for (const [feature, id] of featureIds) {
    if (!feature.startsWith('w:') && (documentCount[id] ?? 0) > MAX_PIECE_DOCUMENTS) documentCount[id] = 0;
  }
  const featureWeight = Float64Array.from(documentCount, (count) => (count === 0 ? 0 : Math.log(1 + documents.length / count)));
  const postingStart = new Int32Array(featureIds.size + 1);
  for (let id = 0; id < featureIds.size; id += 1) postingStart[id + 1] = (postingStart[id] ?? 0) + (documentCount[id] ?? 0);
  const total = postingStart[featureIds.size] ?? 0;
  const postingDoc = new Int32Array(total);
  const postingWeight = new Float32Array(total);
  const filled = postingStart.slice(0, featureIds.size);
  for (let document = 0; document < documents.length; document += 1) {
    const start = featureStart[document] ?? 0;
    const end = featureStart[document + 1] ?? 0;
    let norm = 0;
    for (let at = start; at < end; at += 1) norm += ((amounts[at] ?? 0) * (featureWeight[ids[at] ?? 0] ?? 0)) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let at = start; at < end; at += 1) {
      const id = ids[at] ?? 0;
      if ((documentCount[id] ?? 0) === 0) continue;
      const slot = (filled[id] = (filled[id] ?? 0) + 1) - 1;
      postingDoc[slot] = document;
      postingWeight[slot] = ((amounts[at] ?? 0) * (featureWeight[id] ?? 0)) / norm;
    }
  }
  return {
    featureIds,
    postingStart,
    postingDoc,
    postingWeight,
    featureWeight,
    documentEntry,
    scratch: { score: new Float64Array(documents.length), touched: new Int32Array(documents.length) },
  };
}

/** The entries the nearest titles to the query are filed under, largest share first. */
export function neighbourVotes(model: TitleNeighbours, tokens: readonly string[]): NeighbourVote[] {
  const { score, touched } = model.scratch;
  const query: [number, number][] = [];
  let norm = 0;
  // A word or piece no title has counts against every title, as if one title had it, so an
  // unknown word ("waitstaff") with one known piece ("staf") is not mistaken for a near title.
  const unseenWeight = Math.log(1 + model.documentEntry.length);
  for (const [feature, count] of titleFeatures(tokens)) {
    const id = model.featureIds.get(feature);
    if (id === undefined) {
      norm += (count * unseenWeight) ** 2;
      continue;
    }
    const weight = count * (model.featureWeight[id] ?? 0);
    if (weight === 0) continue;
    query.push([id, weight]);
    norm += weight * weight;
  }
  if (query.length === 0) return [];
  norm = Math.sqrt(norm);
  let touchedCount = 0;
  for (const [id, weight] of query) {
    const end = model.postingStart[id + 1] ?? 0;
    for (let at = model.postingStart[id] ?? 0; at < end; at += 1) {
      const document = model.postingDoc[at] ?? 0;
      if ((score[document] ?? 0) === 0) touched[touchedCount++] = document;
      score[document] = (score[document] ?? 0) + (weight / norm) * (model.postingWeight[at] ?? 0);
    }
  }
  // Keep the nearest documents in a small sorted array; ties go to the earlier document.
  const nearest: number[] = [];
  for (let position = 0; position < touchedCount; position += 1) {
    const document = touched[position] ?? 0;
    const value = score[document] ?? 0;
    const last = nearest.at(-1);
    if (nearest.length === NEIGHBOURS && last !== undefined && !closer(value, document, score[last] ?? 0, last)) continue;
    let at = nearest.length;
    while (at > 0 && closer(value, document, score[nearest[at - 1] ?? 0] ?? 0, nearest[at - 1] ?? 0)) at -= 1;
    nearest.splice(at, 0, document);
    if (nearest.length > NEIGHBOURS) nearest.pop();
  }
  const votes = new Map<number, NeighbourVote>();
  let sum = 0;
  for (const document of nearest) {
    const similarity = score[document] ?? 0;
    const entry = model.documentEntry[document] ?? 0;
    const vote = votes.get(entry) ?? { entry, share: 0, nearest: document, similarity };
    vote.share += similarity * similarity;
    sum += similarity * similarity;
    votes.set(entry, vote);
  }
  for (let position = 0; position < touchedCount; position += 1) score[touched[position] ?? 0] = 0;
  const result = [...votes.values()];
  for (const vote of result) vote.share = sum > 0 ? vote.share / sum : 0;
  return result.sort((left, right) => right.share - left.share || left.entry - right.entry);
}

function closer(value: number, document: number, otherValue: number, other: number): boolean {
  return value > otherValue || (value === otherValue && document < other);
}
