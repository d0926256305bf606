/** A signed number as pages write it, with a hyphen, en dash or minus sign. */
export const SIGNED_NUMBER = String.raw`[+\-−–]?\d+(?:\.\d+)?`;

/** Parses a number written on a page, accepting typographic minus signs. */
export function parsePageNumber(text: string): number {
  return Number(text.trim().replace(/^[−–]/, '-').replace(/^\+/, ''));
}

/** Escapes text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds a pattern for a row label however the page spaces its slashes, ampersands and words. */
export function labelPattern(label: string): string {
  return label
    .trim()
    .split(/\s*\/\s*/)
    .map((part) =>
      part
        .split(/\s*&\s*/)
        .map((words) => words.split(/\s+/).map(escapeRegExp).join(String.raw`\s*`))
        .join(String.raw`\s*(?:&|and)\s*`),
    )
    .join(String.raw`\s*/\s*`);
}

