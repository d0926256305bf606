import type { OnRevisionsPublished } from '../revisions/publication-hook.ts';
import type { PublishedRevision } from '../revisions/published-revision.ts';
import { enqueueUpdateFanOut, recordNotification } from './mail.repository.ts';

/** The smallest score move that is worth an email on its own. */
export const NOTABLE_SCORE_CHANGE = 0.5;

/** Tells whether subscribers hear about a revision: marked notify, or the score moved 0.5 or more, or the zone or sub-label changed. */
export function isNotable(revision: Pick<PublishedRevision, 'notify' | 'before' | 'after'>): boolean {
  if (revision.notify) return true;
  const { before, after } = revision;
  // A first revision has nothing to compare with; it is announced only when marked notify.
  if (!before) return false;
  // Scores carry one decimal; the epsilon keeps 42.0 → 42.5 notable despite binary rounding.
  return Math.abs(after.score - before.score) >= NOTABLE_SCORE_CHANGE - 1e-9 || after.zone !== before.zone || after.subLabel !== before.subLabel;
}

/**
 * Queues update emails for the notable revisions of a publication: one per confirmed subscriber of the
 * assessment or its category, at most once per subscriber and revision. Pass it to publishing as its
 * OnRevisionsPublished hook: it runs in the publication's transaction, so the emails exist exactly when the revisions do.
 */
export const notifySubscribersOnPublish: OnRevisionsPublished = async (transaction, revisions) => {
  for (const revision of revisions) {
    if (!isNotable(revision)) continue;
    const notificationId = await recordNotification(transaction, revision);
    await enqueueUpdateFanOut(transaction, notificationId, { assessmentId: revision.assessmentId, category: revision.category });
  }
};
