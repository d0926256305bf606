import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCatalogLoaded } from '../../features/catalog/catalog.usecases.ts';
import { createPublishingService, type PublishingService } from '../../features/revisions/publishing-service.ts';
import { AssessmentSchema, type Assessment } from '../../methodology/index.ts';
import { workedExampleAssessment } from '../../methodology/test-support/worked-example.ts';
import { startInternalApi, type InternalApi } from '../../server/internal-api.ts';
import { createReadModelHolder } from '../../server/read-model-holder.ts';
import { openStore, type Store } from '../../store/database.ts';
import { createMigratedDataDir } from '../../store/test-support/scratch-stores.ts';
import type { CliIo } from '../cli-io.ts';
import { withPublishing } from '../publishing-access.ts';
import { reportPublishingFailure } from './publishing-output.ts';

// The CLI refuses a control character in --note before anything is opened; these tests hand one
// straight to the publishing service, as a caller that skipped the checks would, so the store refuses it.
const SMUGGLED_NOTE = 'Evidence update \u0000 with a NUL byte';
const SHORT_FAILURE = /^jobzone publish: store\.query_failed: the database refused a statement \(SQLSTATE 22021: invalid byte sequence for encoding "UTF8": 0x00\); nothing was published\n$/;

function capturingIo() {
  const io: CliIo & { out: string; err: string } = {
    out: '',
    err: '',
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    cwd: process.cwd(),
    stderrIsTerminal: false,
  };
  return io;
}

/** Publishes the way `jobzone publish` does after its checks, and prints the failure the way it does. */
async function publishAndReport(publish: (document: Assessment) => Promise<unknown>) {
  const io = capturingIo();
  const document = AssessmentSchema.parse({ ...workedExampleAssessment, role: { ...workedExampleAssessment.role, slug: 'smuggled-role' } });
  let code: number | null = null;
  try {
    await publish(document);
  } catch (error) {
    code = reportPublishingFailure(error, 'publish', io);
  }
  return { code, stdout: io.out, stderr: io.err };
}

function expectShortAndFreeOfSql(text: string) {
  expect(text.length).toBeLessThan(300);
  for (const leak of ['insert into', 'Failed query', 'params', 'Multimodal', 'cross-modal', '\u0000']) expect(text).not.toContain(leak);
}

describe('a value the store refuses, smuggled past validation', () => {
  let dataDir = '';
  let store: Store;
  let api: InternalApi;
  let service: PublishingService;
  const log: string[] = [];

  beforeAll(async () => {
    dataDir = await createMigratedDataDir();
    api = await startInternalApi({ dataDir, log: (line) => log.push(line) });
    store = await openStore({ dataDir, databaseUrl: undefined });
    await ensureCatalogLoaded(store.db);
    service = createPublishingService(store.db);
    api.attach(service, await createReadModelHolder(store.db));
  }, 120_000);
  afterAll(async () => {
    await api.close();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('on the store itself prints one short line with the error code and no SQL, and publishes nothing', async () => {
    const { code, stdout, stderr } = await publishAndReport((document) => service.publish([{ document, source: 'smuggled.yaml' }], { note: SMUGGLED_NOTE, author: 'Test' }));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(SHORT_FAILURE);
    expectShortAndFreeOfSql(stderr);
    await expect(service.listRevisions('smuggled-role')).rejects.toThrow('no published assessment of "smuggled-role"');
  });

  it('through the running server prints one short line on the CLI and logs one short line on the server', async () => {
    const settings = { dataDir, databaseUrl: undefined };
    const { code, stderr } = await publishAndReport((document) =>
      withPublishing(settings, () => undefined, (access) => {
        expect(access.via).toMatch(/^the running server/);
        return access.service.publish([{ document, source: 'smuggled.yaml' }], { note: SMUGGLED_NOTE, author: 'Test' });
      }),
    );
    expect(code).toBe(1);
    expect(stderr).toContain('store.query_failed: the database refused a statement (SQLSTATE 22021: invalid byte sequence for encoding "UTF8": 0x00); nothing was published');
    expectShortAndFreeOfSql(stderr);
    expect(log).toHaveLength(1);
    expect(log[0]).toContain('store.query_failed');
    expectShortAndFreeOfSql(log[0] ?? '');
  });
});
