import { gunzipSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../features/open-data/test-support/csv-parser.ts';
import { send, startSiteInProcess, type SiteUnderTest } from './test-support/site-under-test.ts';

const ROLE = '/roles/registered-nurses/all-levels';
const PUBLIC = 'http://localhost:4321';
let site: SiteUnderTest;
const get = (path: string, headers: Record<string, string> = {}) => send(site.url, 'GET', path, { headers });
const month = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  site = await startSiteInProcess();
}, 180_000);
afterAll(() => site?.close());

describe('bulk downloads under /data', () => {
  it('serves each current file with its type, a strong ETag, CDN caching and 304 for a current copy', async () => {
    for (const [name, type] of [
      ['jobzone-assessments.csv', /^text\/csv; charset=utf-8/],
      ['jobzone-tasks.jsonl', /^application\/jsonl; charset=utf-8/],
      ['jobzone-inputs.csv-metadata.json', /^application\/json; charset=utf-8/],
    ] as const) {
      const answer = await get(`/data/${name}`);
      expect(answer.status, name).toBe(200);
      expect(answer.headers['content-type']).toMatch(type);
      expect(answer.headers['cache-control']).toMatch(/public, max-age=\d+/);
      expect(answer.headers.etag).toMatch(/^"v\d+-[\w-]+"$/);
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      const again = await get(`/data/${name}`, { 'if-none-match': answer.headers.etag ?? '' });
      expect(again.status).toBe(304);
      expect(again.body.byteLength).toBe(0);
    }
  });

  it('sends the precompressed file when asked and its rows match the page’s row counts', async () => {
    const compressed = await get('/data/jobzone-assessments.csv', { 'accept-encoding': 'gzip' });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    const rows = parseCsv(gunzipSync(compressed.body).toString('utf8'));
    const page = (await get('/data')).body.toString('utf8');
    const shown = /data-testid="rows-assessments"[^>]*>([\d,]+)</.exec(page)?.[1];
    expect(Number(shown?.replaceAll(',', ''))).toBe(rows.length - 1);
    expect(rows.length - 1).toBeGreaterThanOrEqual(924);
  });

  it('serves this month’s snapshot as immutable and lists it on /data; unknown files are 404', async () => {
    const snapshot = await get(`/data/snapshots/${month}/jobzone-tasks.csv`);
    expect(snapshot.status).toBe(200);
    expect(snapshot.headers['cache-control']).toContain('immutable');
    expect(parseCsv(snapshot.body.toString('utf8'))[0]).toEqual(['slug', 'seniority', 'task', 'share', 'score', 'impact']);
    const page = (await get('/data')).body.toString('utf8');
    expect(page).toContain(`/data/snapshots/${month}/jobzone-assessments.csv`);
    expect((await get('/data/jobzone-secrets.csv')).status).toBe(404);
    expect((await get('/data/snapshots/1999-01/jobzone-tasks.csv')).status).toBe(404);
  });

  it('describes the data on /data with a data dictionary, the licence, O*NET attribution and a Dataset with a distribution per file', async () => {
    const answer = await get('/data');
    expect(answer.status).toBe(200);
    const html = answer.body.toString('utf8');
    expect(html).toContain('task_resistance');
    expect(html).toContain('CC BY 4.0');
    expect(html).toContain('O*NET Database by the U.S. Department of Labor');
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const dataset = JSON.parse(jsonLd) as { '@type': string; distribution: { contentUrl: string; encodingFormat: string }[]; license: string };
    expect(dataset['@type']).toBe('Dataset');
    expect(dataset.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(dataset.distribution.map((file) => file.contentUrl)).toContain(`${PUBLIC}/data/jobzone-inputs.jsonl`);
    expect(dataset.distribution).toHaveLength(9);
  });
});

describe('badge, embed card and oEmbed', () => {
  it('serves the badge as valid, titled SVG saying the score and the zone in words, cacheable with 304', async () => {
    const answer = await get(`${ROLE}/badge.svg`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(answer.headers['cache-control']).toMatch(/public/);
    const svg = answer.body.toString('utf8');
    const parser = new SaxesParser({ xmlns: true });
    const elements: string[] = [];
    parser.on('opentag', (tag) => elements.push(tag.local));
    parser.write(svg).close();
    expect(elements[0]).toBe('svg');
    expect(elements).toContain('title');
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/<title id="badge-title">jobzone AI Job Resistance Index for Registered Nurses \(All levels\): \d+\.\d of 100, (Green|Yellow|Red) zone/);
    expect((await get(`${ROLE}/badge.svg`, { 'if-none-match': answer.headers.etag ?? '' })).status).toBe(304);
    expect((await get('/roles/registered-nurses/no-such-level/badge.svg')).status).toBe(404);
  });

  it('lets only the embed card be framed by other sites', async () => {
    const card = await get(`/embed${ROLE}`);
    expect(card.status).toBe(200);
    expect(card.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(card.headers['content-security-policy']).not.toContain("frame-ancestors 'none'");
    expect(card.body.toString('utf8')).toMatch(/<a href="http:\/\/localhost:4321\/roles\/registered-nurses\/all-levels" target="_blank" rel="noopener"/);
    const cached = await get(`/embed${ROLE}`);
    expect(cached.headers['content-security-policy']).toContain('frame-ancestors *');
    const page = await get(ROLE);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await get('/embed/roles/no-such-role/mid-level')).status).toBe(404);
  });

  it('announces oEmbed on role pages and answers it for our role pages only, honouring maxwidth and maxheight', async () => {
    const page = (await get(ROLE)).body.toString('utf8');
    const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(href.startsWith(`${PUBLIC}/oembed?url=`)).toBe(true);
    const answer = await get(href.slice(PUBLIC.length));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(answer.body.toString('utf8')) as { type: string; version: string; html: string; width: number; height: number };
    expect(body).toMatchObject({ type: 'rich', version: '1.0', width: 400, height: 220 });
    expect(body.html).toContain(`src="${PUBLIC}/embed${ROLE}"`);
    const small = JSON.parse((await get(`/oembed?url=${encodeURIComponent(PUBLIC + ROLE)}&maxwidth=300&maxheight=180`)).body.toString('utf8')) as { width: number; height: number; html: string };
    expect([small.width, small.height]).toEqual([300, 180]);
    expect(small.html).toContain('width="300" height="180"');
    expect((await get(`/oembed?url=${encodeURIComponent('https://evil.example/roles/registered-nurses/all-levels')}`)).status).toBe(404);
    expect((await get(`/oembed?url=${encodeURIComponent(`${PUBLIC}/rankings`)}`)).status).toBe(404);
    expect((await get(`/oembed?url=${encodeURIComponent(`${PUBLIC}/roles/no-such-role`)}`)).status).toBe(404);
    expect((await get(`/oembed?url=${encodeURIComponent(PUBLIC + ROLE)}&format=xml`)).status).toBe(501);
    expect((await get(`/oembed?url=${encodeURIComponent(PUBLIC + ROLE)}&maxwidth=wide`)).status).toBe(400);
  });

  it('describes the role page as an Occupation with its O*NET-SOC code and the assessment as a 0–100 rating with its method', async () => {
    const page = (await get(ROLE)).body.toString('utf8');
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    const graph = (JSON.parse(jsonLd) as { '@graph': Record<string, unknown>[] })['@graph'];
    const occupation = graph.find((node) => node['@type'] === 'Occupation');
    expect(occupation?.occupationalCategory).toMatchObject({ '@type': 'CategoryCode', codeValue: '29-1141.00', inCodeSet: { name: 'O*NET-SOC' } });
    const review = graph.find((node) => node['@type'] === 'Review') as { reviewRating: Record<string, unknown>; isBasedOn: string } | undefined;
    expect(review?.reviewRating).toMatchObject({ '@type': 'Rating', bestRating: 100, worstRating: 0 });
    expect(typeof review?.reviewRating.ratingValue).toBe('number');
    expect(review?.isBasedOn).toBe(`${PUBLIC}/methodology`);
  });

  it('links /data and /api from the footer and from /about/data', async () => {
    const about = (await get('/about/data')).body.toString('utf8');
    for (const href of ['/data', '/api']) expect(about.match(new RegExp(`href="${href}"`, 'g'))?.length ?? 0).toBeGreaterThanOrEqual(2);
  });
});
