import type { Database } from '../../store/database.ts';
import { appendAudit } from '../accounts/audit-log.ts';
import { requirePermission, type Actor, type StudioAction } from '../accounts/roles.ts';
import type { PublishedRevision } from './published-revision.ts';
import { createPublishingService, type PublishingService } from './publishing-service.ts';

/** The operations a member may call from the CLI against a remote server, with the role each needs. */
export const MEMBER_OPERATIONS = {
  publish: 'revision.publish',
  setEvidence: 'evidence.bulk-set',
  rescore: 'methodology.rescore',
  planEvidence: 'queue.view',
  planRescore: 'queue.view',
  listRevisions: 'queue.view',
  exportAssessment: 'queue.view',
} as const satisfies Partial<Record<keyof PublishingService, StudioAction>>;
export type MemberOperation = keyof typeof MEMBER_OPERATIONS;

export function isMemberOperation(name: string): name is MemberOperation {
  return Object.hasOwn(MEMBER_OPERATIONS, name);
}

const MAX_AUDITED_SUBJECTS = 50;

async function auditPublications(db: Database, actor: Actor, operation: MemberOperation, published: readonly PublishedRevision[]): Promise<void> {
  if (published.length === 0) return;
  const [first] = published;
  await appendAudit(db, {
    actor,
    action: 'revision.published',
    subject: published.length === 1 && first ? `assessment:${first.roleSlug}/${first.seniority}` : `assessments:${published.length}`,
    details: {
      via: `cli ${operation} with an API token`,
      revisions: published.slice(0, MAX_AUDITED_SUBJECTS).map((revision) => `${revision.roleSlug}/${revision.seniority}#${revision.after.revisionNumber}`),
      count: published.length,
    },
  });
}

/**
 * Builds the publishing operations as one member may use them: each checks the member's role
 * first (nothing runs when it is refused), and every publication is recorded in the audit log.
 */
export function createMemberPublishingService(db: Database, actor: Actor): Pick<PublishingService, MemberOperation> {
  const service = createPublishingService(db);
  const allow = (operation: MemberOperation) => requirePermission(actor, MEMBER_OPERATIONS[operation]);
  return {
    publish: async (items, request) => {
      allow('publish');
      const published = await service.publish(items, request);
      await auditPublications(db, actor, 'publish', published);
      return published;
    },
    setEvidence: async (change, request) => {
      allow('setEvidence');
      const outcome = await service.setEvidence(change, request);
      await auditPublications(db, actor, 'setEvidence', outcome.published);
      return outcome;
    },
    rescore: async (version, request) => {
      allow('rescore');
      const outcome = await service.rescore(version, request);
      await auditPublications(db, actor, 'rescore', outcome.published);
      return outcome;
    },
    planEvidence: async (change) => (allow('planEvidence'), service.planEvidence(change)),
    planRescore: async (version) => (allow('planRescore'), service.planRescore(version)),
    listRevisions: async (key) => (allow('listRevisions'), service.listRevisions(key)),
    exportAssessment: async (key) => (allow('exportAssessment'), service.exportAssessment(key)),
  };
}
