/**
 * Scores one variant of a query (as typed, expanded, without its level words…) against every title form
 * that shares a word with it, keeping each form's best score in the index's scratch buffers.
 */
import { markDescriptions } from './description-field.ts';
import { headKind, headWord, kindAgreement, kindMask } from './kind-words.ts';
import { matchTokenOnce, type QueryContext, type QueryToken, type Variant } from './query-words.ts';
import { exactKey } from './search-text.ts';
import type { SearchIndex } from './search-types.ts';

const PARTIAL_CEILING = 0.9;
const QUERY_COVERAGE_SHARE = 0.6;
/** A query word the matched title lacks but the occupation's description uses counts this much toward coverage. */
const DESCRIPTION_SHARE = 0.5;
/** At most this much is added to a partial match whose occupation's description uses every query word. */
const DESCRIPTION_BONUS = 0.03;
/** A title that lacks the query's head word ("custodian" in "Head Custodian") keeps this share of its score. */
const HEAD_MISSING_FACTOR = 0.9;
/** Bits available to mark which query tokens a form matched. */
const MAX_TOKEN_BITS = 30;

export function scoreVariant(index: SearchIndex, variant: Variant, context: QueryContext): void {
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
    const only = token.matches.length === 1 ? token.matches[0] : undefined;
    const onlyList = only === undefined ? undefined : index.postings[only.id];
    if (only !== undefined && onlyList !== undefined && bit !== 0 && only.quality * token.weight > 0) {
      formCount = addSingleMatch(index.scratch, onlyList, only.quality * token.weight, only.quality * (index.wordWeight[only.id] ?? 0), bit, formCount);
      continue;
    }
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
  const bitCount = Math.min(MAX_TOKEN_BITS, tokens.length);
  const { formEntry, formWeight, formFactor, formClass, formClasses } = index;
  const { kindFactor, kindStamp, kindGeneration } = index.scratch;
  // Forms fall in few classes: each class's kind agreement with this variant is worked out once, on first use.
  const generation = (kindGeneration.value = (kindGeneration.value % 0x7fffffff) + 1);
  const variantFactor = variant.factor;
  for (let position = 0; position < formCount; position += 1) {
    const form = formStack[position] ?? 0;
    const matchedTokens = formTokens[form] ?? 0;
    // A query word the title lacks still counts, more weakly, when the occupation's description uses it.
    // entryDescription is all zeros unless markDescriptions marked some entries for this variant.
    const describedMask = describedCount === 0 ? 0 : (entryDescription[formEntry[form] ?? 0] ?? 0);
    let described = 0;
    let describedAll = 0;
    if (describedMask !== 0) {
      const unmatched = describedMask & ~matchedTokens;
      for (let bit = 0; bit < bitCount; bit += 1) {
        if ((describedMask & (1 << bit)) === 0) continue;
        const weight = tokens[bit]?.weight ?? 0;
        describedAll += weight;
        if (unmatched & (1 << bit)) described += DESCRIPTION_SHARE * weight;
      }
    }
    const queryCoverage = Math.min(1, ((query[form] ?? 0) + described) / queryWeight);
    const titleCoverage = Math.min(1, (title[form] ?? 0) / (formWeight[form] ?? 1));
    const fromTitle = PARTIAL_CEILING * (QUERY_COVERAGE_SHARE * queryCoverage + (1 - QUERY_COVERAGE_SHARE) * titleCoverage);
    // Between titles that fit equally, the occupation whose description is about the query's words wins.
    // Without described words the bonus is 0 and fromTitle + 0 is fromTitle, so the division is skipped.
    const partial = Math.min(PARTIAL_CEILING, describedMask === 0 ? fromTitle : fromTitle + DESCRIPTION_BONUS * (describedAll / queryWeight));
    const shape = formClass[form] ?? 0;
    if (kindStamp[shape] !== generation) {
      kindStamp[shape] = generation;
      kindFactor[shape] = kindAgreement(queryKinds, formClasses.kindMask[shape] ?? 0, queryHeadKind, formClasses.headKind[shape] ?? 0);
    }
    const kinds = kindFactor[shape] ?? 1;
    const headKept = headBit === 0 || (matchedTokens & headBit) !== 0 ? 1 : HEAD_MISSING_FACTOR;
    query[form] = 0;
    title[form] = 0;
    const score = partial * kinds * headKept * (formClasses.factor[shape] ?? 1) * variantFactor;
    const previous = best[form] ?? 0;
    if (previous === 0) touched.forms[touched.count++] = form;
    if (score > previous) {
      best[form] = score;
      exact[form] = 0;
    }
  }
  for (let position = 0; position < describedCount; position += 1) entryDescription[entryDescriptionStack[position] ?? 0] = 0;
  // An index loop over the list, when there is one: iterating `list ?? []` mixed two array shapes in this
  // hot function and V8 threw away its optimised code each time the rarer one came by.
  const exactForms = index.exactForms.get(exactKey(variant.tokens));
  for (let at = 0; exactForms !== undefined && at < exactForms.length; at += 1) {
    const form = exactForms[at] ?? 0;
    const score = (formFactor[form] ?? 1) * variantFactor;
    const previous = best[form] ?? 0;
    if (previous === 0) touched.forms[touched.count++] = form;
    if (score > previous) {
      best[form] = score;
      exact[form] = 1;
    }
    if (variantFactor === 1) index.scratch.typedExactly[form] = 1;
  }
}

/**
 * Adds a token that matches one index word straight into the forms' sums, skipping the pass that
 * keeps each form's best match among several words. It gives the same sums: the token's bit in
 * formTokens stops a form listed twice from counting twice, as that pass did.
 */
function addSingleMatch(scratch: SearchIndex['scratch'], list: Int32Array, onQuery: number, onTitle: number, bit: number, count: number): number {
  const { query, title, formTokens, formStack } = scratch;
  const titleShare = onTitle > 0 ? onTitle : 0;
  let formCount = count;
  for (let at = 0; at < list.length; at += 1) {
    const form = list[at] ?? 0;
    const sum = query[form] ?? 0;
    if (sum === 0) {
      formStack[formCount++] = form;
      formTokens[form] = bit;
    } else {
      const seen = formTokens[form] ?? 0;
      if ((seen & bit) !== 0) continue;
      formTokens[form] = seen | bit;
    }
    query[form] = sum + onQuery;
    title[form] = (title[form] ?? 0) + titleShare;
  }
  return formCount;
}
