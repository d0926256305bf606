/**
 * How the learned matcher's votes (title-neighbours.ts) enter the ranking: a partial match gains
 * by its share of the nearest titles, an entry no title tier found enters with its share alone,
 * and a title typed exactly is left as it is.
 */
import { neighbourVotes, type TitleNeighbours } from './title-neighbours.ts';

/** A partial match gains up to this much from the learned matcher's share of the nearest titles' votes. */
const NEIGHBOUR_WEIGHT = 0.2;
/** An entry only the learned matcher found scores its share of the votes times this. */
const NEIGHBOUR_ONLY_WEIGHT = 0.5;
/** An entry only the learned matcher found needs a title at least this similar (cosine) to the query. */
const NEIGHBOUR_ONLY_MIN_SIMILARITY = 0.3;
/** A partial match with the learned matcher's support stays below a title typed exactly (0.97 and up). */
const NEIGHBOUR_CEILING = 0.96;

/** The per-entry scratch arrays of a query that the matcher's votes read and change. */
export interface EntryScratch {
  /** The entry's best score so far, or -1 when no title tier found it. */
  entryBest: Float64Array;
  entryForm: Int32Array;
  entrySupport: Float64Array;
  entryOwnTitle: Float64Array;
  /** The entries found so far, in entryStack[0 … count). */
  entryStack: Int32Array;
  /** The form typed exactly for the entry, or -1. */
  entryTyped: Int32Array;
  entryExact: Uint8Array;
  /** The entry's nearest title form by the matcher, plus one; negative when only the matcher found it; 0 when none. */
  entryNeighbour: Int32Array;
}

/**
 * Adds the learned matcher's votes to the entries found so far. When some title was typed exactly
 * the matcher is not asked at all: it could not change the first result, and most queries are such
 * titles, so the common case pays nothing for it. Returns the new count of entries on the stack.
 */
export function addNeighbourVotes(model: TitleNeighbours, scratch: EntryScratch, tokens: readonly string[], count: number): number {
  const { entryBest, entryForm, entrySupport, entryOwnTitle, entryStack, entryTyped, entryExact, entryNeighbour } = scratch;
  for (let position = 0; position < count; position += 1) if ((entryTyped[entryStack[position] ?? 0] ?? -1) >= 0) return count;
  let entryCount = count;
  for (const vote of neighbourVotes(model, tokens)) {
    const entry = vote.entry;
    const foundByTitles = (entryBest[entry] ?? -1) >= 0;
    if (!foundByTitles && vote.similarity < NEIGHBOUR_ONLY_MIN_SIMILARITY) continue;
    entryNeighbour[entry] = vote.nearest + 1;
    if (!foundByTitles) {
      entryStack[entryCount++] = entry;
      entrySupport[entry] = 0;
      entryOwnTitle[entry] = 0;
      entryTyped[entry] = -1;
      entryExact[entry] = 0;
      entryForm[entry] = vote.nearest;
      entryBest[entry] = NEIGHBOUR_ONLY_WEIGHT * vote.share;
      entryNeighbour[entry] = -(vote.nearest + 1);
    } else if (entryExact[entry] === 0 && (entryTyped[entry] ?? -1) < 0) {
      entryBest[entry] = Math.min(NEIGHBOUR_CEILING, Math.max(entryBest[entry] ?? 0, (entryBest[entry] ?? 0) + NEIGHBOUR_WEIGHT * vote.share));
    }
  }
  return entryCount;
}
