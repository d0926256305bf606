import type { EvidenceKey } from '../../methodology/index.ts';
import type { CatalogStats, ShownAssessment } from '../catalog/catalog.schemas.ts';
import { getCatalogStats, showOccupation, syncCommittedCatalog, type SyncSummary } from '../catalog/catalog.usecases.ts';
import { readCatalogToLoad } from '../catalog/catalog-source.ts';
import type { Database } from '../../store/database.ts';
import { toStoreFailure } from '../../store/store-failure.ts';
import { onRevisionsPublished } from './publication-hooks.ts';
import type { PublishedRevision } from './published-revision.ts';
import type { ExportedAssessment, PublishItem, RevisionSummary } from './revisions.schemas.ts';
import { exportAssessment, listRevisions, publishAssessments, resolveAssessmentKey } from './revisions.usecases.ts';
import { planEvidenceChange, planRescore, rescoreAll, setEvidence, type AssessmentSelection, type BulkPlan } from './bulk-changes.ts';

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

// A record, not a list, so adding an operation to PublishingService fails to compile until it is named here.
const OPERATION_NAMES: Record<keyof PublishingService, true> = {
  publish: true,
  listRevisions: true,
  exportAssessment: true,
  planEvidence: true,
  setEvidence: true,
  planRescore: true,
  rescore: true,
  catalogStats: true,
  showAssessment: true,
  syncCatalog: true,
};

/** Builds the publishing operations as calls through a transport (the running server's internal API, a remote server) that answers each by name. */
export function publishingServiceOver(answer: (operation: keyof PublishingService, args: unknown[]) => Promise<unknown>): PublishingService {
  const operations = Object.keys(OPERATION_NAMES) as (keyof PublishingService)[];
  return Object.fromEntries(operations.map((operation) => [operation, (...args: unknown[]) => answer(operation, args)])) as unknown as PublishingService;
}

const NOTHING_PUBLISHED = 'nothing was published';
const NOTHING_CHANGED = 'nothing was changed';

// A failed statement carries its SQL and every parameter (whole documents): it never leaves the service as it is.
const guarded =
  <A extends unknown[], R>(outcome: string, operation: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    try {
      return await operation(...args);
    } catch (error) {
      throw toStoreFailure(error, outcome);
    }
  };

/** Builds the publishing operations over an open store, running the registered publication hooks; a failed database statement becomes a short StoreFailure. */
export function createPublishingService(db: Database): PublishingService {
  const withHooks = (request: PublicationRequest) => ({ note: request.note, author: request.author, notify: request.notify, onPublished: onRevisionsPublished });
  return {
    publish: guarded(NOTHING_PUBLISHED, (items: PublishItem[], request: PublicationRequest) => publishAssessments(db, items, withHooks(request))),
    listRevisions: guarded(NOTHING_CHANGED, async (key: string) => {
      const { roleSlug, seniority } = await resolveAssessmentKey(db, key);
      return { roleSlug, seniority, revisions: await listRevisions(db, roleSlug, seniority) };
    }),
    exportAssessment: guarded(NOTHING_CHANGED, async (key: string) => {
      const { roleSlug, seniority } = await resolveAssessmentKey(db, key);
      return exportAssessment(db, roleSlug, seniority);
    }),
    planEvidence: guarded(NOTHING_CHANGED, (change: EvidenceChange) => planEvidenceChange(db, change)),
    setEvidence: guarded(NOTHING_PUBLISHED, (change: EvidenceChange, request: PublicationRequest) => setEvidence(db, change, withHooks(request))),
    planRescore: guarded(NOTHING_CHANGED, (version: string) => planRescore(db, version)),
    rescore: guarded(NOTHING_PUBLISHED, (version: string, request: Partial<PublicationRequest>) =>
      rescoreAll(db, version, { note: request.note, author: request.author, notify: request.notify, onPublished: onRevisionsPublished }),
    ),
    catalogStats: guarded(NOTHING_CHANGED, () => getCatalogStats(db)),
    showAssessment: guarded(NOTHING_CHANGED, (slugOrOnetCode: string) => showOccupation(db, slugOrOnetCode)),
    syncCatalog: guarded(NOTHING_PUBLISHED, async () => syncCommittedCatalog(db, await readCatalogToLoad(), { onPublished: onRevisionsPublished })),
  };
}

/** The names of the service's operations, in the order the internal API lists them. */
export const PUBLISHING_OPERATIONS = ['publish', 'listRevisions', 'exportAssessment', 'planEvidence', 'setEvidence', 'planRescore', 'rescore', 'catalogStats', 'showAssessment', 'syncCatalog'] as const satisfies readonly (keyof PublishingService)[];
