import type { SubLabel, Zone } from '../../methodology/index.ts';

/** The headline figures of one revision, enough to say what a publication changed. */
export interface RevisionHeadline {
  revisionNumber: number;
  score: number;
  zone: Zone;
  subLabel: SubLabel;
  label: string;
}

/** One revision just written by a publication, with what it replaced (null for a first revision). */
export interface PublishedRevision {
  assessmentId: number;
  revisionId: number;
  roleSlug: string;
  seniority: string;
  title: string;
  category: string;
  note: string;
  author: string;
  publishedAt: Date;
  methodologyVersion: string;
  /** Set by `publish --notify`: subscribers hear about it even when the score barely moved. */
  notify: boolean;
  before: RevisionHeadline | null;
  after: RevisionHeadline;
}
