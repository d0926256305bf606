/**
 * The second, weaker field: the words of each occupation's description and task statements.
 * A title decides the match; these words only help a query's other words pick the right sibling
 * ("Sonar Technician" → the technicians whose description mentions sonar), and they make a word
 * known, so it is never "corrected" into a title word it is not ("sonar" is not "solar").
 */
import { tokenize } from './search-text.ts';

export interface DescriptionField {
  wordIds: Map<string, number>;
  /** For each word, the entries whose description or tasks use it, ascending. */
  postings: readonly Int32Array[];
}

/** Longest description text read per entry; task lists are long and their tail adds little. */
const MAX_TEXT_PER_ENTRY = 20_000;

/** Builds the description field from each entry's description and task statements, in entry order. */
export function buildDescriptionField(texts: readonly (readonly string[])[]): DescriptionField {
  const wordIds = new Map<string, number>();
  const lists: number[][] = [];
  for (const [entry, parts] of texts.entries()) {
    let budget = MAX_TEXT_PER_ENTRY;
    const seen = new Set<number>();
    for (const part of parts) {
      if (budget <= 0) break;
      const text = part.slice(0, budget);
      budget -= text.length;
      for (const token of tokenize(text)) {
        if (token.length < 3 || /^\d+$/.test(token)) continue;
        let id = wordIds.get(token);
        if (id === undefined) {
          id = wordIds.size;
          wordIds.set(token, id);
          lists.push([]);
        }
        if (seen.has(id)) continue;
        seen.add(id);
        lists[id]?.push(entry);
      }
    }
  }
  return { wordIds, postings: lists.map((list) => Int32Array.from(list)) };
}

/**
 * Marks which of the query's words (bit per position, below maxBits) each entry's description uses,
 * in marks, and lists the entries marked in stack; returns how many it listed. The caller clears
 * marks for the listed entries when done.
 */
export function markDescriptions(field: DescriptionField, marks: Int32Array, stack: Int32Array, words: readonly string[], maxBits: number): number {
  let count = 0;
  for (const [position, word] of words.entries()) {
    if (position >= maxBits) break;
    const id = field.wordIds.get(word);
    const list = id === undefined ? undefined : field.postings[id];
    if (!list) continue;
    for (let at = 0; at < list.length; at += 1) {
      const entry = list[at] ?? 0;
      if ((marks[entry] ?? 0) === 0) stack[count++] = entry;
      marks[entry] = (marks[entry] ?? 0) | (1 << position);
    }
  }
  return count;
}
