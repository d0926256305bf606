import { describe, expect, it } from 'vitest';
import { BASELINE_AUTHOR } from '../../features/catalog/catalog.usecases.ts';
import { RESCORE_AUTHOR } from '../../features/revisions/revisions.schemas.ts';
import { buildHistoryView } from './history-view.ts';
import { buildRoleUpdatesView, subscribeStatusOf } from './role-updates-view.ts';
import { historyReadModel, oneTask } from '../../features/history-pages/test-support/history-fixture.ts';
import { gatherAssessmentAt } from '../../features/read-model/assessment-at.ts';

const model = historyReadModel([
  {
    onetCode: '11-0000.00',
    title: 'Archivists',
    zone: 'Green',
    revisions: [
      { at: '2026-01-01', author: BASELINE_AUTHOR, note: 'Baseline from data.' },
      { at: '2026-02-01', author: 'Ada Assessor', note: 'Reviewed the tasks.', tasks: oneTask(3) },
      { at: '2026-03-01', author: RESCORE_AUTHOR, note: 'Re-scored with aijri-2.', tasks: oneTask(4) },
      { at: '2026-03-15', author: 'Ben Editor', note: 'New evidence.', tasks: oneTask(5) },
    ],
  },
  { onetCode: '12-0000.00', title: 'Bakers', zone: 'Red', revisions: [{ at: '2026-01-01', author: BASELINE_AUTHOR }, { at: '2026-02-01', author: RESCORE_AUTHOR, tasks: oneTask(4) }] },
]);

describe('the history page', () => {
  it('lists every revision newest first with date, author, note, score, zone and a link to its diff', () => {
    const result = buildHistoryView(gatherAssessmentAt(model, 'archivists', 'all-levels'), new Date('2026-04-01T00:00:00Z'));
    if (result.status !== 200) throw new Error('expected a history');
    const { revisions } = result.view;
    expect(revisions.map((revision) => revision.number)).toEqual([4, 3, 2, 1]);
    expect(revisions[0]).toMatchObject({ anchor: 'revision-4', dateText: '15 March 2026', author: 'Ben Editor', note: 'New evidence.', zone: 'Red', scoreText: '5.8', diffHref: '/roles/archivists/all-levels/changes?from=3&to=4', automated: false });
    expect(revisions[1]?.automated).toBe(true);
    expect(revisions[3]).toMatchObject({ diffHref: null, deltaText: null });
    expect(result.view.chart.points.map((point) => point.revision)).toEqual([1, 2, 3, 4]);
    expect(result.view.picker).toMatchObject({ from: 3, to: 4 });
    expect(result.view.latestDiffHref).toBe('/roles/archivists/all-levels/changes?from=3&to=4');
    expect(result.view.feedHref).toBe('/feeds/roles/archivists.atom');
  });

  it('counts only revisions by a person as reviews and flags a review as due after 90 days', () => {
    const fresh = buildHistoryView(gatherAssessmentAt(model, 'archivists', 'all-levels'), new Date('2026-04-01T00:00:00Z'));
    expect(fresh.status === 200 && fresh.view.review).toMatchObject({ lastReviewed: '2026-03-15', reviewDue: false, lastReviewedText: '15 March 2026' });
    const stale = buildHistoryView(gatherAssessmentAt(model, 'archivists', 'all-levels'), new Date('2026-06-13T00:00:00Z'));
    expect(stale.status === 200 && stale.view.review).toMatchObject({ reviewDue: true, dueText: expect.stringMatching(/90 days ago/) });
    const automatedOnly = buildHistoryView(gatherAssessmentAt(model, 'bakers', 'all-levels'), new Date('2026-02-02T00:00:00Z'));
    expect(automatedOnly.status === 200 && automatedOnly.view.review).toMatchObject({ lastReviewed: null, reviewDue: true, lastReviewedText: 'Never reviewed by a person' });
  });

  it('is a 404 for an unknown role or level', () => {
    expect(buildHistoryView(gatherAssessmentAt(model, 'nobody', 'all-levels'), new Date()).status).toBe(404);
    expect(buildHistoryView(gatherAssessmentAt(model, 'archivists', 'mid-level'), new Date()).status).toBe(404);
  });
});

describe('the history and updates sections of an assessment page', () => {
  const entry = model.assessments.get('archivists/all-levels')!;

  it('shows the last three revisions and posts the subscribe form to the assessment’s subscribe address', () => {
    const view = buildRoleUpdatesView(entry, new Date('2026-04-01T00:00:00Z'), null);
    expect(view.recent.map((revision) => revision.number)).toEqual([4, 3, 2]);
    expect(view.revisionCount).toBe(4);
    expect(view.subscribe).toEqual({ action: '/roles/archivists/all-levels/subscribe', status: null });
    expect(view.historyHref).toBe('/roles/archivists/all-levels/history');
    expect(view.feed.href).toBe('/feeds/roles/archivists.atom');
  });

  it('words the outcome of a subscribe request without saying whether the address was known', () => {
    expect(subscribeStatusOf('sent')?.message).toMatch(/If that address can receive updates, a confirmation link is on its way/);
    expect(subscribeStatusOf('invalid')?.kind).toBe('invalid');
    expect(subscribeStatusOf('limited')?.message).toMatch(/try again/);
    expect(subscribeStatusOf('<script>')).toBeNull();
    expect(subscribeStatusOf(null)).toBeNull();
  });
});
