import { describe, expect, it } from 'vitest';
import { historyReadModel, oneTask } from './test-support/history-fixture.ts';
import { periodChangesOf, publicationRowsOf } from './history-queries.ts';

const model = historyReadModel([
  // Revised before and inside the period: compared from its last revision before the period.
  { onetCode: '11-0000.00', title: 'Archivists', zone: 'Green', category: 'Office', revisions: [{ at: '2026-01-01', tasks: oneTask(1) }, { at: '2026-02-01', tasks: oneTask(2) }, { at: '2026-03-05', tasks: oneTask(3) }, { at: '2026-03-20', tasks: oneTask(4) }] },
  // Revised only before the period: not in it.
  { onetCode: '12-0000.00', title: 'Bakers', zone: 'Green', category: 'Food', revisions: [{ at: '2026-01-01' }, { at: '2026-02-10', tasks: oneTask(2) }] },
  // First published inside the period: nothing before it.
  { onetCode: '13-0000.00', title: 'Coopers', zone: 'Red', category: 'Food', revisions: [{ at: '2026-03-10' }] },
  // Revised after the period ends: the revision after `until` is not used.
  { onetCode: '14-0000.00', title: 'Drapers', zone: 'Green', category: 'Office', revisions: [{ at: '2026-01-01' }, { at: '2026-03-15', tasks: oneTask(3) }, { at: '2026-04-15', tasks: oneTask(5) }] },
]);
const since = new Date('2026-03-01T00:00:00Z');
const until = new Date('2026-04-01T00:00:00Z');

describe('the changes of a period, read from the read model', () => {
  it('compares the latest revision before the period with the latest before its end, for assessments revised within it', () => {
    const changes = periodChangesOf(model, since, until);
    expect(changes.map((change) => [change.roleSlug, change.before?.revision ?? null, change.after.revision])).toEqual([
      ['archivists', 2, 4],
      ['coopers', null, 1],
      ['drapers', 1, 2],
    ]);
  });

  it('includes a revision published exactly at the start and leaves out one published exactly at the end', () => {
    const atStart = periodChangesOf(model, new Date('2026-03-05T12:00:00Z'), new Date('2026-03-10T12:00:00Z'));
    expect(atStart.map((change) => change.roleSlug)).toEqual(['archivists']);
    expect(atStart[0]).toMatchObject({ before: { revision: 2 }, after: { revision: 3 } });
  });
});

describe('the publication stream of a feed', () => {
  it('lists every revision newest first, each with the figures it replaced', () => {
    const rows = publicationRowsOf(model, { kind: 'all' });
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => row.publishedAt.toISOString().slice(0, 10))).toEqual([...rows.map((row) => row.publishedAt.toISOString().slice(0, 10))].sort().reverse());
    const drapersLatest = rows[0]!;
    expect(drapersLatest).toMatchObject({ roleSlug: 'drapers', revision: 3 });
    const drapers2 = model.assessments.get('drapers/all-levels')!.revisions[1]!;
    expect(drapersLatest.previousFigures).toEqual(drapers2.figures);
    expect(rows.find((row) => row.roleSlug === 'coopers')?.previousFigures).toBeNull();
  });

  it('keeps to one category or one role, and to a limit', () => {
    expect(new Set(publicationRowsOf(model, { kind: 'category', category: 'Food' }).map((row) => row.roleSlug))).toEqual(new Set(['bakers', 'coopers']));
    expect(publicationRowsOf(model, { kind: 'role', roleSlug: 'archivists' }).map((row) => row.revision)).toEqual([4, 3, 2, 1]);
    expect(publicationRowsOf(model, { kind: 'all' }, 3)).toHaveLength(3);
  });
});
