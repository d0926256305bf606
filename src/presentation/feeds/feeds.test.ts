import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { resolveFeed } from './feeds.ts';
import { FEED_ENTRIES, gatherFeedInput } from '../../features/history-pages/feed-input.ts';
import { historyReadModel, oneTask } from '../../features/history-pages/test-support/history-fixture.ts';

const model = historyReadModel([
  { onetCode: '11-0000.00', title: 'Archivists', zone: 'Green', category: 'Office & Admin', revisions: [{ at: '2026-01-01' }, { at: '2026-02-01', note: 'Tools <matured> & spread.', tasks: oneTask(3) }] },
  { onetCode: '12-0000.00', title: 'Bakers', zone: 'Red', category: 'Food', revisions: [{ at: '2026-01-05' }] },
]);
const now = new Date('2026-04-01T00:00:00Z');

function linksOf(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const links: string[] = [];
  parser.on('opentag', (tag) => {
    if (tag.local === 'link') links.push(String(tag.attributes.href?.value ?? ''));
  });
  parser.write(xml).close();
  return links;
}

describe('the Atom feeds of published changes', () => {
  it('writes well-formed Atom for everything, with absolute links and what each revision changed', () => {
    const result = resolveFeed(gatherFeedInput(model, 'all', ''), 'https://jobzone.example/', now);
    if (result.status !== 200) throw new Error('expected a feed');
    expect(result.xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const links = linksOf(result.xml);
    expect(links.length).toBeGreaterThan(3);
    expect(links.every((link) => link.startsWith('https://jobzone.example/'))).toBe(true);
    expect(links).toContain('https://jobzone.example/roles/archivists/all-levels/changes?from=1&to=2');
    expect(result.xml).toMatch(/AIJRI 56\.2 → 31\.0/);
    expect(result.xml).toContain('Tools &lt;matured&gt; &amp; spread.');
  });

  it('keeps a category feed and a role feed to their own changes', () => {
    const food = resolveFeed(gatherFeedInput(model, 'category', 'food.atom'), 'https://jobzone.example', now);
    expect(food.status === 200 && food.xml).toMatch(/Bakers/);
    expect(food.status === 200 && food.xml).not.toMatch(/Archivists/);
    const office = resolveFeed(gatherFeedInput(model, 'category', 'office-and-admin'), 'https://jobzone.example', now);
    expect(office.status).toBe(200);
    const role = resolveFeed(gatherFeedInput(model, 'role', 'archivists.atom'), 'https://jobzone.example', now);
    expect(role.status === 200 && (role.xml.match(/<entry>/g) ?? []).length).toBe(2);
  });

  it('carries the newest FEED_ENTRIES publications only', () => {
    const many = historyReadModel([{ onetCode: '11-0000.00', title: 'Archivists', zone: 'Green', revisions: Array.from({ length: FEED_ENTRIES + 5 }, (_, day) => ({ at: new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10) })) }]);
    const input = gatherFeedInput(many, 'all', '');
    expect(input.found && input.rows.map((row) => row.revision)).toEqual(Array.from({ length: FEED_ENTRIES }, (_, index) => FEED_ENTRIES + 5 - index));
  });

  it('is a 404 for an unknown category or role', () => {
    expect(resolveFeed(gatherFeedInput(model, 'category', 'nothing-here'), 'https://jobzone.example', now).status).toBe(404);
    expect(resolveFeed(gatherFeedInput(model, 'role', 'nobody'), 'https://jobzone.example', now).status).toBe(404);
  });
});
