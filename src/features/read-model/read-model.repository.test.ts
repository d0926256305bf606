import { expect, it } from 'vitest';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { publishAssessment } from '../revisions/revisions.usecases.ts';
import { expertAssessment, loadSampleCatalog } from '../revisions/test-support/publishing-fixture.ts';
import { buildReadModel } from './read-model.ts';
import { readReadModelInput } from './read-model.repository.ts';

const by = { note: 'First look.', author: 'Ada Assessor' };

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
});
