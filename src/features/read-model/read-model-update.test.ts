import { expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { publishAssessment } from '../revisions/revisions.usecases.ts';
import { expertAssessment, loadSampleCatalog } from '../revisions/test-support/publishing-fixture.ts';
import { buildReadModel } from './read-model.ts';
import { readPublishedRoles, readReadModelInput } from './read-model.repository.ts';
import { applyPublishedRoles, type ReadModelWithInput } from './read-model-update.ts';
import { answers } from './test-support/read-model-answers.ts';

const by = { note: 'First look.', author: 'Ada Assessor' };

async function current(db: Database): Promise<ReadModelWithInput> {
  const input = await readReadModelInput(db);
  return { model: buildReadModel(input), input };
}

function edited(growth: number, changes: Parameters<typeof expertAssessment>[0] = {}) {
  const document = expertAssessment(changes);
  return { ...document, growth: { ...document.growth, score: growth } };
}

describeEachDriver('updating the read model after a publication', (store) => {
  it('gives what a full rebuild gives, for a new revision of an expert role and of a baseline', async () => {
    await loadSampleCatalog(store.db);
    await publishAssessment(store.db, expertAssessment(), by);
    let previous = await current(store.db);

    await publishAssessment(store.db, edited(2), { note: 'Growth re-checked.', author: 'Ada Assessor' });
    const updated = applyPublishedRoles(previous, ['ward-nurse'], await readPublishedRoles(store.db, ['ward-nurse']));
    const rebuilt = await current(store.db);
    expect(updated).not.toBeNull();
    expect(updated?.model.assessments.get('ward-nurse/mid-level')?.revision.number).toBe(2);
    expect(answers(updated!.model)).toEqual(answers(rebuilt.model));
    expect(updated?.model.search).toBe(previous.model.search);
    expect(updated?.model.version).not.toBe(previous.model.version);
    // Entries of roles the publication left alone are the previous model's own.
    expect(updated?.model.assessments.get('telemarketers/all-levels')).toBe(previous.model.assessments.get('telemarketers/all-levels'));

    previous = updated!;
    const baseline = previous.model.assessments.get('telemarketers/all-levels')!.assessment;
    const moved = { ...baseline, tasks: baseline.tasks.map((task, index) => (index === 0 ? { ...task, score: task.score === 1 ? 2 : 1 } : task)) };
    await publishAssessment(store.db, moved, { note: 'Task re-scored.', author: 'Ada Assessor' });
    const again = applyPublishedRoles(previous, ['telemarketers'], await readPublishedRoles(store.db, ['telemarketers']));
    expect(again).not.toBeNull();
    expect(answers(again!.model)).toEqual(answers((await current(store.db)).model));
  });

  it('leaves a new role, a new seniority or new aliases to a full rebuild', async () => {
    await loadSampleCatalog(store.db);
    const before = await current(store.db);
    await publishAssessment(store.db, expertAssessment(), by);
    expect(applyPublishedRoles(before, ['ward-nurse'], await readPublishedRoles(store.db, ['ward-nurse']))).toBeNull();

    const withRole = await current(store.db);
    await publishAssessment(store.db, expertAssessment({ role: { seniority: 'senior' } }), by);
    expect(applyPublishedRoles(withRole, ['ward-nurse'], await readPublishedRoles(store.db, ['ward-nurse']))).toBeNull();

    const withSenior = await current(store.db);
    await publishAssessment(store.db, edited(1, { role: { aliases: ['Charge Nurse'] } }), { ...by, expectedRevision: 1 });
    expect(applyPublishedRoles(withSenior, ['ward-nurse'], await readPublishedRoles(store.db, ['ward-nurse']))).toBeNull();
  });
});
