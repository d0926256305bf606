import { escapeXml } from '../escape.ts';

/** One entry of an Atom feed. */
export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  published?: Date;
  summary: string;
  author: string;
  categories?: readonly string[];
}

/** An Atom 1.0 feed: its identity, its own and its page's address, and its entries newest first. */
export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  selfUrl: string;
  alternateUrl: string;
  /** Used when there are no entries; otherwise the newest entry's time. */
  updated: Date;
  author: string;
  entries: readonly AtomEntry[];
}


const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
const time = (date: Date) => date.toISOString();

function entryXml(entry: AtomEntry): string {
  return [
    '  <entry>',
    `    ${element('id', entry.id)}`,
    `    ${element('title', entry.title)}`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
    ...(entry.published ? [`    ${element('published', time(entry.published))}`] : []),
    `    ${element('updated', time(entry.updated))}`,
    `    <author>${element('name', entry.author)}</author>`,
    ...(entry.categories ?? []).map((category) => `    <category term="${escapeXml(category)}"/>`),
    `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
    '  </entry>',
  ].join('\n');
}

/** Builds the XML of an Atom 1.0 feed (RFC 4287) with every text escaped. */
export function buildAtomFeed(feed: AtomFeed): string {
  const newest = feed.entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0));
  const updated = feed.entries.length > 0 ? newest : feed.updated;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title)}`,
    ...(feed.subtitle ? [`  ${element('subtitle', feed.subtitle)}`] : []),
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    `  ${element('updated', time(updated))}`,
    `  <author>${element('name', feed.author)}</author>`,
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
