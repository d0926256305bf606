import { StudioError } from './studio.errors.ts';

/** Bounds of what the studio accepts; the server's own body limit (64 KB) sits above them. */
export const STUDIO_LIMITS = {
  /** A draft document as JSON. */
  documentChars: 60_000,
  /** A pasted published page. */
  pageChars: 60_000,
  /** A revision note, a review comment, a reason for changes. */
  noteChars: 2_000,
  /** A field path a comment is about. */
  inputPathChars: 120,
  /** What a reader says is wrong. */
  reportChars: 2_000,
  /** The source a reader points to; an email address. */
  reportSourceChars: 500,
  emailChars: 254,
  /** Rows of one queue section or one audit page. */
  pageRows: 50,
} as const;

const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F]/;

/** Reads a free-text field: trimmed, within `max` characters, plain text; null when optional and empty, studio.invalid naming the field otherwise. */
export function readText(field: string, value: unknown, max: number, options: { required: true; multiline?: boolean }): string;
export function readText(field: string, value: unknown, max: number, options: { required: false; multiline?: boolean }): string | null;
export function readText(field: string, value: unknown, max: number, options: { required: boolean; multiline?: boolean }): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (options.required) throw new StudioError('studio.invalid', `${field}: found nothing; expected some text`);
    return null;
  }
  if (typeof value !== 'string') throw new StudioError('studio.invalid', `${field}: found ${typeof value}; expected text`);
  const text = value.trim();
  if (text.length > max) throw new StudioError('studio.invalid', `${field}: found ${text.length.toLocaleString('en-US')} characters; expected at most ${max.toLocaleString('en-US')}`);
  const forbidden = options.multiline === false ? SINGLE_LINE_FORBIDDEN : MULTI_LINE_FORBIDDEN;
  if (forbidden.test(text) || !text.isWellFormed()) throw new StudioError('studio.invalid', `${field}: found control characters; expected plain text`);
  return text;
}
