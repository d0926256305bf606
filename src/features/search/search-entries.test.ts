import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSearchEntries, SearchDataError } from './search-entries.ts';
import { makeCatalogFolder } from './test-support/catalog-folder.ts';

const roots: string[] = [];
async function folder(options: Parameters<typeof makeCatalogFolder>[0] = {}): Promise<string> {
  const root = await makeCatalogFolder(options);
  roots.push(root);
  return root;
}

afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

describe('loading what search can find', () => {
  it('gives every catalog occupation its titles and employment', async () => {
    const entries = await loadSearchEntries(await folder());
    const nurses = entries.find((entry) => entry.onetCode === '29-1141.00');
    expect(entries).toHaveLength(3);
    expect(nurses).toMatchObject({ slug: 'registered-nurses', socCode: '29-1141', employment: 1000 });
    expect(nurses?.titles.map((title) => `${title.kind}:${title.text}`)).toEqual(['short:RN', 'alternate:Registered Nurse (RN)', 'onet:Registered Nurses']);
  });

  it('adds each expert-assessed role with its title and aliases, mapped to its O*NET occupation', async () => {
    const entries = await loadSearchEntries(await folder({ withExpertRole: true }));
    const role = entries.find((entry) => entry.expert);
    expect(role).toMatchObject({ slug: 'multimodal-ai-engineer', title: 'Multimodal AI Engineer', onetCode: '15-1221.00', socCode: '15-1221' });
    expect(role?.titles.map((title) => title.text)).toContain('Vision-Language Engineer');
  });

  it('says to build the catalog when it is missing', async () => {
    const root = await folder({ withCatalog: false });
    await expect(loadSearchEntries(root)).rejects.toThrow(SearchDataError);
    await expect(loadSearchEntries(root)).rejects.toThrow(/catalog\/occupations\.jsonl: cannot be read: no such file; build the catalog first/);
  });

  it('names the file and line of a malformed title record', async () => {
    const root = await folder();
    await appendFile(join(root, 'catalog', 'titles.jsonl'), '{"onetCode":"41-2011.00","title":"Checker","kind":"nickname"}\n');
    await expect(loadSearchEntries(root)).rejects.toThrow(/titles\.jsonl:9: kind: /);
  });

  it('names the assessment file that cannot be read as an assessment', async () => {
    const root = await folder();
    await mkdir(join(root, 'content', 'assessments'), { recursive: true });
    await writeFile(join(root, 'content', 'assessments', 'broken.yaml'), 'role: [');
    await expect(loadSearchEntries(root)).rejects.toThrow(/broken\.yaml/);
  });
});
