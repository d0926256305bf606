import { nonEmpty, toMarkdown, type PageLine, type Report } from './page-lines.ts';
import type { Section, Sections } from './sections.ts';

export interface SourceInput {
  title: string;
  url?: string;
}

export interface CommentaryInput {
  scoreVsReality?: string;
  whatTheNumbersMiss: { title: string; text: string }[];
  whoShouldWorry?: string;
  roleInFuture?: { year?: number; text: string };
  survivalStrategy: string[];
  timeline?: string;
}

const LIST_ITEM = /^(?:[•▪●*-]|\d+[.)])\s*/;

/** Groups lines into list items: a bullet or number starts one, other lines continue it. */
function listItems(lines: readonly PageLine[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    if (line.text === '') continue;
    if (LIST_ITEM.test(line.text) || items.length === 0) items.push(line.text.replace(LIST_ITEM, ''));
    else items[items.length - 1] += `\n\n${line.text}`;
  }
  return items.map((item) => item.trim()).filter(Boolean);
}

/** Reads the text after "Reinstatement check (Acemoglu):" up to the end of the task section. */
export function readReinstatement(section: Section): string | undefined {
  const index = section.lines.findIndex((line) => /^Reinstatement check\b[^:]*:/i.test(line.text));
  const line = section.lines[index];
  if (!line) return undefined;
  const first = { number: line.number, text: line.text.replace(/^Reinstatement check\b[^:]*:\s*/i, '') };
  return nonEmpty(toMarkdown([first, ...section.lines.slice(index + 1)]));
}

function titledItem(item: string, report: Report): { title: string; text: string } {
  const end = /[.!?](?=\s|$)/.exec(item);
  const title = (end ? item.slice(0, end.index + 1) : item).replace(/\.$/, '').trim();
  const text = end ? item.slice(end.index + 1).trim() : '';
  if (text) return { title, text };
  report.warnings.push(`the "What the Numbers Don't Capture" item ${JSON.stringify(title.slice(0, 40))} has no text after its title sentence; the title was used as its text`);
  return { title, text: item };
}

/** Splits "What This Means" into its labelled blocks: the role in a given year, survival strategy, timeline. */
function labelledBlocks(lines: readonly PageLine[]): Map<string, { label: string; lines: PageLine[] }> {
  const blocks = new Map<string, { label: string; lines: PageLine[] }>();
  let current: PageLine[] | null = null;
  for (const line of lines) {
    const start = /^(The role in\b[^:]*|Survival strategy|Timeline)\s*:\s*(.*)$/i.exec(line.text);
    const key = start?.[1]?.toLowerCase().startsWith('the role') ? 'future' : start?.[1]?.toLowerCase();
    if (start && key && !blocks.has(key)) {
      current = [{ number: line.number, text: start[2] ?? '' }];
      blocks.set(key, { label: start[1] ?? '', lines: current });
    } else current?.push(line);
  }
  return blocks;
}

function readWhatThisMeans(section: Section): Pick<CommentaryInput, 'roleInFuture' | 'survivalStrategy' | 'timeline'> {
  const blocks = labelledBlocks(section.lines);
  const future = blocks.get('future');
  const futureText = future && nonEmpty(toMarkdown(future.lines));
  const year = future && /\b(\d{4})\b/.exec(future.label)?.[1];
  return {
    roleInFuture: futureText ? { ...(year ? { year: Number(year) } : {}), text: futureText } : undefined,
    survivalStrategy: listItems(blocks.get('survival strategy')?.lines ?? []),
    timeline: nonEmpty(toMarkdown(blocks.get('timeline')?.lines ?? [])),
  };
}

/** Reads the assessor commentary sections into their schema fields. */
export function readCommentary(sections: Sections, report: Report): CommentaryInput {
  return {
    scoreVsReality: nonEmpty(toMarkdown(sections.scoreVsReality.lines)),
    whatTheNumbersMiss: listItems(sections.numbersMiss.lines).map((item) => titledItem(item, report)),
    whoShouldWorry: nonEmpty(toMarkdown(sections.whoShouldWorry.lines)),
    ...readWhatThisMeans(sections.whatThisMeans),
  };
}

/** Reads a Sources or Useful Resources list: one item a line, with a link when the line holds one. */
export function readSourceList(section: Section): SourceInput[] {
  const items = section.lines.map((line) => line.text.replace(LIST_ITEM, '').trim()).filter(Boolean);
  return items.map((item) => {
    const url = /https?:\/\/[^\s<>"]+[^\s<>".,;:)]/.exec(item)?.[0];
    const title = (url ? item.replace(url, '') : item)
      .replace(/\(\s*\)/g, '')
      .replace(/[\s([\]:;,.—–-]+$/, '')
      .replace(/^[\s)\]:;,.—–-]+/, '');
    if (!url || !URL.canParse(url)) return { title: item };
    return { title: title || url, url };
  });
}
