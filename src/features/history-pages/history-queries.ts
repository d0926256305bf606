import type { PeriodChange, PublicationRow } from '../revisions/revisions.schemas.ts';
import type { FeedScope } from '../revisions/revision-links.ts';
import type { AssessmentEntry, ReadModel, RevisionRecord } from '../read-model/read-model.ts';

const publishedBefore = (revisions: readonly RevisionRecord[], moment: Date) => revisions.filter((revision) => revision.publishedAt.getTime() < moment.getTime()).at(-1) ?? null;

/** Lists, for every assessment with a revision published in [since, until), its latest revision before `since` and its latest before `until`. */
export function periodChangesOf(model: ReadModel, since: Date, until: Date): PeriodChange[] {
  const changes: PeriodChange[] = [];
  for (const entry of model.assessments.values()) {
    const touched = entry.revisions.some((revision) => revision.publishedAt >= since && revision.publishedAt < until);
    if (!touched) continue;
    const after = publishedBefore(entry.revisions, until);
    if (!after) continue;
    const before = publishedBefore(entry.revisions, since);
    changes.push({
      roleSlug: entry.roleSlug,
      seniority: entry.seniority,
      title: entry.title,
      category: entry.category,
      before: before ? { revision: before.number, figures: before.figures } : null,
      after: { revision: after.number, figures: after.figures },
    });
  }
  return changes.sort((a, b) => a.roleSlug.localeCompare(b.roleSlug) || a.seniority.localeCompare(b.seniority));
}

/** The latest score change published before a moment: which assessment, its revisions and scores, and when. */
export interface LastScoreChange {
  roleSlug: string;
  seniority: string;
  title: string;
  fromRevision: number;
  toRevision: number;
  before: number;
  after: number;
  publishedAt: Date;
}

/** Finds the latest revision published before `moment` that changed a score (the largest move when several share that moment), or null when no score has ever moved. */
export function lastScoreChangeBefore(model: ReadModel, moment: Date): LastScoreChange | null {
  let last: LastScoreChange | null = null;
  for (const entry of model.assessments.values()) {
    entry.revisions.forEach((revision, index) => {
      const previous = entry.revisions[index - 1];
      if (!previous || revision.publishedAt >= moment || revision.figures.score === previous.figures.score) return;
      const candidate = { roleSlug: entry.roleSlug, seniority: entry.seniority, title: entry.title, fromRevision: previous.number, toRevision: revision.number, before: previous.figures.score, after: revision.figures.score, publishedAt: revision.publishedAt };
      const later = !last || candidate.publishedAt > last.publishedAt;
      const sameMomentLarger = last && candidate.publishedAt.getTime() === last.publishedAt.getTime() && Math.abs(candidate.after - candidate.before) > Math.abs(last.after - last.before);
      if (later || sameMomentLarger) last = candidate;
    });
  }
  return last;
}

function inScope(entry: AssessmentEntry, scope: FeedScope): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'category') return entry.category === scope.category;
  return entry.roleSlug === scope.roleSlug;
}

/** Lists published revisions newest first (everything, one category or one role), each with the figures it replaced. */
export function publicationRowsOf(model: ReadModel, scope: FeedScope, limit = Number.POSITIVE_INFINITY): PublicationRow[] {
  const rows: PublicationRow[] = [];
  for (const entry of model.assessments.values()) {
    if (!inScope(entry, scope)) continue;
    entry.revisions.forEach((revision, index) => {
      rows.push({
        roleSlug: entry.roleSlug,
        seniority: entry.seniority,
        title: entry.title,
        category: entry.category,
        revision: revision.number,
        publishedAt: revision.publishedAt,
        author: revision.author,
        note: revision.note,
        figures: revision.figures,
        previousFigures: index > 0 ? (entry.revisions[index - 1]?.figures ?? null) : null,
      });
    });
  }
  rows.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.revision - a.revision || a.roleSlug.localeCompare(b.roleSlug) || a.seniority.localeCompare(b.seniority));
  return rows.slice(0, limit);
}

/** Finds the category whose URL slug this is, or null. */
export function categoryOfSlug(model: ReadModel, slug: string): string | null {
  return model.categories.find((category) => category.slug === slug)?.name ?? null;
}
