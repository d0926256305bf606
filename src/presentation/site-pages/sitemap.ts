import type { SitemapInput } from '../../features/site-pages/sitemap-input.ts';
import { escapeXml } from '../escape.ts';
import { assessmentHref } from './role-summary.ts';

/** The pages that are not generated from the catalog, in the order a reader meets them. */
export const STATIC_PATHS = ['/', '/browse', '/rankings', '/compare', '/methodology', '/about/data'] as const;

interface SitemapUrl {
  loc: string;
  lastmod: string | null;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Lists every URL of the site with the date it last changed: static pages, categories and every role at every seniority. */
export function listSitemapUrls({ categories, assessments: entries }: SitemapInput, publicUrl: string): SitemapUrl[] {
  const base = publicUrl.replace(/\/+$/, '');
  const absolute = (path: string) => `${base}${path}`;
  const newest = (dates: Date[]) => (dates.length === 0 ? null : day(new Date(Math.max(...dates.map((date) => date.getTime())))));
  const siteDate = newest(entries.map((entry) => entry.revision.publishedAt));
  const urls: SitemapUrl[] = STATIC_PATHS.map((path) => ({ loc: absolute(path), lastmod: path === '/methodology' || path === '/about/data' ? null : siteDate }));
  for (const category of categories) {
    urls.push({ loc: absolute(`/browse/${category.slug}`), lastmod: newest(entries.filter((entry) => entry.category === category.name).map((entry) => entry.revision.publishedAt)) });
  }
  const byKey = [...entries].sort((a, b) => a.key.localeCompare(b.key));
  for (const entry of byKey) urls.push({ loc: absolute(assessmentHref(entry.roleSlug, entry.seniority)), lastmod: day(entry.revision.publishedAt) });
  return urls;
}

/** Writes sitemap.xml (sitemaps.org 0.9) for the site. */
export function buildSitemapXml(input: SitemapInput, publicUrl: string): string {
  const lines = listSitemapUrls(input, publicUrl).map(
    ({ loc, lastmod }) => `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</urlset>\n`;
}

/** Writes robots.txt: everything may be crawled except the API, and the sitemap is named. */
export function buildRobotsTxt(publicUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: ${publicUrl.replace(/\/+$/, '')}/sitemap.xml\n`;
}
