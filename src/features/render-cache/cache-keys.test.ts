import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listFilesRecursively } from '../../shared/files.ts';
import { parametersReadByPages, renderCacheKeyOf } from './cache-keys.ts';

const keyOf = (address: string) => renderCacheKeyOf(new URL(address, 'http://localhost'));

describe('render-cache keys', () => {
  it('ignore parameters the page does not read, so junk never makes a new entry', () => {
    expect(keyOf('/roles/roofers?x=8f3a91')).toBe('/roles/roofers');
    expect(keyOf('/roles/roofers?x=1&utm_source=mail')).toBe('/roles/roofers');
    expect(keyOf('/?q=anything')).toBe('/');
    expect(keyOf('/search?q=nurse&x=1')).toBe('/search?q=nurse');
  });

  it('keep the parameters the page reads, in a fixed order', () => {
    expect(keyOf('/rankings?zone=red&sort=score')).toBe(keyOf('/rankings?sort=score&zone=red'));
    expect(keyOf('/rankings?zone=red')).not.toBe(keyOf('/rankings?zone=green'));
    expect(keyOf('/roles/roofers/all-levels?subscribe=sent')).toBe('/roles/roofers/all-levels?subscribe=sent');
    expect(keyOf('/report?role=roofers/all-levels&s1=30&s12=5&sx=1')).toBe('/report?role=roofers%2Fall-levels&s1=30&s12=5');
  });

  it('make one entry of the search addresses that show the same page', () => {
    expect(keyOf('/search?q=nurse&limit=7')).toBe('/search?q=nurse');
    expect(keyOf('/search?q=%20nurse%20&q=welder')).toBe('/search?q=nurse');
    expect(keyOf('/search?q=Nurse')).not.toBe(keyOf('/search?q=nurse'));
    expect(keyOf(`/search?q=${'a'.repeat(1_500)}`)).toBe(`/search?q=${'a'.repeat(200)}`);
  });

  it('keep repeated values in their order', () => {
    expect(keyOf('/report?t=1:30&role=a/b&t=2:15')).toBe('/report?role=a%2Fb&t=1%3A30&t=2%3A15');
    expect(keyOf('/report?t=2:15&t=1:30')).not.toBe(keyOf('/report?t=1:30&t=2:15'));
  });

  it('are refused for addresses too long to be a real link', () => {
    expect(keyOf(`/roles/${'a'.repeat(400)}`)).toBeNull();
    expect(keyOf(`/compare?roles=${'a'.repeat(3_000)}`)).toBeNull();
  });

  it('are never made for studio or sign-in pages, which differ per member or act on a token', () => {
    for (const path of ['/sign-in?next=/studio', '/sign-in/link?token=x', '/sign-out']) expect(renderCacheKeyOf(new URL(`http://localhost${path}`))).toBeNull();
    expect(keyOf('/studio')).toBeNull();
    expect(keyOf('/studio/drafts/4?x=1')).toBeNull();
    expect(keyOf('/studios')).toBe('/studios');
  });
});

describe('the route table', () => {
  it('names every query parameter the pages and their view builders read', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const folders = ['web/pages', 'web/components', 'presentation/site-pages', 'presentation/history-pages', 'presentation/personal-report', 'features/personal-report'];
    const files = (await Promise.all(folders.map((folder) => listFilesRecursively(`${root}${folder}`, ['.astro', '.ts'])))).flat().filter((file) => !file.endsWith('.test.ts'))
      // Studio and sign-in pages are never cached (see below), so what they read needs no entry.
      .filter((file) => !/\/web\/pages\/(studio\/|sign-in|sign-out)/.test(file));
    const read = new Set<string>();
    for (const file of files) {
      const source = await readFile(file, 'utf8');
      for (const match of source.matchAll(/(?:params|searchParams)\s*\.\s*(?:get|getAll|has)\(\s*'([^']+)'/g)) read.add(match[1] ?? '');
      for (const match of source.matchAll(/listOf\(params, '([^']+)'/g)) read.add(match[1] ?? '');
    }
    const known = parametersReadByPages();
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((name) => !known.includes(name))).toEqual([]);
  });
});

describe('the personal report’s coarse choices', () => {
  it('are part of the key, in the compact and the plain-form spelling', () => {
    expect(keyOf('/report?role=a/b&c=6:most')).not.toBe(keyOf('/report?role=a/b'));
    expect(keyOf('/report?role=a/b&c6=most&cx=1')).toBe('/report?c6=most&role=a%2Fb');
  });
});
