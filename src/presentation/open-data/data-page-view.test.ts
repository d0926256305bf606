import { describe, expect, it } from 'vitest';
import type { DataPageInput } from '../../features/open-data/data-page-input.ts';
import type { PreparedFile } from '../../features/open-data/file-answers.ts';
import { buildDataPageView } from './data-page-view.ts';

const prepared = (name: string, size: number): PreparedFile => ({ name, contentType: 'text/csv', etag: '"x"', bodies: { identity: Buffer.alloc(0) }, size });

/** A hand-made input: no read model, two prepared files, one snapshot. */
const input: DataPageInput = {
  rowCounts: { assessments: 3, tasks: 17, inputs: 41 },
  builtAt: new Date('2026-11-30T12:00:00Z'),
  sources: [{ key: 'onet', name: 'O*NET 30.0', publisher: 'US DOL/ETA', year: '2025', license: 'CC BY 4.0', attribution: 'O*NET says so.', files: [] }],
  files: new Map([prepared('jobzone-assessments.csv', 3 * 1024 * 1024), prepared('jobzone-tasks.jsonl', 100)].map((file) => [file.name, file])),
  snapshots: [{ month: '2026-10', createdAt: new Date('2026-10-01T04:00:00Z'), readModelBuiltAt: new Date('2026-09-30T00:00:00Z'), methodologyVersion: 'aijri-1', files: [{ month: '2026-10', fileName: 'jobzone-inputs.jsonl', contentType: 'application/jsonl', rows: 41, bytes: 2048 }] }],
};

describe('the /data page built from gathered data', () => {
  const view = buildDataPageView(input, 'https://jobzone.test');

  it('lists each dataset with the gathered row count and the size of each prepared file', () => {
    expect(view.datasets.map((dataset) => [dataset.key, dataset.rows])).toEqual([['assessments', 3], ['tasks', 17], ['inputs', 41]]);
    expect(view.datasets[0]?.files.find((file) => file.format === 'CSV')).toEqual({ name: 'jobzone-assessments.csv', href: '/data/jobzone-assessments.csv', format: 'CSV', sizeText: '3.0 MB' });
    expect(view.datasets[1]?.files.find((file) => file.format === 'JSON Lines')?.sizeText).toBe('1 KB');
  });

  it('dates the Dataset metadata from when the read model was built and credits the gathered sources', () => {
    const jsonLd = JSON.parse(view.jsonLd) as { dateModified: string; isBasedOn: { name: string }[]; url: string };
    expect(jsonLd.dateModified).toBe('2026-11-30T12:00:00.000Z');
    expect(jsonLd.isBasedOn.map((source) => source.name)).toEqual(['O*NET 30.0']);
    expect(jsonLd.url).toBe('https://jobzone.test/data');
    expect(view.onetAttribution).toBe('O*NET says so.');
    expect(view.snapshots).toEqual([{ month: '2026-10', createdText: '2026-10-01', files: [{ name: 'jobzone-inputs.jsonl', href: expect.stringMatching(/2026-10\/jobzone-inputs\.jsonl$/), format: 'JSON Lines', sizeText: '2 KB' }] }]);
  });
});
