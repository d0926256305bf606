import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogToLoad } from '../../features/catalog/catalog-source.ts';
import { buildReadModel, type ReadModel, type ReadModelInput } from '../../features/read-model/read-model.ts';
import { applyPublishedRoles, type PublishedRoles } from '../../features/read-model/read-model-update.ts';
import { readModelInputOf } from '../../features/site-pages/test-support/read-model-fixture.ts';
import { holdReadModel, type ReadModelHolder } from '../read-model-holder.ts';
import { SITE_ISLANDS } from '../site-build.ts';
import { send, startSiteInProcess, type RawAnswer, type SiteUnderTest } from '../test-support/site-under-test.ts';
import type { ModelOrigin } from './messages.ts';
import type { RenderPool } from './render-pool.ts';

// One read model holder shared by two real sites: one renders query pages in a render thread, the other
// on its main thread only. Same holder, same versions, so the pages and their ETags must be identical.
let input: ReadModelInput;
let holder: ReadModelHolder;
let threaded: SiteUnderTest;
let mainOnly: SiteUnderTest;
let bounded: SiteUnderTest;
const origins = new WeakMap<ReadModel, ModelOrigin>();
let bump = 0;

/** One more revision of every assessment of a role, with a different score, as the store would read it after publishing it. */
function publicationOf(current: ReadModelInput, slug: string): PublishedRoles {
  bump += 1;
  const assessments = current.assessments
    .filter((row) => row.roleSlug === slug)
    .map((row) => ({ ...row, figures: { ...row.figures, score: Math.min(100, row.figures.score + bump * 7.3) }, revision: { ...row.revision, number: row.revision.number + 1, note: `Test publication ${bump}.` } }));
  const history = [
    ...(current.history ?? []).filter((row) => row.roleSlug === slug),
    ...assessments.map((row) => ({ roleSlug: row.roleSlug, seniority: row.seniority, ...row.revision, document: row.document, figures: row.figures })),
  ];
  return { roles: current.roles.filter((role) => role.slug === slug), assessments, history, titles: current.titles.filter((title) => title.roleSlug === slug) };
}

const pool = (site: SiteUnderTest): RenderPool => {
  if (!site.renderPool) throw new Error('the site has no render threads');
  return site.renderPool;
};

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited a minute for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until a thread holds the served version: a thread builds its model on its own after start or a crash. */
const threadsReady = async (site: SiteUnderTest) => {
  const before = pool(site).stats().renderedThere;
  await until(() => pool(site).stats().threads > 0, 'a render thread');
  // A page rendered there proves a thread holds the version; retry with distinct addresses until one is.
  for (let attempt = 0; pool(site).stats().renderedThere === before; attempt += 1) {
    if (attempt > 600) throw new Error('no render thread took the current version within a minute');
    await get(site, `/search?q=warm-up-${attempt}-${Date.now()}`);
    if (pool(site).stats().renderedThere === before) await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const get = (site: SiteUnderTest, path: string, acceptEncoding = 'identity') => send(site.url, 'GET', path, { headers: { 'accept-encoding': acceptEncoding } });
const withoutDate = (answer: RawAnswer) => {
  const { date: _date, 'keep-alive': _keepAlive, connection: _connection, ...rest } = answer.headers;
  return rest;
};

beforeAll(async () => {
  const files = readModelInputOf(await readCatalogToLoad());
  // The store reads every revision; the files publish one per assessment, which is its whole history.
  input = { ...files, history: files.history ?? files.assessments.map((row) => ({ roleSlug: row.roleSlug, seniority: row.seniority, ...row.revision, document: row.document, figures: row.figures })) };
  const first = buildReadModel(input);
  origins.set(first, { input });
  const rebuild = async () => {
    const model = buildReadModel(input);
    origins.set(model, { input });
    return model;
  };
  holder = holdReadModel(first, rebuild, () => undefined, async (current, roles) => {
    const from = origins.get(current);
    const [slug = ''] = roles;
    if (!from) return null;
    const published = publicationOf(from.input, slug);
    const next = applyPublishedRoles({ model: current, input: from.input }, roles, published);
    if (next) origins.set(next.model, { input: next.input, update: { from: current.version, roles, published } });
    return next?.model ?? null;
  }, (model) => origins.get(model));
  const islandsEntry = pathToFileURL(SITE_ISLANDS).href;
  [threaded, mainOnly, bounded] = await Promise.all([
    startSiteInProcess({ readModel: holder, renderThreads: { count: 1, islandsEntry } }),
    startSiteInProcess({ readModel: holder }),
    startSiteInProcess({ readModel: holder, renderThreads: { count: 1, islandsEntry, maxQueuePerThread: 1 } }),
  ]);
  await Promise.all([threadsReady(threaded), threadsReady(bounded)]);
}, 240_000);

afterAll(async () => {
  await Promise.all([threaded?.close(), mainOnly?.close(), bounded?.close()]);
});

/** Asks both sites; the threaded one must have rendered it in its thread, and the two answers must be the same bytes and headers. */
async function expectSameFromThread(path: string, acceptEncoding = 'identity'): Promise<RawAnswer> {
  const before = pool(threaded).stats().renderedThere;
  const [there, here] = await Promise.all([get(threaded, path, acceptEncoding), get(mainOnly, path, acceptEncoding)]);
  expect(pool(threaded).stats().renderedThere - before, `${path} rendered in the thread`).toBe(1);
  expect(there.status, path).toBe(200);
  expect(there.body.equals(here.body), path).toBe(true);
  expect(withoutDate(there), path).toEqual(withoutDate(here));
  return there;
}

describe('render threads (ADR 0178)', () => {
  it('render search, compare and the report to the same bytes and headers as the main thread, in every coding', async () => {
    // Distinct pages per coding: the thread compresses a page in the coding its reader accepts, and a stored page would answer the others.
    const families = [
      ['/search?q=registered%20nurse', '/search?q=%22quotes%22%20%26%20%3Cb%3E', '/search?q=roofer'],
      ['/compare?roles=roofers,electricians,registered-nurses', '/compare?roles=electricians,registered-nurses,roofers', '/compare?roles=registered-nurses,roofers,electricians'],
      ['/report?role=roofers/all-levels', '/report?role=electricians/all-levels', '/report?role=roofers/all-levels&s1=40'],
    ];
    for (const paths of families) {
      for (const [index, acceptEncoding] of ['identity', 'br, gzip', 'gzip'].entries()) {
        const path = paths[index] ?? '';
        const answer = await expectSameFromThread(path, acceptEncoding);
        expect(answer.headers['content-encoding'], `${path} for ${acceptEncoding}`).toBe(acceptEncoding === 'identity' ? undefined : acceptEncoding.split(',')[0]);
      }
    }
  });

  it("serve a publication's figures once it is swapped in, both when the roles are updated and after a full rebuild", async () => {
    const path = (round: string) => `/compare?roles=roofers,electricians&round=${round}`;
    const before = await expectSameFromThread(path('before'));
    const updated = await holder.refresh(['roofers']);
    expect(origins.get(updated)?.update?.roles).toEqual(['roofers']);
    const after = await expectSameFromThread(path('after-update'));
    expect(after.body.equals(before.body)).toBe(false);
    expect(after.headers.etag).toContain(`"v${updated.version}-`);
    // A publication with no roles named is a full rebuild: the thread is sent the whole input.
    const rebuilt = await holder.refresh();
    expect(origins.get(rebuilt)?.update).toBeUndefined();
    const afterRebuild = await expectSameFromThread(path('after-rebuild'));
    expect(afterRebuild.headers.etag).toContain(`"v${rebuilt.version}-`);
  }, 120_000);

  it('never render with another version than the one served: a version no thread holds is rendered on the main thread', async () => {
    const threads = pool(threaded);
    const before = threads.stats();
    const answer = await threads.render(holder.current().version + 1000, '/search', '/search?q=nurse', { headTail: '', bodyStart: '', bodyEnd: '', islandBootstrap: '', rendererUrl: '', componentUrls: {}, scopes: {} }, 'br');
    expect(answer).toEqual({ kind: 'here' });
    expect(threads.stats().renderedHere).toBe(before.renderedHere + 1);
  });

  it('answer the requests a crashed thread was rendering, and replace the thread', async () => {
    const threads = pool(threaded);
    const paths = ['electricians', 'accountants-and-auditors', 'plumbers-pipefitters-and-steamfitters', 'carpenters', 'cashiers'].map((slug) => `/report?role=${slug}/all-levels`);
    const expected = await Promise.all(paths.map((path) => get(mainOnly, path)));
    const answers = Promise.all(paths.map((path) => get(threaded, path)));
    const deadline = Date.now() + 30_000;
    while (threads.stats().queued === 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    expect(threads.stats().queued).toBeGreaterThan(0);
    const [worker] = threads.workers();
    await worker?.terminate();
    const answered = await answers;
    answered.forEach((answer, index) => {
      expect(answer.status, paths[index]).toBe(200);
      expect(answer.body.equals(expected[index]?.body ?? Buffer.alloc(0)), paths[index]).toBe(true);
    });
    expect(threads.stats().replaced).toBe(1);
    await threadsReady(threaded);
    await expectSameFromThread('/search?q=roofer&round=after-crash');
  }, 120_000);

  it('keep at most the bounded number of pages waiting on a thread and render the rest on the main thread', async () => {
    const threads = pool(bounded);
    const before = threads.stats();
    const paths = Array.from({ length: 12 }, (_, index) => `/search?q=bounded-${index}`);
    const answers = await Promise.all(paths.map((path) => get(bounded, path)));
    expect(answers.map((answer) => answer.status)).toEqual(paths.map(() => 200));
    const after = threads.stats();
    expect(after.mostQueued).toBe(1);
    expect(after.renderedHere - before.renderedHere).toBeGreaterThan(0);
    expect(after.renderedHere - before.renderedHere + after.renderedThere - before.renderedThere).toBe(paths.length);
  });

  it('render an address over the message bound on the main thread', async () => {
    const threads = pool(threaded);
    const before = threads.stats();
    const answer = await get(threaded, `/search?q=${'a'.repeat(9000)}`);
    expect(answer.status).toBe(200);
    expect(threads.stats().renderedHere).toBe(before.renderedHere + 1);
  });
});
