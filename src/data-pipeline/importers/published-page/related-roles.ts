import { slugify } from '../../../shared/slug.ts';

export interface RelatedRole {
  title: string;
  slug?: string;
  reason?: string;
  publishedScore?: number;
}

export interface Peer {
  title: string;
  slug?: string;
  score: number;
  note?: string;
}

const NOT_START = /^NOT\s+(?:(?:a|an|the)\s+)?/;
const SCORED_SUFFIX = /[\s,;:—–-]*\bscored\s+(?:(?:green|yellow|red)\s+)?(?:at\s+)?(\d{1,3}(?:\.\d+)?)\s*$/i;

/** Returns the index just past the parenthesis that closes the one at `open`, or -1 when unbalanced. */
function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '(') depth += 1;
    if (text[index] === ')') depth -= 1;
    if (depth === 0) return index + 1;
  }
  return -1;
}

function withSlug(title: string): { title: string; slug?: string } {
  const slug = slugify(title);
  return slug ? { title, slug } : { title };
}

function relatedRole(title: string, inside: string | undefined): RelatedRole {
  const role: RelatedRole = withSlug(title);
  if (inside === undefined) return role;
  const scored = SCORED_SUFFIX.exec(inside);
  const score = scored ? Number(scored[1]) : NaN;
  const reason = (scored && score <= 100 ? inside.slice(0, scored.index) : inside).trim();
  if (reason) role.reason = reason;
  if (scored && score <= 100) role.publishedScore = score;
  return role;
}

/** Parses "NOT a X (how it differs — scored GREEN 68.2)." sentences into the roles this one is not. */
export function parseNotThisRole(text: string): RelatedRole[] {
  const roles: RelatedRole[] = [];
  let rest = text.trim();
  for (let start = NOT_START.exec(rest); start; start = NOT_START.exec(rest)) {
    rest = rest.slice(start[0].length);
    const open = rest.indexOf('(');
    const sentenceEnd = rest.search(/\.(?:\s|$)|\s+NOT\s/);
    const titleEnd = [open, sentenceEnd, rest.length].filter((index) => index >= 0).reduce((a, b) => Math.min(a, b));
    const title = rest.slice(0, titleEnd).trim();
    const close = titleEnd === open ? closingParenthesis(rest, open) : -1;
    if (!title) break;
    roles.push(relatedRole(title, close > 0 ? rest.slice(open + 1, close - 1) : undefined));
    rest = rest.slice(close > 0 ? close : titleEnd).replace(/^\s*\.?\s*/, '');
  }
  return roles;
}

const TITLE_WORD = /^[A-Z0-9][\w/&+'’.-]*$/;
const CONNECTOR = /^(?:of|and|&|for|the|in|de)$/;
const LEADING_FILLER = /^(?:The|A|An|Like|Unlike|Both|Than|As|With|Between|Below|Above|And|Or|Versus|Vs\.?|While|Whereas|But|Peer|Peers|Compared|Including|Near|Beside)$/;

/** Reads the run of title-case words that ends just before a parenthesis. */
function titleBefore(text: string): string {
  const words = text.trimEnd().split(/\s+/);
  const taken: string[] = [];
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const word = words[index] ?? '';
    const fitsTitle = TITLE_WORD.test(word) && !/[,.;:]$/.test(word);
    if (!fitsTitle && !(CONNECTOR.test(word) && taken.length > 0)) break;
    taken.unshift(word);
  }
  while (taken.length > 0 && (CONNECTOR.test(taken[0] ?? '') || LEADING_FILLER.test(taken[0] ?? ''))) taken.shift();
  return taken.join(' ');
}

/** Parses peer mentions like "AI Agent Builder (63.2, different specialisation)" from free text. */
export function parsePeers(text: string): Peer[] {
  const peers: Peer[] = [];
  for (const match of text.matchAll(/\((\d{1,3}\.\d)(?:\s*,\s*([^)]*))?\)/g)) {
    const title = titleBefore(text.slice(0, match.index));
    const score = Number(match[1]);
    if (!title || score > 100 || peers.some((peer) => peer.title === title)) continue;
    const note = match[2]?.trim();
    peers.push({ ...withSlug(title), score, ...(note ? { note } : {}) });
  }
  return peers;
}
