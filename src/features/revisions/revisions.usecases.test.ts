import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { aijri1, explainScore, methodologyOf, scoreAssessment, toScoreJson, type Assessment, type MethodologyDefinition } from '../../methodology/index.ts';
import { config } from '../../config/config.ts';
import { openPostgresStore } from '../../store/database.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { assessmentsTable, revisionsTable, rolesTable, titlesTable } from '../catalog/catalog.table.ts';
import { loadCommittedCatalog } from '../catalog/catalog.usecases.ts';
import { sampleCatalog } from '../catalog/test-support/sample-catalog.ts';
import type { PublishedRevision } from './published-revision.ts';
import { RevisionError } from './revisions.errors.ts';
import { exportAssessment, getRevision, listRevisions, publishAssessment, publishAssessments, resolveAssessmentKey } from './revisions.usecases.ts';
import { planEvidenceChange, rescoreAll, setEvidence } from './bulk-changes.ts';
import { expertAssessment, loadSampleCatalog, SAMPLE_OCCUPATIONS } from './test-support/publishing-fixture.ts';

const by = { author: 'Ada Assessor', note: 'Charting tools matured.' };
const figuresOf = (assessment: Assessment) => toScoreJson(scoreAssessment(assessment, methodologyOf(assessment.methodology)), explainScore(assessment, methodologyOf(assessment.methodology)));

async function revisionCount(db: Parameters<typeof listRevisions>[0]): Promise<number> {
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(revisionsTable);
  return row?.total ?? 0;
}

async function failureOf(promise: Promise<unknown>): Promise<RevisionError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RevisionError) return error;
    throw error;
  }
  throw new Error('expected the publication to be refused');
}

describeEachDriver('publishing revisions', (store) => {
  it('the first publication of a new expert role creates the role, its assessment and revision 1 with the engine’s figures', async () => {
    await loadSampleCatalog(store.db);
    const document = expertAssessment();

    const published = await publishAssessment(store.db, document, by);

    expect(published).toMatchObject({ roleSlug: 'ward-nurse', seniority: 'mid-level', title: 'Ward Nurse', category: 'Healthcare', before: null, notify: false });
    expect(published.after).toMatchObject({ revisionNumber: 1, score: figuresOf(document).score, label: figuresOf(document).label });
    const [role] = await store.db.select().from(rolesTable).where(eq(rolesTable.slug, 'ward-nurse'));
    expect(role).toMatchObject({ kind: 'expert', primaryOnetCode: '29-1141.00', title: 'Ward Nurse' });
    const current = await getRevision(store.db, 'ward-nurse', 'mid-level');
    expect(current).toMatchObject({ revision: 1, author: 'Ada Assessor', note: 'Charting tools matured.', methodologyVersion: 'aijri-1' });
    expect(current.figures).toEqual(figuresOf(document));
    expect(current.document).toEqual(document);
  });

  it('a published expert role can be found by its own title and its aliases, once each however often it is published', async () => {
    await loadSampleCatalog(store.db);
    const document = expertAssessment();
    await publishAssessment(store.db, { ...document, role: { ...document.role, aliases: ['Staff Nurse'] } }, by);
    await publishAssessment(store.db, { ...document, role: { ...document.role, aliases: ['Staff Nurse'] } }, by);
    const titles = await store.db.select({ title: titlesTable.title, kind: titlesTable.kind }).from(titlesTable).where(eq(titlesTable.roleSlug, 'ward-nurse'));
    expect(titles.sort((a, b) => a.title.localeCompare(b.title))).toEqual([
      { title: 'Staff Nurse', kind: 'alias' },
      { title: 'Ward Nurse', kind: 'alias' },
    ]);
  });

  it('publishing an edit writes revision 2, moves the current revision and reports the score before and after', async () => {
    await loadSampleCatalog(store.db);
    await publishAssessment(store.db, expertAssessment(), by);
    const edited = expertAssessment({ growth: { score: 2, rationale: 'Demand grows with AI triage.' } });

    const published = await publishAssessment(store.db, edited, { ...by, note: 'Growth re-judged.', notify: true });

    expect(published.before?.revisionNumber).toBe(1);
    expect(published.after).toMatchObject({ revisionNumber: 2, score: figuresOf(edited).score });
    expect(published.notify).toBe(true);
    const revisions = await listRevisions(store.db, 'ward-nurse', 'mid-level');
    expect(revisions.map((revision) => [revision.revision, revision.note])).toEqual([
      [2, 'Growth re-judged.'],
      [1, 'Charting tools matured.'],
    ]);
    const [assessment] = await store.db.select().from(assessmentsTable).where(eq(assessmentsTable.roleSlug, 'ward-nurse'));
    expect(assessment?.currentRevisionId).toBe(published.revisionId);
  });

  it('publishing over a revision that is no longer the latest is refused, naming both revisions, and writes nothing', async () => {
    await loadSampleCatalog(store.db);
    await publishAssessment(store.db, expertAssessment(), by);
    await publishAssessment(store.db, expertAssessment({ verdict: 'Someone else’s edit.' }), { ...by, author: 'Bea Editor' });
    const before = await revisionCount(store.db);

    const error = await failureOf(publishAssessment(store.db, { basedOnRevision: 1, ...expertAssessment({ verdict: 'My edit.' }) }, by));

    expect(error.code).toBe('revision.conflict');
    expect(error.message).toMatch(/^you edited revision 1 of ward-nurse\/mid-level but revision 2 is now the latest \(published \d{4}-\d\d-\d\dT.* by Bea Editor\): export it again/);
    expect(error.message).toContain('Nothing was published');
    expect(await revisionCount(store.db)).toBe(before);
  });

  it('basedOnRevision is metadata: it decides the base and is not stored with the document', async () => {
    await loadSampleCatalog(store.db);
    await publishAssessment(store.db, expertAssessment(), by);

    await publishAssessment(store.db, { basedOnRevision: 1, ...expertAssessment({ verdict: 'Edited from revision 1.' }) }, by);

    const current = await getRevision(store.db, 'ward-nurse', 'mid-level');
    expect(current.revision).toBe(2);
    expect(current.document).not.toHaveProperty('basedOnRevision');
    expect(current.document.verdict).toBe('Edited from revision 1.');
  });

  it('an expected revision given both in the file and on the command line must agree', async () => {
    await loadSampleCatalog(store.db);
    await publishAssessment(store.db, expertAssessment(), by);
    const error = await failureOf(publishAssessment(store.db, { basedOnRevision: 1, ...expertAssessment() }, { ...by, expectedRevision: 2 }));
    expect(error).toMatchObject({ code: 'revision.invalid', message: expect.stringContaining('basedOnRevision is 1 but --expect-revision is 2') });
  });

  it('a publication without a note or with an invalid document is refused with the field named', async () => {
    await loadSampleCatalog(store.db);
    expect(await failureOf(publishAssessment(store.db, expertAssessment(), { ...by, note: '  ' }))).toMatchObject({ code: 'revision.invalid', message: expect.stringContaining('note') });
    const broken = { ...expertAssessment(), tasks: [{ name: 'Only task', share: 90, score: 2, rationale: 'x' }] };
    const error = await failureOf(publishAssessment(store.db, broken, { ...by, source: 'ward-nurse.yaml' }));
    expect(error.message).toContain('ward-nurse.yaml: tasks: shares sum to 90; they must sum to 100');
    expect(await revisionCount(store.db)).toBe(3);
  });

  it('a publication may not add a link to a role the catalog does not have, but links already published stay publishable', async () => {
    const linked = expertAssessment({ role: { notThisRole: [{ title: 'Ghost Role', slug: 'ghost-role' }] } });
    await loadSampleCatalog(store.db);
    const refused = await failureOf(publishAssessment(store.db, { ...linked, role: { ...linked.role, slug: 'other-nurse' } }, by));
    expect(refused.message).toContain('role.notThisRole[0].slug: found "ghost-role"; expected the slug of a role in the catalog');

    // The committed catalog may hold links to roles not assessed yet; re-publishing them is accepted.
    await loadCommittedCatalog(store.db, { ...sampleCatalog(SAMPLE_OCCUPATIONS), experts: [{ file: 'content/assessments/ward-nurse/mid-level.yaml', assessment: linked }] });
    await publishAssessment(store.db, linked, { ...by, note: 'Re-reviewed.' });
    expect((await listRevisions(store.db, 'ward-nurse', 'mid-level')).length).toBe(2);
  });

  it('a bulk publication is all or none: one invalid document and nothing is written', async () => {
    await loadSampleCatalog(store.db);
    const before = await revisionCount(store.db);
    const good = expertAssessment();
    const bad = expertAssessment({ role: { slug: 'night-nurse', onetCodes: ['99-9999.00'] } });

    const error = await failureOf(publishAssessments(store.db, [{ document: good }, { document: bad, source: 'night-nurse.yaml' }], by));

    expect(error.message).toContain('night-nurse.yaml: role.onetCodes[0]: 99-9999.00 is not an occupation of the catalog');
    expect(await revisionCount(store.db)).toBe(before);
    expect(await store.db.select().from(rolesTable).where(eq(rolesTable.slug, 'ward-nurse'))).toEqual([]);
  });

  it('a bulk publication is all or none: one conflict and nothing is written', async () => {
    await loadSampleCatalog(store.db);
    await publishAssessment(store.db, expertAssessment(), by);
    await publishAssessment(store.db, expertAssessment({ verdict: 'Newer.' }), by);
    const before = await revisionCount(store.db);
    const nurses = await exportAssessment(store.db, 'registered-nurses', 'all-levels');

    const error = await failureOf(
      publishAssessments(store.db, [{ document: nurses.document }, { document: expertAssessment(), expectedRevision: 1 }], by),
    );

    expect(error.code).toBe('revision.conflict');
    expect(error.message).toContain('you edited revision 1 of ward-nurse/mid-level but revision 2 is now the latest');
    expect(await revisionCount(store.db)).toBe(before);
  });

  it('what runs on publication sees the revisions inside the transaction, and its failure undoes the publication', async () => {
    await loadSampleCatalog(store.db);
    let seen: readonly PublishedRevision[] = [];
    let visibleInside = 0;
    await publishAssessment(store.db, expertAssessment(), {
      ...by,
      onPublished: async (tx, revisions) => {
        seen = revisions;
        visibleInside = await revisionCount(tx);
      },
    });
    expect(seen.map((revision) => revision.roleSlug)).toEqual(['ward-nurse']);
    expect(visibleInside).toBe(4);

    const before = await revisionCount(store.db);
    const failing = publishAssessment(store.db, expertAssessment({ verdict: 'Edit.' }), {
      ...by,
      onPublished: () => Promise.reject(new Error('the outbox is full')),
    });
    await expect(failing).rejects.toThrow('the outbox is full');
    expect(await revisionCount(store.db)).toBe(before);
  });

  it('two concurrent publications of the same revision give exactly one winner and one clear conflict', async () => {
    await loadSampleCatalog(store.db);
    await publishAssessment(store.db, expertAssessment(), by);

    const results = await Promise.allSettled([
      publishAssessment(store.db, expertAssessment({ verdict: 'Edit A.' }), { ...by, author: 'A', expectedRevision: 1 }),
      publishAssessment(store.db, expertAssessment({ verdict: 'Edit B.' }), { ...by, author: 'B', expectedRevision: 1 }),
    ]);

    const winners = results.filter((result) => result.status === 'fulfilled');
    const losers = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toMatchObject({ code: 'revision.conflict', message: expect.stringMatching(/you edited revision 1 of ward-nurse\/mid-level but revision 2 is now the latest/) });
    expect((await listRevisions(store.db, 'ward-nurse', 'mid-level')).map((revision) => revision.revision)).toEqual([2, 1]);
  });

  it('two concurrent first publications of a new assessment give one winner and one conflict', async () => {
    await loadSampleCatalog(store.db);
    const results = await Promise.allSettled([
      publishAssessment(store.db, expertAssessment({ verdict: 'A.' }), by),
      publishAssessment(store.db, expertAssessment({ verdict: 'B.' }), by),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [loser] = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    expect(loser).toMatchObject({ code: 'revision.conflict', message: expect.stringContaining('you published ward-nurse/mid-level as a new assessment but revision 1 is now the latest') });
  });

  if (store.driver === 'postgres') {
    it('on PostgreSQL, two connections publishing the same revision at once give one winner and one conflict', async () => {
      await loadSampleCatalog(store.db);
      await publishAssessment(store.db, expertAssessment(), by);
      const url = (await store.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
      const base = new URL(config.testDatabaseUrl ?? '');
      base.pathname = `/${url.rows[0]?.name ?? ''}`;
      const [first, second] = await Promise.all([openPostgresStore(base.toString()), openPostgresStore(base.toString())]);
      if (!first || !second) throw new Error('could not open two connections');
      try {
        const results = await Promise.allSettled([
          publishAssessment(first.db, expertAssessment({ verdict: 'A.' }), { ...by, expectedRevision: 1 }),
          publishAssessment(second.db, expertAssessment({ verdict: 'B.' }), { ...by, expectedRevision: 1 }),
        ]);
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'revision.conflict' } });
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });
  }

  it('an exported assessment published back unchanged becomes a new revision with identical figures', async () => {
    await loadSampleCatalog(store.db);
    await publishAssessment(store.db, expertAssessment(), by);
    const exported = await exportAssessment(store.db, 'ward-nurse', 'mid-level');
    expect(exported.document.basedOnRevision).toBe(1);

    await publishAssessment(store.db, exported.document, { ...by, note: 'Reviewed: no change.' });

    const [latest, previous] = await listRevisions(store.db, 'ward-nurse', 'mid-level');
    expect(latest?.revision).toBe(2);
    expect(latest?.figures).toEqual(previous?.figures);
  });

  it('a role is found by slug alone when it has one assessment, and needs the seniority when it has several', async () => {
    await loadSampleCatalog(store.db);
    await publishAssessment(store.db, expertAssessment(), by);
    expect(await resolveAssessmentKey(store.db, 'ward-nurse')).toEqual({ roleSlug: 'ward-nurse', seniority: 'mid-level' });
    await publishAssessment(store.db, expertAssessment({ role: { seniority: 'senior' } }), by);
    await expect(resolveAssessmentKey(store.db, 'ward-nurse')).rejects.toThrow('ward-nurse is assessed at mid-level, senior: name one, e.g. ward-nurse/mid-level');
    expect(await resolveAssessmentKey(store.db, 'ward-nurse/senior')).toEqual({ roleSlug: 'ward-nurse', seniority: 'senior' });
    await expect(resolveAssessmentKey(store.db, 'nobody')).rejects.toMatchObject({ code: 'revision.not_found' });
  });

  it('setting one evidence dimension across a category publishes every assessment in it at once, and the dry run shows the moves first', async () => {
    await loadSampleCatalog(store.db);
    const change = { dimension: 'toolMaturity' as const, value: -2, selection: { category: 'sample-occupations' } };

    const plan = await planEvidenceChange(store.db, change);
    expect(plan.changes.map((item) => item.roleSlug)).toEqual(['customer-service-representatives', 'registered-nurses', 'telemarketers']);
    const nurses = plan.changes.find((item) => item.roleSlug === 'registered-nurses');
    expect(nurses?.before).toEqual({ score: 56.2, zone: 'Green', subLabel: 'Stable' });
    expect(nurses?.after.score).toBeLessThan(56.2);
    expect(await revisionCount(store.db)).toBe(3);

    const { published } = await setEvidence(store.db, change, { ...by, note: 'Agents now do this work.' });
    expect(published).toHaveLength(3);
    for (const item of plan.changes) {
      const current = await getRevision(store.db, item.roleSlug, item.seniority);
      expect(current).toMatchObject({ revision: 2, score: item.after.score, note: 'Agents now do this work.' });
      expect(current.document.evidence.toolMaturity.score).toBe(-2);
    }
  });

  it('re-scoring with a new methodology version writes a new revision of every assessment whose note names the version', async () => {
    await loadSampleCatalog(store.db);
    await publishAssessment(store.db, expertAssessment(), by);
    const aijri2: MethodologyDefinition = { ...aijri1, version: 'aijri-2', name: 'AIJRI v2 (test)', rawDivisor: '7.50' };
    const methodologies = { [aijri1.version]: aijri1, [aijri2.version]: aijri2 };

    const { published } = await rescoreAll(store.db, 'aijri-2', { methodologies });

    expect(published).toHaveLength(4);
    for (const revision of published) {
      expect(revision.note).toContain('aijri-2');
      expect(revision.methodologyVersion).toBe('aijri-2');
      expect(revision.after.revisionNumber).toBe(revision.before ? revision.before.revisionNumber + 1 : 1);
    }
    const nurses = await getRevision(store.db, 'registered-nurses', 'all-levels');
    expect(nurses.document.methodology).toBe('aijri-2');
    expect(nurses.score).toBeGreaterThan(56.2);
    await expect(rescoreAll(store.db, 'aijri-9', { methodologies })).rejects.toThrow('"aijri-9" is not a methodology version jobzone knows; use one of aijri-1, aijri-2');
  });
});
