import type { EvidenceKey } from '../../methodology/index.ts';
import type { CatalogStats, ShownAssessment } from '../catalog/catalog.schemas.ts';
import { getCatalogStats, showOccupation, syncCommittedCatalog, type SyncSummary } from '../catalog/catalog.usecases.ts';
import { readCatalogToLoad } from '../catalog/catalog-source.ts';
import type { Database } from '../../store/database.ts';
import { onRevisionsPublished } from './publication-hooks.ts';
import type { PublishedRevision } from './published-revision.ts';
import type { ExportedAssessment, PublishItem, RevisionSummary } from './revisions.schemas.ts';
import {
  exportAssessment,
  listRevisions,
  planEvidenceChange,
  planRescore,
  publishAssessments,
  rescoreAll,
  resolveAssessmentKey,
  setEvidence,
  type AssessmentSelection,
  type BulkPlan,
} from './revisions.usecases.ts';

/** Who publishes and why, as an entry point passes it on. */
export interface PublicationRequest {
  note: string;
  author: string;
  notify?: boolean | undefined;
}

/** An evidence change across many assessments. */
export interface EvidenceChange {
  dimension: EvidenceKey;
  value: number;
  selection: AssessmentSelection;
}

/** The store operations the CLI needs, the same whether it opens the store itself or goes through the running server. */
export interface PublishingService {
  publish: (items: PublishItem[], request: PublicationRequest) => Promise<PublishedRevision[]>;
  listRevisions: (key: string) => Promise<{ roleSlug: string; seniority: string; revisions: RevisionSummary[] }>;
  exportAssessment: (key: string) => Promise<ExportedAssessment>;
  planEvidence: (change: EvidenceChange) => Promise<BulkPlan>;
  setEvidence: (change: EvidenceChange, request: PublicationRequest) => Promise<{ plan: BulkPlan; published: PublishedRevision[] }>;
  planRescore: (version: string) => Promise<BulkPlan>;
  rescore: (version: string, request: Partial<PublicationRequest>) => Promise<{ plan: BulkPlan; published: PublishedRevision[] }>;
  catalogStats: () => Promise<CatalogStats>;
  showAssessment: (slugOrOnetCode: string) => Promise<ShownAssessment>;
  /** Brings the store up to the committed catalog (`jobzone catalog load`). */
  syncCatalog: () => Promise<SyncSummary>;
}

/** Builds the publishing operations over an open store, running the registered publication hooks. */
export function createPublishingService(db: Database): PublishingService {
  const withHooks = (request: PublicationRequest) => ({ note: request.note, author: request.author, notify: request.notify, onPublished: onRevisionsPublished });
  return {
    publish: (items, request) => publishAssessments(db, items, withHooks(request)),
    listRevisions: async (key) => {
      const { roleSlug, seniority } = await resolveAssessmentKey(db, key);
      return { roleSlug, seniority, revisions: await listRevisions(db, roleSlug, seniority) };
    },
    exportAssessment: async (key) => {
      const { roleSlug, seniority } = await resolveAssessmentKey(db, key);
      return exportAssessment(db, roleSlug, seniority);
    },
    planEvidence: (change) => planEvidenceChange(db, change),
    setEvidence: (change, request) => setEvidence(db, change, withHooks(request)),
    planRescore: (version) => planRescore(db, version),
    rescore: (version, request) => rescoreAll(db, version, { note: request.note, author: request.author, notify: request.notify, onPublished: onRevisionsPublished }),
    catalogStats: () => getCatalogStats(db),
    showAssessment: (slugOrOnetCode) => showOccupation(db, slugOrOnetCode),
    syncCatalog: async () => syncCommittedCatalog(db, await readCatalogToLoad(), { onPublished: onRevisionsPublished }),
  };
}

/** The names of the service's operations, in the order the internal API lists them. */
export const PUBLISHING_OPERATIONS = ['publish', 'listRevisions', 'exportAssessment', 'planEvidence', 'setEvidence', 'planRescore', 'rescore', 'catalogStats', 'showAssessment', 'syncCatalog'] as const satisfies readonly (keyof PublishingService)[];
