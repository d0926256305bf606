import { gunzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { readModelFromCatalog } from '../assessment-page/test-support/catalog-read-model.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { BULK_FILE_NAMES } from './bulk-files.ts';
import { answerCurrentFile, answerSnapshotFile, createOpenData } from './open-data.usecases.ts';

let model: ReadModel;
let later: ReadModel;

beforeAll(async () => {
  model = await readModelFromCatalog({ onlyBaselines: ['registered-nurses', 'roofers'] });
  later = await readModelFromCatalog({ onlyBaselines: ['roofers'] });
}, 120_000);

describeEachDriver('monthly snapshots of the bulk files', (store) => {
  it('writes a month’s snapshot on the first build of that month and never overwrites it', async () => {
    const openData = await createOpenData(store.db, 'https://jobzone.example');
    expect(openData.snapshots()).toEqual([]);
    await expect(openData.recordMonthlySnapshot(model, new Date('2026-12-01T08:00:00Z'))).resolves.toBe(true);
    await expect(openData.recordMonthlySnapshot(later, new Date('2026-12-20T08:00:00Z'))).resolves.toBe(false);
    // A second process starting later in the month finds the snapshot and leaves it as it is.
    const otherProcess = await createOpenData(store.db, 'https://jobzone.example');
    await expect(otherProcess.recordMonthlySnapshot(later, new Date('2026-12-21T08:00:00Z'))).resolves.toBe(false);
    const [december] = otherProcess.snapshots();
    expect(december?.month).toBe('2026-12');
    expect(december?.files.map((file) => file.fileName).sort()).toEqual([...BULK_FILE_NAMES].sort());
    expect(december?.files.find((file) => file.fileName === 'jobzone-assessments.csv')?.rows).toBe(model.assessments.size);
    const file = await otherProcess.snapshotFile('2026-12', 'jobzone-assessments.csv');
    const text = file?.bodies.identity.toString('utf8') ?? '';
    expect(text).toContain('registered-nurses');
  });

  it('keeps one snapshot per month, newest first, each citing its own folder', async () => {
    const openData = await createOpenData(store.db, 'https://jobzone.example');
    await openData.recordMonthlySnapshot(model, new Date('2026-11-30T23:59:00Z'));
    await openData.recordMonthlySnapshot(later, new Date('2026-12-01T00:01:00Z'));
    expect(openData.snapshots().map((snapshot) => snapshot.month)).toEqual(['2026-12', '2026-11']);
    const november = await openData.snapshotFile('2026-11', 'jobzone-tasks.jsonl');
    expect(november?.bodies.identity.toString('utf8')).toContain('"permalink":"https://jobzone.example/data/snapshots/2026-11/jobzone-tasks.jsonl"');
    await expect(openData.snapshotFile('2026-10', 'jobzone-tasks.jsonl')).resolves.toBeNull();
    await expect(openData.snapshotFile('2026-11', '../secret')).resolves.toBeNull();
    await expect(openData.snapshotFile('not-a-month', 'jobzone-tasks.jsonl')).resolves.toBeNull();
  });

  it('answers files with a strong ETag, 304 for a current copy, and the encoding the client accepts', async () => {
    const openData = await createOpenData(store.db, 'https://jobzone.example');
    await openData.recordMonthlySnapshot(model, new Date('2026-12-01T08:00:00Z'));
    const first = await answerCurrentFile(openData, model, 'jobzone-inputs.csv', new Request('https://jobzone.example/data/jobzone-inputs.csv', { headers: { 'accept-encoding': 'gzip' } }));
    expect(first?.status).toBe(200);
    expect(first?.headers.get('content-encoding')).toBe('gzip');
    expect(first?.headers.get('content-type')).toMatch(/^text\/csv/);
    const etag = first?.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"v\d+-[\w-]+-gz"$/);
    expect(gunzipSync(Buffer.from(await first!.arrayBuffer())).toString('utf8')).toMatch(/^slug,seniority,input,value,/);
    const again = await answerCurrentFile(openData, model, 'jobzone-inputs.csv', new Request('https://jobzone.example/data/jobzone-inputs.csv', { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } }));
    expect(again?.status).toBe(304);
    const snapshot = await answerSnapshotFile(openData, '2026-12', 'jobzone-inputs.csv', new Request('https://jobzone.example/x'));
    expect(snapshot?.headers.get('cache-control')).toContain('immutable');
    await expect(answerCurrentFile(openData, model, 'jobzone-secrets.csv', new Request('https://jobzone.example/x'))).resolves.toBeNull();
  });
});
