import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { explainScore, methodologyOf, scoreAssessment, toScoreJson } from '../../methodology/index.ts';
import { buildAtomFeed } from './atom-feed.ts';
import { buildRevisionFeed } from './revision-feeds.ts';
import type { PublicationRow } from '../../features/revisions/revisions.schemas.ts';
import { expertAssessment } from '../../features/revisions/test-support/publishing-fixture.ts';

interface ParsedElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: ParsedElement[];
}

/** Parses XML strictly (namespaces, well-formedness) into a small element tree; throws on any error. */
function parseXml(xml: string): ParsedElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: ParsedElement = { name: '#document', attributes: {}, text: '', children: [] };
  const stack: ParsedElement[] = [root];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element: ParsedElement = { name: `${tag.uri}|${tag.local}`, attributes: Object.fromEntries(Object.values(tag.attributes).map((attribute) => [attribute.local, attribute.value])), text: '', children: [] };
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  const [feed] = root.children;
  if (!feed) throw new Error('no root element');
  return feed;
}

const ATOM = 'http://www.w3.org/2005/Atom';
const child = (element: ParsedElement, name: string) => element.children.find((item) => item.name === `${ATOM}|${name}`);
const children = (element: ParsedElement, name: string) => element.children.filter((item) => item.name === `${ATOM}|${name}`);

function publication(changes: Partial<PublicationRow> = {}): PublicationRow {
  const before = expertAssessment();
  const after = expertAssessment({ growth: { score: -2, rationale: 'Demand shrinks.' } });
  return {
    roleSlug: 'ward-nurse',
    seniority: 'mid-level',
    title: 'Ward Nurse',
    category: 'Healthcare',
    revision: 2,
    publishedAt: new Date('2026-11-20T12:00:00Z'),
    author: 'Ada Assessor',
    note: 'Staffing ratios <cut> & "AI" triage',
    figures: toScoreJson(scoreAssessment(after, methodologyOf(after.methodology)), explainScore(after, methodologyOf(after.methodology))),
    previousFigures: toScoreJson(scoreAssessment(before, methodologyOf(before.methodology)), explainScore(before, methodologyOf(before.methodology))),
    ...changes,
  };
}

describe('Atom feeds of published changes', () => {
  it('a feed is well-formed Atom 1.0 with id, title, updated, self and alternate links, and escaped text', () => {
    const xml = buildAtomFeed({
      id: 'https://jobzone.example/feeds/all.atom',
      title: 'Tom & Jerry <feed> "quoted" \u0007bell',
      selfUrl: 'https://jobzone.example/feeds/all.atom?a=1&b=2',
      alternateUrl: 'https://jobzone.example/changes',
      updated: new Date('2026-11-23T00:00:00Z'),
      author: 'jobzone',
      entries: [{ id: 'https://jobzone.example/x', title: '<b>bold</b>', link: 'https://jobzone.example/x?y=1&z=2', updated: new Date('2026-11-22T00:00:00Z'), summary: "it's < 5 & > 3", author: 'A & B' }],
    });
    const feed = parseXml(xml);
    expect(feed.name).toBe(`${ATOM}|feed`);
    expect(child(feed, 'title')?.text).toBe('Tom & Jerry <feed> "quoted" bell');
    expect(child(feed, 'updated')?.text).toBe('2026-11-22T00:00:00.000Z');
    expect(children(feed, 'link').map((link) => [link.attributes['rel'], link.attributes['href']])).toEqual([
      ['self', 'https://jobzone.example/feeds/all.atom?a=1&b=2'],
      ['alternate', 'https://jobzone.example/changes'],
    ]);
    const [entry] = children(feed, 'entry');
    expect(child(entry ?? feed, 'summary')?.text).toBe("it's < 5 & > 3");
    expect(child(entry ?? feed, 'title')?.text).toBe('<b>bold</b>');
  });

  it('the feed of a role has one entry per revision with absolute links to the diff, the change in figures and the note', () => {
    const xml = buildRevisionFeed({ kind: 'role', roleSlug: 'ward-nurse' }, [publication(), publication({ revision: 1, previousFigures: null, publishedAt: new Date('2026-10-01T08:00:00Z') })], 'https://jobzone.example', new Date());
    const feed = parseXml(xml);
    expect(child(feed, 'id')?.text).toBe('https://jobzone.example/feeds/roles/ward-nurse.atom');
    expect(child(feed, 'title')?.text).toBe('jobzone: changes to Ward Nurse');
    expect(child(feed, 'updated')?.text).toBe('2026-11-20T12:00:00.000Z');
    const entries = children(feed, 'entry');
    expect(entries).toHaveLength(2);
    const [latest, first] = entries;
    if (!latest || !first) throw new Error('missing entries');
    expect(child(latest, 'link')?.attributes['href']).toBe('https://jobzone.example/roles/ward-nurse/mid-level/changes?from=1&to=2');
    expect(child(latest, 'id')?.text).toBe('https://jobzone.example/roles/ward-nurse/mid-level/history#revision-2');
    expect(child(latest, 'summary')?.text).toMatch(/^AIJRI \d+\.\d → \d+\.\d \(−\d+\.\d\), .+\. Staffing ratios <cut> & "AI" triage$/);
    expect(child(child(latest, 'author') ?? latest, 'name')?.text).toBe('Ada Assessor');
    expect(child(first, 'summary')?.text).toMatch(/^First published: AIJRI/);
  });

  it('an empty category feed is still valid, dated by when it was built', () => {
    const feed = parseXml(buildRevisionFeed({ kind: 'category', category: 'Arts & Design' }, [], 'https://jobzone.example', new Date('2026-11-23T00:00:00Z')));
    expect(child(feed, 'id')?.text).toBe('https://jobzone.example/feeds/categories/arts-and-design.atom');
    expect(child(feed, 'updated')?.text).toBe('2026-11-23T00:00:00.000Z');
    expect(children(feed, 'entry')).toEqual([]);
  });
});
