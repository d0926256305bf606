import { beforeAll, describe, expect, it } from 'vitest';
import { readModelFromCatalog } from '../assessment-page/test-support/catalog-read-model.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { BULK_FILE_NAMES, buildBulkFiles, DATASET_SPECS, inputRowsOf, type BulkFile } from './bulk-files.ts';
import { parseCsv } from './test-support/csv-parser.ts';

const site = { publicUrl: 'https://jobzone.example', folder: '/data' };
let model: ReadModel;
let files: Map<string, BulkFile>;

function fileNamed(name: string): BulkFile {
  const file = files.get(name);
  if (!file) throw new Error(`no file ${name}`);
  return file;
}

beforeAll(async () => {
  model = await readModelFromCatalog();
  files = new Map(buildBulkFiles(model, site).map((file) => [file.name, file]));
}, 120_000);

describe('bulk files built from the read model', () => {
  it('publishes a CSV, a metadata sidecar and JSON Lines for each dataset', () => {
    expect([...files.keys()]).toEqual(BULK_FILE_NAMES);
    expect(BULK_FILE_NAMES).toContain('jobzone-assessments.csv');
    expect(BULK_FILE_NAMES).toContain('jobzone-inputs.csv-metadata.json');
  });

  it('writes one assessment row per published assessment with exactly the documented columns', () => {
    const [header, ...rows] = parseCsv(fileNamed('jobzone-assessments.csv').body);
    expect(header).toEqual(['slug', 'seniority', 'title', 'onet_code', 'category', 'status', 'score', 'zone', 'sub_label', 'task_resistance', 'evidence_total', 'barrier_total', 'protective_total', 'growth', 'band_low', 'band_high', 'revision', 'published_at', 'methodology']);
    expect(rows).toHaveLength(model.assessments.size);
    const nurse = rows.find((row) => row[0] === 'registered-nurses');
    const entry = model.assessments.get(`registered-nurses/${nurse?.[1]}`);
    expect(entry).toBeDefined();
    expect(Number(nurse?.[6])).toBe(entry?.figures.score);
    expect(nurse?.[7]).toBe(entry?.figures.zone);
    expect(Number(nurse?.[14])).toBe(entry?.figures.band.low);
    expect(nurse?.[18]).toBe('aijri-1');
  });

  it('writes one task row per task and one input row per judgement, matching the read model', () => {
    const taskRows = parseCsv(fileNamed('jobzone-tasks.csv').body).slice(1);
    const expectedTasks = [...model.assessments.values()].reduce((sum, entry) => sum + entry.figures.tasks.length, 0);
    expect(taskRows).toHaveLength(expectedTasks);
    const [inputHeader, ...inputRows] = parseCsv(fileNamed('jobzone-inputs.csv').body);
    expect(inputHeader).toEqual(['slug', 'seniority', 'input', 'value', 'rationale', 'basis', 'source', 'confidence', 'detail']);
    const expectedInputs = [...model.assessments.values()].reduce((sum, entry) => sum + inputRowsOf(entry).length, 0);
    expect(inputRows).toHaveLength(expectedInputs);
    expect(inputRows.some((row) => row[5] === 'data' && row[6] !== '' && row[7] !== '')).toBe(true);
    expect(inputRows.every((row) => row.length === 9)).toBe(true);
  });

  it('writes JSON Lines with a metadata line first and the same rows as the CSV', () => {
    for (const spec of DATASET_SPECS) {
      const lines = fileNamed(`jobzone-${spec.key}.jsonl`).body.trimEnd().split('\n');
      const first = JSON.parse(lines[0] ?? '') as { meta: { methodologyVersion: string; snapshotAt: string; permalink: string; citation: { text: string; bibtex: string } } };
      expect(first.meta.methodologyVersion).toBe('aijri-1');
      expect(first.meta.snapshotAt).toBe(model.builtAt.toISOString());
      expect(first.meta.permalink).toBe(`https://jobzone.example/data/jobzone-${spec.key}.jsonl`);
      expect(first.meta.citation.bibtex).toMatch(/^@misc\{/);
      expect(lines.length - 1).toBe(fileNamed(`jobzone-${spec.key}.csv`).rows);
      expect(Object.keys(JSON.parse(lines[1] ?? '{}') as object)).toEqual(spec.columns.map((column) => column.name));
    }
  });

  it('describes every CSV column in its metadata sidecar, with the citation and the licence', () => {
    const sidecar = JSON.parse(fileNamed('jobzone-tasks.csv-metadata.json').body) as { meta: { permalink: string }; rows: number; license: { name: string }; columns: { name: string; type: string; meaning: string }[] };
    expect(sidecar.meta.permalink).toBe('https://jobzone.example/data/jobzone-tasks.csv');
    expect(sidecar.license.name).toBe('CC BY 4.0');
    expect(sidecar.rows).toBe(fileNamed('jobzone-tasks.csv').rows);
    expect(sidecar.columns.map((column) => column.name)).toEqual(['slug', 'seniority', 'task', 'share', 'score', 'impact']);
    expect(sidecar.columns.every((column) => column.meaning.length > 5)).toBe(true);
  });

  it('points the permanent links of a monthly snapshot at the snapshot folder', () => {
    const snapshot = buildBulkFiles(model, { publicUrl: 'https://jobzone.example', folder: '/data/snapshots/2026-12' });
    const jsonl = snapshot.find((file) => file.name === 'jobzone-assessments.jsonl');
    expect(jsonl?.body).toContain('"permalink":"https://jobzone.example/data/snapshots/2026-12/jobzone-assessments.jsonl"');
  });
});
