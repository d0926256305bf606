import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportSource } from '../features/personal-report/report-source-builder.ts';
import { committedReadModel } from '../features/personal-report/test-support/report-sources.ts';
import type { ReadModel } from '../features/read-model/read-model.ts';
import { relatedHrefOf } from '../presentation/personal-report/report-related.ts';
import { createReportRelatedFiles, type ReportRelatedFiles } from './report-related.ts';
import { send } from './test-support/site-under-test.ts';

let model: ReadModel;
let current: ReadModel;

async function serve(files: ReportRelatedFiles): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (!files.serve(request, response, current)) {
      response.writeHead(418);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let site: Awaited<ReturnType<typeof serve>>;
let files: ReportRelatedFiles;

beforeAll(async () => {
  model = await committedReadModel();
  current = model;
  files = createReportRelatedFiles();
  site = await serve(files);
}, 120_000);

afterAll(async () => {
  await site?.close();
});

describe('a role’s related tasks, one shared JSON file per read-model version (ADR 0174)', () => {
  it('holds every related occupation with its tasks, immutable, in the coding asked for', async () => {
    const href = relatedHrefOf(model, 'registered-nurses');
    const plain = await send(site.url, 'GET', href, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.headers['content-length']).toBe(String(plain.body.byteLength));
    expect(JSON.parse(plain.body.toString('utf8'))).toEqual(buildReportSource(model, 'registered-nurses', '')?.related);
    const brotli = await send(site.url, 'GET', href, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(brotli.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    const gzip = await send(site.url, 'GET', href, { headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(new Set([plain.headers.etag, brotli.headers.etag, gzip.headers.etag]).size).toBe(3);
  });

  it('answers 304 for its ETag, in lists and weak form too, and only headers for HEAD', async () => {
    const href = relatedHrefOf(model, 'electricians');
    const first = await send(site.url, 'GET', href, { headers: { 'accept-encoding': 'br' } });
    const etag = String(first.headers.etag);
    for (const ifNoneMatch of [etag, `"other", W/${etag}`, '*']) {
      const again = await send(site.url, 'GET', href, { headers: { 'accept-encoding': 'br', 'if-none-match': ifNoneMatch } });
      expect([again.status, again.body.byteLength, again.headers['cache-control']], ifNoneMatch).toEqual([304, 0, 'public, max-age=31536000, immutable']);
    }
    expect((await send(site.url, 'GET', href, { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } })).status).toBe(200);
    const head = await send(site.url, 'HEAD', href, { headers: { 'accept-encoding': 'br' } });
    expect([head.status, head.headers['content-length'], head.body.byteLength]).toEqual([200, String(first.body.byteLength), 0]);
  });

  it('says an address of another version, an unknown role or a malformed name is not found, and why', async () => {
    const stale = await send(site.url, 'GET', relatedHrefOf({ version: model.version + 1, builtAt: model.builtAt }, 'registered-nurses'));
    expect([stale.status, stale.headers['cache-control']]).toEqual([404, 'no-store']);
    expect(stale.body.toString('utf8')).toMatch(/version of the catalog this server no longer holds .*Reload the personal report/);
    const unknown = await send(site.url, 'GET', relatedHrefOf(model, 'no-such-role'));
    expect([unknown.status, unknown.body.toString('utf8')]).toEqual([404, 'There is no role "no-such-role" in the catalog, so it has no related tasks.\n']);
    for (const path of ['/report-related/x/registered-nurses.js', '/report-related/registered-nurses.json', `/report-related/${'a'.repeat(41)}/nurses.json`, '/report-related/abc/-nurses.json']) {
      const answer = await send(site.url, 'GET', path);
      expect([answer.status, answer.body.toString('utf8')], path).toEqual([404, expect.stringMatching(/is not the address of a role's related tasks; they are served at \/report-related\/<version>\/<role>\.json/)]);
    }
    expect((await send(site.url, 'POST', relatedHrefOf(model, 'registered-nurses'))).status).toBe(418);
    expect((await send(site.url, 'GET', '/report?role=registered-nurses/all-levels')).status).toBe(418);
  });

  it('keeps at most its bound in memory, the least recently asked for role out first', async () => {
    const small = createReportRelatedFiles(100 * 1024);
    const bounded = await serve(small);
    try {
      const roles = ['registered-nurses', 'electricians', 'software-developers', 'chefs-and-head-cooks', 'accountants-and-auditors', 'marketing-managers', 'data-scientists', 'lodging-managers'];
      let served = 0;
      for (const role of roles) {
        const answer = await send(bounded.url, 'GET', relatedHrefOf(model, role), { headers: { 'accept-encoding': 'identity' } });
        expect(answer.status, role).toBe(200);
        served += answer.body.byteLength;
        expect(small.heldBytes()).toBeLessThanOrEqual(100 * 1024);
      }
      expect(served).toBeGreaterThan(100 * 1024);
      expect(small.heldBytes()).toBeGreaterThan(0);
    } finally {
      await bounded.close();
    }
  });

  it('forgets the files of a version once the next one is served', async () => {
    const held = files.heldBytes();
    expect(held).toBeGreaterThan(0);
    current = { ...model, version: model.version + 1 };
    try {
      const answer = await send(site.url, 'GET', relatedHrefOf(current, 'chefs-and-head-cooks'));
      expect(answer.status).toBe(200);
      expect(files.heldBytes()).toBeLessThan(held);
      expect((await send(site.url, 'GET', relatedHrefOf(model, 'chefs-and-head-cooks'))).status).toBe(404);
    } finally {
      current = model;
    }
  });
});
