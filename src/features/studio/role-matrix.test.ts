import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import type { Database } from '../../store/database.ts';
import { PermissionDenied, ROLES, type Actor, type Role } from '../accounts/roles.ts';
import { loadSampleCatalog } from '../revisions/test-support/publishing-fixture.ts';
import { listAuditLog } from './audit-view.usecases.ts';
import { planBulkEvidence, publishBulkEvidence } from './bulk-evidence.usecases.ts';
import { getCalibration } from './calibration.usecases.ts';
import { createDraft, getDraft, saveDraft, submitDraft } from './drafts.usecases.ts';
import { assignToMe, listQueue } from './queue.usecases.ts';
import { listOpenReports, resolveReaderReport } from './reader-reports.usecases.ts';
import { approveDraft, commentOnDraft, publishDraft, requestChanges } from './review.usecases.ts';
import { createStudioTeam } from './test-support/studio-fixture.ts';

type UseCase = (db: Database, actor: Actor | null, draftId: number) => Promise<unknown>;

const bulk = { dimension: 'wages', value: '1', roles: 'telemarketers', note: 'Wages rose.', expected: 'telemarketers/all-levels@1' };

/** Every studio use case with the least role that may run it. */
const USE_CASES: [string, Role, UseCase][] = [
  ['start a draft', 'assessor', (db, actor) => createDraft(db, actor, { from: 'current', assessment: 'registered-nurses' })],
  ['open a draft', 'assessor', (db, actor, id) => getDraft(db, actor, id)],
  ['save a draft', 'assessor', (db, actor, id) => saveDraft(db, actor, id, { expectedVersion: 999, note: 'x' })],
  ['submit a draft', 'assessor', (db, actor, id) => submitDraft(db, actor, id)],
  ['see the queue', 'assessor', (db, actor) => listQueue(db, actor, { category: null, assignee: null })],
  ['take an assessment', 'assessor', (db, actor) => assignToMe(db, actor, { roleSlug: 'no-such-role', seniority: 'all-levels' })],
  ['read reader reports', 'assessor', (db, actor) => listOpenReports(db, actor)],
  ['comment', 'reviewer', (db, actor, id) => commentOnDraft(db, actor, id, { body: 'A comment.' })],
  ['request changes', 'reviewer', (db, actor, id) => requestChanges(db, actor, id, 'A reason.')],
  ['approve', 'reviewer', (db, actor, id) => approveDraft(db, actor, id)],
  ['resolve a report', 'reviewer', (db, actor) => resolveReaderReport(db, actor, 999)],
  ['see calibration', 'reviewer', (db, actor) => getCalibration(db, actor)],
  ['publish a draft', 'editor', (db, actor, id) => publishDraft(db, actor, id)],
  ['dry-run bulk evidence', 'editor', (db, actor) => planBulkEvidence(db, actor, bulk)],
  ['publish bulk evidence', 'editor', (db, actor) => publishBulkEvidence(db, actor, { ...bulk, value: '3' })],
  ['read the audit log', 'admin', (db, actor) => listAuditLog(db, actor)],
];

async function auditCount(db: Database): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as total from audit_log`)) as unknown as { rows: { total: number }[] };
  return result.rows[0]?.total ?? 0;
}

describeEachDriver('who may do what in the studio', (store) => {
  it('every studio use case refuses anonymous visitors and roles below its own, writing nothing, and lets its role and those above through', async () => {
    await loadSampleCatalog(store.db);
    const team = await createStudioTeam(store.db);
    const byRole: Record<Role, Actor> = { assessor: team.assessor, reviewer: team.reviewer, editor: team.editor, admin: team.admin };
    const draft = await createDraft(store.db, team.otherAssessor, { from: 'current', assessment: 'telemarketers' });
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [name, least, useCase] of USE_CASES) {
      for (const role of [null, ...ROLES]) {
        const actor = role === null ? null : byRole[role];
        const before = await auditCount(store.db);
        let outcome = 'allowed';
        try {
          await useCase(store.db, actor, draft.id);
        } catch (error) {
          if (error instanceof PermissionDenied) {
            outcome = 'refused';
            expect(await auditCount(store.db), `${name} as ${role ?? 'anonymous'} wrote to the audit log`).toBe(before);
          }
        }
        outcomes.push(`${name} as ${role ?? 'anonymous'}: ${outcome}`);
        expected.push(`${name} as ${role ?? 'anonymous'}: ${role !== null && ROLES.indexOf(role) >= ROLES.indexOf(least) ? 'allowed' : 'refused'}`);
      }
    }
    expect(outcomes).toEqual(expected);
  });
});
