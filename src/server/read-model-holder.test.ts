import { expect, it } from 'vitest';
import { buildReadModel } from '../features/read-model/read-model.ts';
import { readReadModelInput } from '../features/read-model/read-model.repository.ts';
import { applyPublishedRoles } from '../features/read-model/read-model-update.ts';
import { answers } from '../features/read-model/test-support/read-model-answers.ts';
import { publishAssessment } from '../features/revisions/revisions.usecases.ts';
import { expertAssessment, loadSampleCatalog } from '../features/revisions/test-support/publishing-fixture.ts';
import type { Database } from '../store/database.ts';
import { describeEachDriver } from '../store/test-support/test-database.ts';
import { createReadModelHolder } from './read-model-holder.ts';

const by = { note: 'First look.', author: 'Ada Assessor' };

const rebuilt = async (db: Database) => buildReadModel(await readReadModelInput(db));

function edited(growth: number, changes: Parameters<typeof expertAssessment>[0] = {}) {
  const document = expertAssessment(changes);
  return { ...document, growth: { ...document.growth, score: growth } };
}

describeEachDriver('the server’s read model holder', (store) => {
  it('updates only the published role when the publication names it, and rebuilds when it cannot', async () => {
    await loadSampleCatalog(store.db);
    await publishAssessment(store.db, expertAssessment(), by);
    const holder = await createReadModelHolder(store.db);
    const first = holder.current();

    await publishAssessment(store.db, edited(2), { note: 'Growth re-checked.', author: 'Ada Assessor' });
    const updated = await holder.refresh(['ward-nurse']);
    // An update shares the entries of the roles it left alone; a rebuild makes every entry again.
    expect(updated.assessments.get('telemarketers/all-levels')).toBe(first.assessments.get('telemarketers/all-levels'));
    expect(answers(updated)).toEqual(answers(await rebuilt(store.db)));
    // What a render thread is sent (ADR 0178): the update from the version it holds makes the same model.
    const origin = holder.originOf?.(updated);
    expect(origin?.update).toMatchObject({ from: first.version, roles: ['ward-nurse'] });
    const firstInput = holder.originOf?.(first)?.input;
    const inThread = firstInput && origin?.update ? applyPublishedRoles({ model: buildReadModel(firstInput), input: firstInput }, origin.update.roles, origin.update.published) : null;
    expect(inThread && answers(inThread.model)).toEqual(answers(updated));

    await publishAssessment(store.db, edited(1, { role: { title: 'Ward Nurse (Adult)' } }), { note: 'Renamed.', author: 'Ada Assessor' });
    const renamed = await holder.refresh(['ward-nurse']);
    expect(renamed.roles.get('ward-nurse')?.title).toBe('Ward Nurse (Adult)');
    expect(renamed.assessments.get('telemarketers/all-levels')).not.toBe(updated.assessments.get('telemarketers/all-levels'));
    expect(answers(renamed)).toEqual(answers(await rebuilt(store.db)));
    // A rebuild is followed from its whole input.
    expect(holder.originOf?.(renamed)?.update).toBeUndefined();
    expect(answers(buildReadModel(holder.originOf?.(renamed)?.input ?? { occupations: [], roles: [], assessments: [], titles: [], sources: [] }))).toEqual(answers(renamed));
  });
});
