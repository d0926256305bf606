/**
 * A crude derivational root, so a title word meets its relatives: "teaching" and "teacher",
 * "custodial" and "custodian", "janitorial" and "janitor". Plurals are already gone (stemToken);
 * this strips at most three suffixes and keeps roots of five letters or more, so short words stay apart.
 */

const SUFFIXES = ['ational', 'ation', 'ment', 'ing', 'ial', 'ian', 'ical', 'ist', 'er', 'or', 'al', 'ic', 'ion', 'y', 'e'] as const;
const MIN_ROOT = 5;
const MIN_WORD = 6;

function stripOnce(word: string): string | null {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_ROOT) return word.slice(0, -suffix.length);
  }
  return null;
}

/** The root of a stemmed word, or null for a short word or one with no suffix to strip. */
export function wordRoot(word: string): string | null {
  if (word.length < MIN_WORD || /\d/.test(word)) return null;
  const first = stripOnce(word);
  if (first === null) return null;
  const second = stripOnce(first);
  return second === null ? first : (stripOnce(second) ?? second);
}
