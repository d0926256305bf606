import { escapeHtml } from './escape.ts';

/**
 * A deliberately tiny Markdown subset for assessment texts: paragraphs, numbered and bulleted
 * lists, **bold**, *em* and [links](https://…). Everything else is escaped, so assessment text can
 * never inject markup into a page.
 */


// Runs on escaped text: a URL can hold no quote or angle bracket, and only http(s) is accepted.
const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;
const BOLD = /\*\*(?=\S)([^*\n]*?\S)\*\*/g;
const EM = /(^|[^*\w])\*(?=\S)([^*\n]*?\S)\*(?![*\w])/g;

function renderInline(text: string): string {
  const links: string[] = [];
  const withoutLinks = escapeHtml(text).replace(LINK, (_match, label: string, url: string) => {
    links.push(`<a href="${url}" rel="nofollow noopener">${label}</a>`);
    return `\u0000${links.length - 1}\u0000`;
  });
  return withoutLinks
    .replace(BOLD, '<strong>$1</strong>')
    .replace(EM, '$1<em>$2</em>')
    .replace(/\u0000(\d+)\u0000/g, (_match, index: string) => links[Number(index)] ?? '');
}

type Block = { kind: 'p'; lines: string[] } | { kind: 'ol' | 'ul'; items: string[] };

const ORDERED_ITEM = /^\s*\d+[.)]\s+(.*)$/;
const BULLET_ITEM = /^\s*[-*•]\s+(.*)$/;

function splitBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let current = null as Block | null;
  for (const rawLine of markdown.replace(/\r\n?/g, '\n').replace(/\u0000/g, '').split('\n')) {
    const line = rawLine.trimEnd();
    if (line.trim() === '') {
      current = null;
      continue;
    }
    const ordered = ORDERED_ITEM.exec(line);
    const bullet = ordered ? null : BULLET_ITEM.exec(line);
    const kind = ordered ? 'ol' : bullet ? 'ul' : null;
    const itemText = (ordered ?? bullet)?.[1];
    const open: Block | null = current;
    if (kind && itemText !== undefined) {
      if (open !== null && open.kind === kind) open.items.push(itemText.trim());
      else {
        current = { kind, items: [itemText.trim()] };
        blocks.push(current);
      }
    } else if (open !== null && open.kind !== 'p') {
      // A line that is not an item continues the item above it.
      const last = open.items.length - 1;
      open.items[last] = `${open.items[last] ?? ''} ${line.trim()}`;
    } else if (open !== null) {
      open.lines.push(line.trim());
    } else {
      current = { kind: 'p', lines: [line.trim()] };
      blocks.push(current);
    }
  }
  return blocks;
}

/** Renders the Markdown subset to safe HTML. */
export function renderMarkdown(markdown: string | undefined | null): string {
  if (!markdown) return '';
  return splitBlocks(markdown)
    .map((block) =>
      block.kind === 'p'
        ? `<p>${renderInline(block.lines.join(' '))}</p>`
        : `<${block.kind}>${block.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${block.kind}>`,
    )
    .join('\n');
}

/** Renders one line of the Markdown subset without a paragraph around it. */
export function renderInlineMarkdown(markdown: string | undefined | null): string {
  if (!markdown) return '';
  return renderInline(markdown.replace(/\u0000/g, '').replace(/\s*\n\s*/g, ' ').trim());
}

/** Reduces the Markdown subset to plain text (for meta descriptions). */
export function markdownToPlainText(markdown: string | undefined | null): string {
  if (!markdown) return '';
  return markdown
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^*\w])\*([^*\n]+)\*/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}
