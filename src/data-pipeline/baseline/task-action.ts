/**
 * The action of an O*NET task statement: its opening verbs and their object, without the purpose or circumstance
 * that follows ("Clean, oil, or coat system components, as necessary, before assembly" → "Clean, oil, or coat system
 * components"). A physical-automation row speaks to a task when the technology does what the task does, not when the
 * statement mentions the technology's work in passing (ADR 0094).
 */

/** Leading verbs joined by commas, "or" and "and", after an opening manner adverb ("Manually or mechanically load"). */
const OPENING_VERBS = /^(?:(?:manually|mechanically|or|and)\s+)*[A-Za-z-]+(?:(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)[A-Za-z-]+)*/i;

/** Where the object ends: punctuation, or a word that opens a purpose, means, place or circumstance. */
const OBJECT_ENDS =
  /[,;.:(]|\s(?:to|for|using|with|by|from|in|on|at|into|onto|before|after|during|while|according|based|such|so|as|through|via|when|if|under|over|around|within|of)\s/i;

/** The longest task statement read (O*NET statements are under 400 characters); longer text is cut, never rejected. */
const MAX_STATEMENT = 1000;

export function taskAction(statement: string): string {
  const text = statement.slice(0, MAX_STATEMENT).trim();
  const verbs = OPENING_VERBS.exec(text)?.[0] ?? '';
  const rest = text.slice(verbs.length);
  const end = OBJECT_ENDS.exec(rest);
  return verbs + (end ? rest.slice(0, end.index) : rest);
}
