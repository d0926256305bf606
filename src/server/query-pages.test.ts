import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { etagOf } from '../features/render-cache/render-cache.ts';
import { send, startSiteInProcess, type RawAnswer, type SiteUnderTest } from './test-support/site-under-test.ts';

// The same site twice: one renders search, compare and the report with the typed renderers (ADR
// 0171), the other through Astro only. Every page must come out byte for byte the same, except the
// island's `uid`, a hash Astro makes for its development server (documented in ADR 0171), and the
// stylesheet, which the typed pages link as a file (ADR 0172): it is put back inline from the file
// the typed site serves, so the file must hold exactly what Astro inlines. Search and compare share
// their content with their .astro pages (ADR 0142): for them this holds the shell, head, island,
// stylesheet and headers of the two paths together.
let typed: SiteUnderTest;
let astro: SiteUnderTest;

beforeAll(async () => {
  [typed, astro] = await Promise.all([startSiteInProcess(), startSiteInProcess({ serverIslands: undefined })]);
  // A first start may build the site (about a minute on a busy machine).
}, 240_000);

afterAll(async () => {
  await Promise.all([typed?.close(), astro?.close()]);
});

const normalised = (html: string) => html.replace(/<astro-island uid="[^"]*"/g, '<astro-island uid=""');
const STYLESHEET_LINK = /<link rel="stylesheet" href="(\/query-styles\/[0-9a-f]{16}\.css)">/;

/** The typed page with its linked stylesheet inlined again from the file the typed site serves. */
async function withStylesheetInlined(html: string): Promise<string> {
  const href = STYLESHEET_LINK.exec(html)?.[1];
  if (href === undefined) return html;
  const file = await send(typed.url, 'GET', href, { headers: { 'accept-encoding': 'identity' } });
  expect(file.status, href).toBe(200);
  return html.replace(STYLESHEET_LINK, () => `<style>${file.body.toString('utf8')}</style>`);
}

// The ETag and the length count the page, uid included: each site's must be those of its own bytes.
function comparableHeaders(answer: RawAnswer): Record<string, unknown> {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, 'transfer-encoding': _te, etag, 'content-length': length, ...rest } = answer.headers;
  const version = Number(/^"v(\d+)-/.exec(etag ?? '')?.[1]);
  return {
    ...rest,
    etagIsHashOfBody: etag === undefined ? 'none' : etag === etagOf(version, answer.body),
    lengthIsBodyLength: length === undefined ? 'none' : Number(length) === answer.body.byteLength,
  };
}

async function bothAnswers(path: string): Promise<{ typed: RawAnswer; astro: RawAnswer }> {
  const headers = { 'accept-encoding': 'identity' };
  const [fromTyped, fromAstro] = await Promise.all([send(typed.url, 'GET', path, { headers }), send(astro.url, 'GET', path, { headers })]);
  return { typed: fromTyped, astro: fromAstro };
}

/**
 * Asks both sites for the page and holds them equal. `by` says who must have rendered it on the typed
 * site: its own renderers, or Astro (redirects, pages showing input problems).
 */
async function expectSamePage(path: string, by: 'typed' | 'astro' = 'typed'): Promise<void> {
  const before = typed.queryPagesRendered();
  const answers = await bothAnswers(path);
  expect(answers.typed.status, path).toBe(answers.astro.status);
  const typedPage = answers.typed.body.toString('utf8');
  // Pages the typed site leaves to Astro keep their inlined stylesheet; its own pages link it.
  expect(STYLESHEET_LINK.test(typedPage), `${path} links its stylesheet`).toBe(by === 'typed' && answers.typed.status === 200);
  expect(normalised(await withStylesheetInlined(typedPage)), path).toBe(normalised(answers.astro.body.toString('utf8')));
  expect(comparableHeaders(answers.typed), path).toEqual(comparableHeaders(answers.astro));
  expect(typed.queryPagesRendered() - before, `${path} rendered by ${by}`).toBe(by === 'typed' ? 1 : 0);
  expect(astro.queryPagesRendered()).toBe(0);
}

describe('search rendered without Astro', () => {
  const queries = ['registered nurse', 'RN', 'nurse', 'accountant', 'marketing managers', 'software developer', 'teacher', 'sergeant', 'colonel', 'xqzvw', 'a', '"quotes" & <b>tags</b> \'too\'', 'chef', 'welder', 'truck driver', 'ceo', 'data scientist', 'multimodal ai engineer'];
  for (const query of queries) {
    it(`"${query}" is the page Astro renders`, async () => {
      await expectSamePage(`/search?q=${encodeURIComponent(query)}`);
    });
  }

  it('adds no script hash for a query that looks like a script', async () => {
    // Astro's path hashed every "<script>…</script>" in the page, even one inside the search box's value
    // attribute, and allowed it in the policy; the typed path allows only the island scripts.
    const path = `/search?q=${encodeURIComponent('<script>alert("x")</script>')}`;
    const answers = await bothAnswers(path);
    expect(normalised(await withStylesheetInlined(answers.typed.body.toString('utf8')))).toBe(normalised(answers.astro.body.toString('utf8')));
    const hashes = (answer: RawAnswer) => String(answer.headers['content-security-policy']).match(/'sha256-[^']+'/g) ?? [];
    expect(hashes(answers.astro)).toHaveLength(3);
    expect(hashes(answers.typed)).toEqual(hashes(answers.astro).slice(1));
  });
});

describe('compare rendered without Astro', () => {
  const comparisons = [
    'registered-nurses,accountants-and-auditors',
    'marketing-managers,lodging-managers,human-resources-specialists',
    'software-developers,data-scientists,registered-nurses,electricians',
    'chefs-and-head-cooks,cooks-restaurant',
    'registered-nurses',
    'registered-nurses,registered-nurses,electricians',
    'multimodal-ai-engineer,software-developers',
  ];
  for (const roles of comparisons) {
    it(`${roles} is the page Astro renders`, async () => {
      await expectSamePage(`/compare?roles=${roles}`);
    });
  }
  it('renders a page showing an unknown role, unstored (no-store) as before', async () => {
    await expectSamePage('/compare?roles=registered-nurses,no-such-role');
  });
  it('leaves the redirect after adding a role to Astro', async () => {
    await expectSamePage('/compare?roles=registered-nurses&add=electricians', 'astro');
  });
});

describe('the personal report rendered without Astro', () => {
  const reports = ['role=registered-nurses/all-levels', 'role=electricians/all-levels', 'role=software-developers/all-levels', 'role=chefs-and-head-cooks/all-levels', 'role=multimodal-ai-engineer/mid-level'];
  for (const query of reports) {
    it(`${query} is the page Astro renders`, async () => {
      await expectSamePage(`/report?${query}`);
    });
  }
  it('renders a report that adds a related task, its props carrying only that occupation and a link to the shared list (ADR 0174)', async () => {
    const plain = (await send(typed.url, 'GET', '/report?role=registered-nurses/all-levels', { headers: { 'accept-encoding': 'identity' } })).body.toString('utf8');
    const task = /<option value="([^"]+:\d+)">/.exec(plain)?.[1] ?? '';
    expect(task).not.toBe('');
    const path = `/report?role=registered-nurses/all-levels&add=${task}`;
    await expectSamePage(path);
    const page = (await send(typed.url, 'GET', path, { headers: { 'accept-encoding': 'identity' } })).body.toString('utf8');
    const props = /<astro-island [^>]*props="([^"]*)"/.exec(page)?.[1]?.replace(/&quot;/g, '"') ?? '';
    const code = task.split(':')[0] ?? '';
    type Sent = { source: [0, { related: [1, [0, { onetCode: [0, string] }][]] }]; relatedHref: [0, string] };
    const sent = JSON.parse(props) as Sent;
    expect(sent.source[1].related[1].map(([, occupation]) => occupation.onetCode[1])).toEqual([code]);
    const href = sent.relatedHref[1];
    expect(href).toMatch(/^\/report-related\/[0-9a-z]+\/registered-nurses\.json$/);
    const list = await send(typed.url, 'GET', href, { headers: { 'accept-encoding': 'identity' } });
    expect(list.status).toBe(200);
    expect((JSON.parse(list.body.toString('utf8')) as { onetCode: string }[]).map((occupation) => occupation.onetCode)).toContain(code);
  });

  it('renders reports showing input problems or notices, unstored (no-store) as before', async () => {
    await expectSamePage('/report?role=registered-nurses/all-levels&s1=abc');
    await expectSamePage('/report?role=marketing-managers/all-levels&s1=10');
    await expectSamePage('/report?role=multimodal-ai-engineer/senior');
  });
  it('leaves the role search, unknown roles and the redirect to the compact address to Astro', async () => {
    await expectSamePage('/report?q=nurse', 'astro');
    await expectSamePage('/report?role=no-such-role/all-levels', 'astro');
    await expectSamePage('/report?role=registered-nurses/all-levels&design=0', 'astro');
    expect((await send(typed.url, 'GET', '/report?role=registered-nurses/all-levels&design=0')).status).toBe(303);
  });
});

describe('the query pages\' stylesheet, a cached file (ADR 0172)', () => {
  it('is served under its hash, immutable, in the coding asked for, and 304 for its ETag', async () => {
    const page = await send(typed.url, 'GET', '/search?q=welder', { headers: { 'accept-encoding': 'identity' } });
    const href = STYLESHEET_LINK.exec(page.body.toString('utf8'))?.[1] ?? '';
    expect(href).not.toBe('');
    const plain = await send(typed.url, 'GET', href, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString('utf8')).toContain('.hit-group__hits li:last-child .hit{');
    const brotli = await send(typed.url, 'GET', href, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(brotli.headers.etag).not.toBe(plain.headers.etag);
    const again = await send(typed.url, 'GET', href, { headers: { 'accept-encoding': 'br', 'if-none-match': String(brotli.headers.etag) } });
    expect(again.status).toBe(304);
    const head = await send(typed.url, 'HEAD', href, { headers: { 'accept-encoding': 'identity' } });
    expect([head.status, head.headers['content-length'], head.body.byteLength]).toEqual([200, String(plain.body.byteLength), 0]);
  });

  it('gives each route its own file; an unknown name is not found', async () => {
    const hrefOf = async (path: string) => STYLESHEET_LINK.exec((await send(typed.url, 'GET', path, { headers: { 'accept-encoding': 'identity' } })).body.toString('utf8'))?.[1];
    const hrefs = await Promise.all(['/search?q=chef', '/compare?roles=chefs-and-head-cooks,electricians', '/report?role=electricians/all-levels'].map(hrefOf));
    expect(new Set(hrefs).size).toBe(3);
    expect((await send(typed.url, 'GET', '/query-styles/0000000000000000.css')).status).toBe(404);
  });

  it('is answered by a fresh server before any query page was asked for', async () => {
    const page = await send(typed.url, 'GET', '/compare?roles=chefs-and-head-cooks,electricians', { headers: { 'accept-encoding': 'identity' } });
    const href = STYLESHEET_LINK.exec(page.body.toString('utf8'))?.[1] ?? '';
    const fresh = await startSiteInProcess();
    try {
      const file = await send(fresh.url, 'GET', href, { headers: { 'accept-encoding': 'identity' } });
      expect(file.status).toBe(200);
      expect(fresh.queryPagesRendered()).toBe(0);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
