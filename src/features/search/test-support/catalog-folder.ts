import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG_FILES, type TitleRecord } from '../../../data-pipeline/catalog-records.ts';
import { REPOSITORY_ROOT } from '../../../data-pipeline/committed-catalog.ts';
import { sampleOccupation } from '../../catalog/test-support/sample-catalog.ts';

const OCCUPATIONS: [string, string][] = [
  ['29-1141.00', 'Registered Nurses'],
  ['15-1242.00', 'Database Administrators'],
  ['41-2011.00', 'Cashiers'],
];

const TITLES: TitleRecord[] = [
  { onetCode: '15-1242.00', title: 'DBA', kind: 'short' },
  { onetCode: '15-1242.00', title: 'Database Administrator (DBA)', kind: 'alternate' },
  { onetCode: '15-1242.00', title: 'Database Administrators', kind: 'onet' },
  { onetCode: '29-1141.00', title: 'RN', kind: 'short' },
  { onetCode: '29-1141.00', title: 'Registered Nurse (RN)', kind: 'alternate' },
  { onetCode: '29-1141.00', title: 'Registered Nurses', kind: 'onet' },
  { onetCode: '41-2011.00', title: 'Cashier', kind: 'alternate' },
  { onetCode: '41-2011.00', title: 'Cashiers', kind: 'onet' },
];

/** Makes a temporary repository root with a three-occupation catalog and, optionally, the project's expert assessment. */
export async function makeCatalogFolder(options: { withExpertRole?: boolean; withCatalog?: boolean } = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'jobzone-search-'));
  if (options.withCatalog ?? true) {
    await mkdir(join(root, 'catalog'), { recursive: true });
    const lines = (records: readonly object[]) => records.map((record) => `${JSON.stringify(record)}\n`).join('');
    await writeFile(join(root, CATALOG_FILES.occupations), lines(OCCUPATIONS.map(([code, title]) => sampleOccupation(code, title))));
    await writeFile(join(root, CATALOG_FILES.titles), lines(TITLES));
  }
  if (options.withExpertRole) {
    const folder = join(root, 'content', 'assessments', 'multimodal-ai-engineer');
    await mkdir(folder, { recursive: true });
    await copyFile(join(REPOSITORY_ROOT, 'content', 'assessments', 'multimodal-ai-engineer', 'mid-level.yaml'), join(folder, 'mid-level.yaml'));
  }
  return root;
}
