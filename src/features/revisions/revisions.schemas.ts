import type { Assessment, AssessmentInput, MethodologyDefinition, SubLabel, Zone } from '../../methodology/index.ts';
import type { ScoreJson } from '../catalog/catalog.schemas.ts';
import type { OnRevisionsPublished } from './publication-hook.ts';

/** Who publishes when no author is given on the command line. */
export const DEFAULT_AUTHOR = 'jobzone editorial team';
/** Who publishes the revisions of a methodology re-score. */
export const RESCORE_AUTHOR = 'jobzone methodology rescore';
/** The NOTIFY channel every publication signals on commit, so each process refreshes its read model. */
export const PUBLICATION_CHANNEL = 'jobzone_revisions_published';

/** One assessment to publish: the raw document (a parsed file) and the revision it was edited from, when known. */
export interface PublishItem {
  document: unknown;
  /** The revision the editor started from (0 for a new assessment); publishing is refused when another is now the latest. */
  expectedRevision?: number | undefined;
  /** Where the document came from (a file name), for messages. */
  source?: string | undefined;
  /** This item's own revision note, where items of one publication changed for different reasons (catalog load); else the publication's note. */
  note?: string | undefined;
}

/** What every revision of one publication shares. */
export interface PublishOptions {
  note: string;
  author: string;
  /** Tell subscribers even when the score barely moved (`publish --notify`). */
  notify?: boolean | undefined;
  /** Runs inside the publication's transaction after its revisions are written. */
  onPublished?: OnRevisionsPublished | undefined;
  /** The publication follows a catalog load, which may have added occupations, titles and roles: listeners rebuild their read model in full. */
  followsCatalogLoad?: boolean | undefined;
  /** The methodology versions a document may name; defaults to METHODOLOGIES. */
  methodologies?: Readonly<Record<string, MethodologyDefinition>> | undefined;
}

/** One revision of an assessment with its headline figures, as the history lists it. */
export interface RevisionSummary {
  revision: number;
  publishedAt: Date;
  author: string;
  note: string;
  methodologyVersion: string;
  score: number;
  zone: Zone;
  subLabel: SubLabel;
  label: string;
  figures: ScoreJson;
}

/** One revision with the document it published, for diffs and exports. */
export interface StoredRevision extends RevisionSummary {
  roleSlug: string;
  seniority: string;
  document: Assessment;
}

/** The line `jobzone revisions --json` prints per revision (publishedAt in ISO 8601). */
export interface RevisionLine {
  revision: number;
  publishedAt: string;
  author: string;
  note: string;
  score: number;
  zone: Zone;
  subLabel: SubLabel;
}

/** What `jobzone export` writes: the current document with the revision it came from. */
export interface ExportedAssessment {
  roleSlug: string;
  seniority: string;
  revision: number;
  document: AssessmentInput & { basedOnRevision: number };
}

/** How one assessment's headline would change, for dry runs. */
export interface PlannedChange {
  roleSlug: string;
  seniority: string;
  title: string;
  fromRevision: number;
  before: { score: number; zone: Zone; subLabel: SubLabel };
  after: { score: number; zone: Zone; subLabel: SubLabel };
}

/** One revision in a publication stream, with what it replaced. */
export interface PublicationRow {
  roleSlug: string;
  seniority: string;
  title: string;
  category: string;
  revision: number;
  publishedAt: Date;
  author: string;
  note: string;
  figures: ScoreJson;
  previousFigures: ScoreJson | null;
}

/** The figures of an assessment at the start and at the end of a period, for assessments published within it. */
export interface PeriodChange {
  roleSlug: string;
  seniority: string;
  title: string;
  category: string;
  before: { revision: number; figures: ScoreJson } | null;
  after: { revision: number; figures: ScoreJson };
}
