/**
 * What text an assessment may hold. Control characters (C0, DEL, C1) never belong in an
 * assessment: PostgreSQL refuses NUL outright, and the others are invisible on the page. Tabs and
 * line breaks are allowed only where text may span lines (Markdown, rationales).
 */

/** Length caps in characters, and caps on list lengths; docs/assessment-file.md lists them. */
export const TEXT_LIMITS = {
  /** Slugs, category, methodology version. */
  label: 120,
  /** Titles, names, aliases, source titles, provenance source. */
  title: 300,
  /** Task names: O*NET task statements run to about 330 characters. */
  taskName: 500,
  /** Rationales, evidence text, provenance detail, reasons and notes. */
  rationale: 2_000,
  /** Narrative sections: verdict, role definition, checks, commentary, override justification. */
  narrative: 8_000,
  url: 2_000,
} as const;

export const LIST_LIMITS = {
  tasks: 60,
  aliases: 100,
  onetCodes: 20,
  sources: 50,
  relatedRoles: 20,
  commentaryItems: 20,
} as const;

const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F]/;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** JSON Schema patterns for the same rules (a lone surrogate cannot be expressed there; the code checks it too). */
export const SINGLE_LINE_PATTERN = /^[^\u0000-\u001F\u007F-\u009F]*$/;
export const MULTI_LINE_PATTERN = /^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F]*$/;

/** What a text field expects, as validation messages say it. */
export const SINGLE_LINE_EXPECTED = 'one line of text without control characters';
export const MULTI_LINE_EXPECTED = 'text without control characters (tabs and line breaks are allowed)';

const CHARACTER_NAMES: Readonly<Record<number, string>> = { 0: 'a NUL byte', 9: 'a tab', 10: 'a line break', 13: 'a carriage return', 127: 'a DEL character' };

const codePointName = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** Finds the first character a text field may not hold and describes it with its position ("a NUL byte (U+0000) at character 13"), or returns null. */
export function describeForbiddenCharacter(value: string, multiline: boolean): string | null {
  const forbidden = multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN;
  const control = forbidden.exec(value);
  const surrogate = /\p{Surrogate}/u.exec(value);
  const first = [control, surrogate].filter((match) => match !== null).sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  const codePoint = first[0].codePointAt(0) ?? 0;
  const kind = surrogate === first ? 'a lone surrogate' : (CHARACTER_NAMES[codePoint] ?? 'a control character');
  return `${kind} (${codePointName(codePoint)}) at character ${first.index + 1}`;
}

/** Makes any text safe to print in one line of a message: control characters and lone surrogates become \u{…} escapes. */
export function printable(value: string): string {
  return value.replace(/[\u0000-\u001F\u007F-\u009F]|\p{Surrogate}/gu, (character) => `\\u{${(character.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}
