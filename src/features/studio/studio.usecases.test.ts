import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { buildPage } from '../../data-pipeline/importers/published-page/page-builder.test-support.ts';
import { dataEntryClerk } from '../../data-pipeline/importers/published-page/sample-pages.test-support.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import type { Database } from '../../store/database.ts';
import { auditLogTable } from '../accounts/accounts.table.ts';
import { mailNotificationsTable } from '../mail/mail.table.ts';
import { createRateLimiter } from '../rate-limits/rate-limits.usecases.ts';
import { RevisionError } from '../revisions/revisions.errors.ts';
import { getRevision, listRevisions, publishAssessment } from '../revisions/revisions.usecases.ts';
import { loadSampleCatalog } from '../revisions/test-support/publishing-fixture.ts';
import { listAuditLog } from './audit-view.usecases.ts';
import { expectedRevisionsOf, planBulkEvidence, publishBulkEvidence } from './bulk-evidence.usecases.ts';
import { getCalibration } from './calibration.usecases.ts';
import { correctionsFeed } from '../../presentation/feeds/corrections-feed.ts';
import { listCorrections } from './corrections.usecases.ts';
import { createDraft, getDraft, saveDraft, submitDraft } from './drafts.usecases.ts';
import { assignToMe, listQueue } from './queue.usecases.ts';
import { listOpenReports, resolveReaderReport, submitReaderReport } from './reader-reports.usecases.ts';
import { approveDraft, commentOnDraft, publishDraft, requestChanges } from './review.usecases.ts';
import { StudioError } from './studio.errors.ts';
import { createStudioTeam, type StudioTeam } from './test-support/studio-fixture.ts';

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the studio to refuse');
}

async function auditActions(db: Database): Promise<string[]> {
  return (await db.select({ action: auditLogTable.action }).from(auditLogTable).orderBy(auditLogTable.id)).map((row) => row.action);
}

type Doc = { status: string; tasks: { score: number }[]; [key: string]: unknown };

/** Starts a draft of the Telemarketers baseline, promotes it to expert with a lower task score, and submits it. */
async function submittedExpertDraft(db: Database, team: StudioTeam, note = 'Reviewed by the team: calls are now mostly automated.') {
  const draft = await createDraft(db, team.assessor, { from: 'current', assessment: 'telemarketers' });
  const document = draft.document as Doc;
  const edited = { ...document, status: 'expert', baselineMethod: undefined, tasks: document.tasks.map((task) => ({ ...task, score: 4 })) };
  const saved = await saveDraft(db, team.assessor, draft.id, { expectedVersion: draft.version, document: JSON.parse(JSON.stringify(edited)), note });
  return submitDraft(db, team.assessor, saved.id);
}

describeEachDriver('the editorial studio', (store) => {
  it('a baseline drafted, reviewed, approved by someone else and published becomes an expert revision that keeps its history, notifies and is audited', async () => {
    await loadSampleCatalog(store.db);
    const team = await createStudioTeam(store.db);
    const submitted = await submittedExpertDraft(store.db, team);
    expect(submitted).toMatchObject({ state: 'submitted', baseRevision: 1, roleSlug: 'telemarketers', seniority: 'all-levels', version: 2 });

    await commentOnDraft(store.db, team.reviewer, submitted.id, { inputPath: 'tasks[0].score', body: 'Is 4 right for outbound calls?' });
    expect((await refusal(requestChanges(store.db, team.reviewer, submitted.id, '  '))).message).toMatch(/reason: found nothing/);
    await requestChanges(store.db, team.reviewer, submitted.id, 'Cite a source for the task score.');
    const resubmitted = await submitDraft(store.db, team.assessor, submitted.id);
    const approved = await approveDraft(store.db, team.reviewer, resubmitted.id);
    expect(approved).toMatchObject({ state: 'approved', approvedVersion: resubmitted.version });

    const published = await publishDraft(store.db, team.editor, approved.id, { now: new Date('2026-12-01T12:00:00Z') });

    expect(published.after.revisionNumber).toBe(2);
    expect(published.author).toBe('Edna Editor');
    const history = await listRevisions(store.db, 'telemarketers', 'all-levels');
    expect(history.map((revision) => revision.revision)).toEqual([2, 1]);
    expect((await getRevision(store.db, 'telemarketers', 'all-levels')).document).toMatchObject({ status: 'expert', reviewed: '2026-12-01' });
    expect((await getRevision(store.db, 'telemarketers', 'all-levels', 1)).document.status).toBe('baseline');
    expect((await store.db.select().from(mailNotificationsTable)).map((row) => row.revisionId)).toEqual([published.revisionId]);
    const { draft, reviews } = await getDraft(store.db, team.assessor, approved.id);
    expect(draft).toMatchObject({ state: 'published', publishedRevisionId: published.revisionId });
    expect(reviews.map((review) => [review.kind, review.inputPath])).toEqual([
      ['comment', 'tasks[0].score'],
      ['changes-requested', null],
      ['approved', null],
    ]);
    expect(await auditActions(store.db)).toEqual([
      'draft.created',
      'draft.saved',
      'draft.submitted',
      'review.commented',
      'review.changes-requested',
      'draft.submitted',
      'review.approved',
      'revision.published',
    ]);
  });

  it('two editors of one draft: the later save from an older version is refused and changes nothing', async () => {
    await loadSampleCatalog(store.db);
    const team = await createStudioTeam(store.db);
    const draft = await createDraft(store.db, team.assessor, { from: 'current', assessment: 'registered-nurses/all-levels' });
    await saveDraft(store.db, team.otherAssessor, draft.id, { expectedVersion: 1, note: 'first' });

    const error = await refusal(saveDraft(store.db, team.assessor, draft.id, { expectedVersion: 1, note: 'second' }));

    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('studio.conflict');
    expect(error.message).toMatch(/saved by someone else .* \(version 2\) after you loaded version 1; reload it/);
    expect((await getDraft(store.db, team.assessor, draft.id)).draft).toMatchObject({ note: 'first', version: 2 });
  });

  it('an expert draft is never approved by its author nor published unapproved, and an edit after approval withdraws it', async () => {
    await loadSampleCatalog(store.db);
    const team = await createStudioTeam(store.db);
    const draft = await createDraft(store.db, team.reviewer, { from: 'current', assessment: 'telemarketers' });
    const document = { ...(draft.document as Doc), status: 'expert', baselineMethod: undefined };
    const saved = await saveDraft(store.db, team.reviewer, draft.id, { expectedVersion: 1, document: JSON.parse(JSON.stringify(document)), note: 'Promote.' });
    await submitDraft(store.db, team.reviewer, saved.id);

    expect((await refusal(approveDraft(store.db, team.reviewer, saved.id))).message).toMatch(/is your own; another reviewer must approve it/);
    expect((await refusal(publishDraft(store.db, team.editor, saved.id))).message).toMatch(/a reviewer other than its author must approve/);
    const approved = await approveDraft(store.db, team.otherReviewer, saved.id);
    const edited = await saveDraft(store.db, team.reviewer, saved.id, { expectedVersion: approved.version, note: 'Promote, with a better note.' });
    expect(edited.state).toBe('editing');
    expect((await refusal(publishDraft(store.db, team.editor, saved.id))).message).toMatch(/must approve its current version/);
    expect((await listRevisions(store.db, 'telemarketers', 'all-levels')).length).toBe(1);
  });

  it('a draft whose base revision is no longer the latest gets the publishing conflict and stays approved', async () => {
    await loadSampleCatalog(store.db);
    const team = await createStudioTeam(store.db);
    const submitted = await submittedExpertDraft(store.db, team);
    await approveDraft(store.db, team.reviewer, submitted.id);
    const current = (await getDraft(store.db, team.assessor, submitted.id)).draft.document;
    await publishAssessment(store.db, { ...current, status: 'baseline' }, { note: 'Published from the CLI meanwhile.', author: 'cli', expectedRevision: 1 });

    const error = await refusal(publishDraft(store.db, team.editor, submitted.id));

    expect(error).toBeInstanceOf(RevisionError);
    expect((error as RevisionError).code).toBe('revision.conflict');
    expect((await getDraft(store.db, team.assessor, submitted.id)).draft.state).toBe('approved');
    expect(await auditActions(store.db)).not.toContain('revision.published');
  });

  it('a revision published as a correction is listed on /corrections and in its feed', async () => {
    await loadSampleCatalog(store.db);
    const team = await createStudioTeam(store.db);
    const draft = await createDraft(store.db, team.assessor, { from: 'current', assessment: 'customer-service-representatives' });
    const document = draft.document as Doc;
    const fixed = { ...document, tasks: document.tasks.map((task) => ({ ...task, score: 4 })) };
    await saveDraft(store.db, team.assessor, draft.id, { expectedVersion: 1, document: fixed, note: 'The task score was entered as 3 instead of 4.', isCorrection: true });
    await submitDraft(store.db, team.assessor, draft.id);

    await publishDraft(store.db, team.editor, draft.id);

    const corrections = await listCorrections(store.db);
    expect(corrections).toMatchObject([{ roleSlug: 'customer-service-representatives', revision: 2, reason: 'The task score was entered as 3 instead of 4.' }]);
    const feed = correctionsFeed(corrections, 'https://jobzone.example');
    expect(feed).toContain('<title>Correction: Customer Service Representatives (revision 2)</title>');
    expect(feed).toContain('https://jobzone.example/roles/customer-service-representatives/all-levels/history');
  });

  it('drafts start blank or from a pasted page too, and bad starts name the field', async () => {
    await loadSampleCatalog(store.db);
    const team = await createStudioTeam(store.db);
    const blank = await createDraft(store.db, team.assessor, { from: 'blank', role: { slug: 'ward-clerk', title: 'Ward Clerk', seniority: 'entry-level', category: 'Healthcare' } });
    expect(blank).toMatchObject({ roleSlug: 'ward-clerk', seniority: 'entry-level', baseRevision: 0, state: 'editing' });
    const pasted = await createDraft(store.db, team.assessor, { from: 'page', text: buildPage(dataEntryClerk) });
    expect(pasted).toMatchObject({ title: 'Data Entry Clerk', seniority: 'entry-level', baseRevision: 0 });
    expect((pasted.document as Doc).tasks).toHaveLength(5);
    expect((await refusal(createDraft(store.db, team.assessor, { from: 'blank', role: { slug: 'Ward Clerk!', title: 'x', seniority: 'entry-level', category: 'x' } }))).message).toMatch(/^role slug: found "ward clerk!"/);
    expect((await refusal(createDraft(store.db, team.assessor, { from: 'page', text: 'not a page at all' }))).message).toMatch(/^page: the text could not be read/);
    expect((await refusal(createDraft(store.db, team.assessor, { from: 'page', text: 'x'.repeat(60_001) }))).message).toMatch(/^page: found 60,001 characters; expected at most 60,000/);
    expect((await refusal(createDraft(store.db, team.assessor, { from: 'current', assessment: 'no-such-role' }))).message).toMatch(/^assessment: no published assessment of "no-such-role"/);
    expect((await refusal(saveDraft(store.db, team.assessor, blank.id, { expectedVersion: 1, document: { huge: 'y'.repeat(60_000) } }))).message).toMatch(/^document: found 60,011 characters of JSON/);
    expect(await auditActions(store.db)).toEqual(['draft.created', 'draft.created']);
  });

  it('reader reports are bounded, rate-limited per network, land in the queue beside the role and are resolved by a reviewer', async () => {
    await loadSampleCatalog(store.db);
    const team = await createStudioTeam(store.db);
    const deps = { db: store.db, limiter: createRateLimiter(store.db), limit: { capacity: 2, refillSeconds: 600 } };
    const report = { roleSlug: 'telemarketers', seniority: 'all-levels', clientAddress: '203.0.113.9' };
    expect((await refusal(submitReaderReport(deps, { ...report, problem: 'z'.repeat(2_001) }))).message).toMatch(/^what is wrong: found 2,001 characters/);
    expect((await refusal(submitReaderReport(deps, { ...report, problem: 'Wrong.', email: 'not-an-address' }))).message).toMatch(/^email: found "not-an-address"/);
    await submitReaderReport(deps, { ...report, problem: 'The wage evidence is from 2019.', source: 'https://example.org/wages', email: 'Reader@Example.org' });
    expect((await refusal(submitReaderReport(deps, { ...report, roleSlug: 'nobody', problem: 'x' }))).message).toMatch(/no published assessment nobody\/all-levels/);
    const limited = await refusal(submitReaderReport(deps, { ...report, problem: 'Again.' }));
    expect((limited as StudioError).code).toBe('studio.rate_limited');

    const queue = await listQueue(store.db, team.assessor, { category: null, assignee: null });
    expect(queue.reports).toMatchObject([{ roleSlug: 'telemarketers', problem: 'The wage evidence is from 2019.', email: 'reader@example.org' }]);
    expect(queue.neverReviewedBaselines.find((row) => row.roleSlug === 'telemarketers')?.openReports).toBe(1);
    const [open] = await listOpenReports(store.db, team.reviewer);
    await resolveReaderReport(store.db, team.reviewer, open?.id);
    expect(await listOpenReports(store.db, team.reviewer)).toEqual([]);
    expect(await auditActions(store.db)).toEqual(['report.received', 'report.resolved']);
  });

  it('the queue lists never-reviewed baselines by employment, drafts by state, filters by category and assignee, and assigns', async () => {
    await loadSampleCatalog(store.db);
    const team = await createStudioTeam(store.db);
    await store.db.execute(sql`update occupations set facts = jsonb_set(facts, '{employment2024,value}', '5000') where onet_code = '41-9041.00'`);
    await submittedExpertDraft(store.db, team);
    await createDraft(store.db, team.otherAssessor, { from: 'current', assessment: 'registered-nurses' });
    await assignToMe(store.db, team.assessor, { roleSlug: 'telemarketers', seniority: 'all-levels' });
    expect((await refusal(assignToMe(store.db, team.otherAssessor, { roleSlug: 'telemarketers', seniority: 'all-levels' }))).message).toMatch(/already assigned to someone else/);

    const queue = await listQueue(store.db, team.assessor, { category: null, assignee: null });
    expect(queue.neverReviewedBaselines.map((row) => row.roleSlug)).toEqual(['telemarketers', 'customer-service-representatives', 'registered-nurses']);
    expect(queue.neverReviewedBaselines[0]).toMatchObject({ employment: 5000, assigneeEmail: 'assessor@studio.test' });
    expect(queue.waitingForReview.map((draft) => draft.roleSlug)).toEqual(['telemarketers']);
    expect(queue.inProgress.map((draft) => draft.roleSlug)).toEqual(['registered-nurses']);
    const mine = await listQueue(store.db, team.assessor, { category: null, assignee: team.assessor.userId });
    expect(mine.neverReviewedBaselines.map((row) => row.roleSlug)).toEqual(['telemarketers']);
    const elsewhere = await listQueue(store.db, team.assessor, { category: 'Other', assignee: null });
    expect([...elsewhere.neverReviewedBaselines, ...elsewhere.waitingForReview]).toEqual([]);
  });

  it('bulk evidence shows its dry run, publishes it as one publication, and refuses when something was published after the dry run', async () => {
    await loadSampleCatalog(store.db);
    const team = await createStudioTeam(store.db);
    const form = { dimension: 'job-postings', value: '-2', category: 'Sample Occupations', note: 'Postings fell across the board.' };
    const plan = await planBulkEvidence(store.db, team.editor, form);
    expect(plan.changes.map((change) => change.roleSlug).sort()).toEqual(['customer-service-representatives', 'registered-nurses', 'telemarketers']);
    expect((await refusal(planBulkEvidence(store.db, team.editor, { ...form, value: '7' }))).message).toMatch(/evidence value is a whole number from -2 to 2; found 7/);

    const stale = expectedRevisionsOf(plan).replace('telemarketers/all-levels@1', 'telemarketers/all-levels@0');
    expect((await refusal(publishBulkEvidence(store.db, team.editor, { ...form, expected: stale }))).message).toMatch(/changed since the dry run/);
    const published = await publishBulkEvidence(store.db, team.editor, { ...form, expected: expectedRevisionsOf(plan) });

    expect(published.map((revision) => [revision.after.revisionNumber, revision.author])).toEqual([
      [2, 'Edna Editor'],
      [2, 'Edna Editor'],
      [2, 'Edna Editor'],
    ]);
    expect(await auditActions(store.db)).toEqual(['evidence.bulk-published']);
  });

  it('calibration sets each expert assessment beside its baseline and indices, with the spread of expert − baseline per input', async () => {
    await loadSampleCatalog(store.db);
    const team = await createStudioTeam(store.db);
    const submitted = await submittedExpertDraft(store.db, team);
    await approveDraft(store.db, team.reviewer, submitted.id);
    await publishDraft(store.db, team.editor, submitted.id);

    const calibration = await getCalibration(store.db, team.reviewer);

    expect(calibration.rows).toMatchObject([{ roleSlug: 'telemarketers', onetCode: '41-9041.00', indices: [{ indexKey: 'sample-index', value: 0.5 }] }]);
    const [row] = calibration.rows;
    expect(row && row.expertScore > row.baselineScore).toBe(true);
    expect(calibration.distributions.find((entry) => entry.input === 'taskExposure')).toMatchObject({ count: 1, min: -1, max: -1 });
  });

  it('the audit log is read by admins a page at a time, newest first', async () => {
    await loadSampleCatalog(store.db);
    const team = await createStudioTeam(store.db);
    await createDraft(store.db, team.assessor, { from: 'current', assessment: 'telemarketers' });
    const { entries, nextBefore } = await listAuditLog(store.db, team.admin);
    expect(entries).toMatchObject([{ action: 'draft.created', actorLabel: 'assessor@studio.test', subject: 'draft:1' }]);
    expect(nextBefore).toBeNull();
  });
});
