import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escoTitlesModule, ESCO_TITLES_PATH } from '../data/sources/esco-onet/extract.ts';
import { REPOSITORY_ROOT } from '../src/data-pipeline/committed-catalog.ts';

// extract.ts carries Nesta's O*NET-SOC 2010 codes to 2019 through O*NET's crosswalk in ../shared/data/onet.
describe('the ESCO occupation labels search learns', () => {
  it('commits exactly the module extract.ts writes', async () => {
    const module = await escoTitlesModule();
    expect(await readFile(join(REPOSITORY_ROOT, ESCO_TITLES_PATH), 'utf8'), `${ESCO_TITLES_PATH} differs from what data/sources/esco-onet/extract.ts writes; run it`).toBe(module.text);
  });

  it('with --narrower adds the labels of the narrower occupations that agree with their inherited match, and no others', async () => {
    const { counts } = await escoTitlesModule(true);
    expect(counts).toMatchObject({ occupations: 2920, refused: 948, kept: 14030 });
  }, 60_000);
});
