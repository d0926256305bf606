import type { Database } from '../../store/database.ts';
import type { PublishedRevision } from './published-revision.ts';

// Kept apart from published-revision.ts so the mail table can read that type without reaching the
// store (and through it the schema barrel that lists the mail table): no import cycle.

/**
 * Runs inside the publication's transaction, after its revisions are written, so whatever it
 * records (e.g. the notification outbox) commits or rolls back together with them.
 */
export type OnRevisionsPublished = (transaction: Database, revisions: readonly PublishedRevision[]) => Promise<void>;
