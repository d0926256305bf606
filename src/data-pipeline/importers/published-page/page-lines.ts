import { printable } from '../../../methodology/index.ts';
import type { PageProblem } from './types.ts';

/** One line of the page, trimmed; number is 1-based. */
export interface PageLine {
  readonly number: number;
  readonly text: string;
}

/** Collects what goes wrong while reading a page, so every problem is reported at once. */
export interface Report {
  problems: PageProblem[];
  warnings: string[];
}

/** Records a problem at a line of the page. */
export function addProblem(report: Report, line: PageLine | number | null, path: string, message: string): void {
  const number = line === null ? null : typeof line === 'number' ? line : line.number;
  report.problems.push({ line: number, path, message });
}

/** Splits page text into trimmed, numbered lines. */
export function toLines(text: string): PageLine[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, index) => ({ number: index + 1, text: raw.trim() }));
}

/** Finds the first line matching a pattern and returns it with its capture groups. */
export function findLine(lines: readonly PageLine[], pattern: RegExp): { line: PageLine; match: RegExpExecArray } | null {
  for (const line of lines) {
    const match = pattern.exec(line.text);
    if (match) return { line, match };
  }
  return null;
}

/** Quotes page text for a message, shortened so messages stay readable. */
export function quote(text: string): string {
  return `"${printable(text.length > 70 ? `${text.slice(0, 67)}...` : text)}"`;
}

/** Joins lines into markdown: blank lines separate paragraphs; list items keep their own lines. */
export function toMarkdown(lines: readonly PageLine[]): string {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line.text === '') paragraphs.push([]);
    else paragraphs[paragraphs.length - 1]?.push(line.text.replace(/^[•▪●]\s*/, '- '));
  }
  return paragraphs
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => paragraph.join('\n'))
    .join('\n\n');
}

/** Returns the text of a markdown block, or undefined when it is empty. */
export function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}
