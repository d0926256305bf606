import { expect, it } from 'vitest';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { loadCommittedCatalog } from '../catalog/catalog.usecases.ts';
import type { CatalogToLoad } from '../catalog/catalog-source.ts';
import { sampleCatalog } from '../catalog/test-support/sample-catalog.ts';
import { publishAssessment } from '../revisions/revisions.usecases.ts';
import { expertAssessment, loadSampleCatalog, SAMPLE_OCCUPATIONS } from '../revisions/test-support/publishing-fixture.ts';
import { buildReadModel, type ReadModelInput } from './read-model.ts';
import { readModelInputFromFiles } from './read-model-from-files.ts';
import { readReadModelInput } from './read-model.repository.ts';

const by = { note: 'First look.', author: 'Ada Assessor' };

/** Everything but the publication time, in an order that does not depend on where the input came from. */
function comparable(input: ReadModelInput) {
  const byText = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);
  return {
    occupations: [...input.occupations].sort((a, b) => byText(a.onetCode, b.onetCode)),
    roles: [...input.roles].sort((a, b) => byText(a.slug, b.slug)),
    assessments: input.assessments
      .map(({ revision: { publishedAt: _publishedAt, ...revision }, ...row }) => ({ ...row, revision }))
      .sort((a, b) => byText(`${a.roleSlug}/${a.seniority}`, `${b.roleSlug}/${b.seniority}`)),
    titles: [...input.titles].sort((a, b) => byText(JSON.stringify(a), JSON.stringify(b))),
    sources: [...input.sources].sort((a, b) => byText(a.key, b.key)),
  };
}

describeEachDriver('reading the read model from the store', (store) => {
  it('holds the current revision of each assessment and every earlier one for its history', async () => {
    await loadSampleCatalog(store.db);
    const document = expertAssessment();
    await publishAssessment(store.db, document, by);
    const edited = { ...document, growth: { ...document.growth, score: document.growth.score === 2 ? 1 : document.growth.score + 1 } };
    await publishAssessment(store.db, edited, { note: 'Growth re-checked.', author: 'Ada Assessor' });

    const model = buildReadModel(await readReadModelInput(store.db));
    const entry = model.assessments.get('ward-nurse/mid-level');
    expect(entry?.revision).toMatchObject({ number: 2, note: 'Growth re-checked.', author: 'Ada Assessor' });
    expect(entry?.assessment.growth.score).toBe(edited.growth.score);
    expect(entry?.revisions.map((revision) => [revision.number, revision.note])).toEqual([
      [1, 'First look.'],
      [2, 'Growth re-checked.'],
    ]);
    expect(model.roles.get('ward-nurse')).toMatchObject({ kind: 'expert', defaultSeniority: 'mid-level' });
  });

  it('a catalog read without a store gives the same read-model input as loading it into the store', async () => {
    const expert = expertAssessment({ role: { aliases: ['Ward Sister', 'Charge Nurse', 'Ward Sister'] } });
    const catalog: CatalogToLoad = { ...sampleCatalog(SAMPLE_OCCUPATIONS), experts: [{ file: 'content/assessments/ward-nurse/mid-level.yaml', assessment: expert }] };
    await loadCommittedCatalog(store.db, catalog);

    const fromStore = comparable(await readReadModelInput(store.db));
    expect(fromStore.assessments).toHaveLength(4);
    expect(fromStore.titles.filter((title) => title.roleSlug === 'ward-nurse').map((title) => title.title)).toEqual(['Charge Nurse', 'Ward Sister']);
    expect(comparable(readModelInputFromFiles(catalog))).toEqual(fromStore);
  });
});
