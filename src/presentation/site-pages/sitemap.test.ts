import { describe, expect, it } from 'vitest';
import { buildRobotsTxt, buildSitemapXml as buildXml, listSitemapUrls as listUrls, STATIC_PATHS } from './sitemap.ts';
import { gatherSitemapInput } from '../../features/site-pages/sitemap-input.ts';
import type { ReadModel } from '../../features/read-model/read-model.ts';
import { committedReadModel, sampleReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';

const listSitemapUrls = (model: ReadModel, publicUrl: string) => listUrls(gatherSitemapInput(model), publicUrl);
const buildSitemapXml = (model: ReadModel, publicUrl: string) => buildXml(gatherSitemapInput(model), publicUrl);

describe('the sitemap', () => {
  it('lists static pages, categories and every role at every seniority with absolute URLs', async () => {
    const model = await committedReadModel();
    const urls = listSitemapUrls(model, 'https://jobzone.example');
    expect(urls).toHaveLength(STATIC_PATHS.length + model.categories.length + model.assessments.size);
    expect(urls.every((url) => url.loc.startsWith('https://jobzone.example/'))).toBe(true);
    expect(urls.map((url) => url.loc)).toContain('https://jobzone.example/roles/multimodal-ai-engineer/mid-level');
    expect(urls.map((url) => url.loc)).toContain('https://jobzone.example/about/data');
  });

  it('dates each role page by its current revision and each category by its newest', () => {
    const model = sampleReadModel([
      { onetCode: '11-0001.00', title: 'Clerks', zone: 'Red', category: 'Office' },
      { onetCode: '11-0002.00', title: 'Typists', zone: 'Red', category: 'Office' },
    ]);
    const urls = listSitemapUrls(model, 'https://jobzone.example/');
    expect(urls.find((url) => url.loc.endsWith('/roles/clerks/all-levels'))?.lastmod).toBe('2026-01-01');
    expect(urls.find((url) => url.loc.endsWith('/browse/office'))?.lastmod).toBe('2026-01-02');
  });

  it('is well-formed XML with escaped text', () => {
    const model = sampleReadModel([{ onetCode: '11-0001.00', title: 'Clerks', zone: 'Red', category: 'Sales & Related' }]);
    const xml = buildSitemapXml(model, 'https://jobzone.example/a&b');
    expect(xml).toContain('<loc>https://jobzone.example/a&amp;b/roles/clerks/all-levels</loc>');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    const withoutEntities = xml.replace(/&(amp|lt|gt|quot|apos);/g, '');
    expect(withoutEntities).not.toMatch(/[&]/);
    const opened = [...xml.matchAll(/<(url|loc|lastmod)>/g)].length;
    const closed = [...xml.matchAll(/<\/(url|loc|lastmod)>/g)].length;
    expect(opened).toBe(closed);
    expect(xml.trimEnd().endsWith('</urlset>')).toBe(true);
    expect([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].every((match) => URL.canParse((match[1] ?? '').replace(/&amp;/g, '&')))).toBe(true);
  });

  it('keeps the path of a public URL that has one', () => {
    const model = sampleReadModel([{ onetCode: '11-0001.00', title: 'Clerks', zone: 'Red' }]);
    expect(listSitemapUrls(model, 'https://example.org/jobzone/')[0]?.loc).toBe('https://example.org/jobzone/');
  });

  it('is named in robots.txt', () => {
    expect(buildRobotsTxt('https://jobzone.example')).toContain('Sitemap: https://jobzone.example/sitemap.xml');
  });
});
