/**
 * Typo tolerance over the index's vocabulary: words one edit away are found through a table of
 * single-letter deletions (symmetric delete), words two edits away through shared trigrams, and
 * every candidate is confirmed by a bounded edit distance. Both lookups cost microseconds.
 */

export interface FuzzyVocabulary {
  words: readonly string[];
  deletions: Map<string, number[]>;
  trigrams: Map<string, number[]>;
}

export interface NearWord {
  id: number;
  distance: number;
}

/** Computes the edit distance (insert, delete, substitute, swap neighbours) between two words, or max + 1 once it exceeds max. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, index) => index);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length] ?? max + 1;
  return distance > max ? max + 1 : distance;
}

function deletionsOf(word: string): string[] {
  const variants = [word];
  for (let index = 0; index < word.length; index += 1) variants.push(word.slice(0, index) + word.slice(index + 1));
  return variants;
}

function trigramsOf(word: string): string[] {
  const padded = `$${word}$`;
  const grams: string[] = [];
  for (let index = 0; index + 3 <= padded.length; index += 1) grams.push(padded.slice(index, index + 3));
  return grams;
}

function append(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}

/** Builds the typo lookup tables for a vocabulary; a word's id is its position in the list. */
export function buildFuzzyVocabulary(words: readonly string[]): FuzzyVocabulary {
  const deletions = new Map<string, number[]>();
  const trigrams = new Map<string, number[]>();
  for (const [id, word] of words.entries()) {
    for (const variant of deletionsOf(word)) append(deletions, variant, id);
    if (word.length >= 5) for (const gram of trigramsOf(word)) append(trigrams, gram, id);
  }
  return { words, deletions, trigrams };
}

/** Finds the vocabulary words nearest to a word: those one edit away, or failing that (long words only) two. */
export function findNearWords(vocabulary: FuzzyVocabulary, word: string, maxDistance: number): NearWord[] {
  if (maxDistance < 1) return [];
  const seen = new Set<number>();
  const near: NearWord[] = [];
  for (const variant of deletionsOf(word)) {
    for (const id of vocabulary.deletions.get(variant) ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      const candidate = vocabulary.words[id] ?? '';
      const distance = boundedEditDistance(word, candidate, 1);
      if (distance === 1) near.push({ id, distance });
    }
  }
  if (near.length > 0 || maxDistance < 2) return near;
  const grams = trigramsOf(word);
  const shared = new Map<number, number>();
  for (const gram of new Set(grams)) {
    for (const id of vocabulary.trigrams.get(gram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
  }
  // Two edits can break at most six trigrams; fewer shared ones than that cannot be within reach.
  const needed = Math.max(1, grams.length - 6);
  for (const [id, count] of shared) {
    if (count < needed) continue;
    const candidate = vocabulary.words[id] ?? '';
    const distance = boundedEditDistance(word, candidate, 2);
    if (distance <= 2) near.push({ id, distance });
  }
  return near.sort((left, right) => left.distance - right.distance || left.id - right.id);
}
