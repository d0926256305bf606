import { notifySubscribersOnPublish } from '../mail/notify-on-publish.ts';
import type { OnRevisionsPublished } from './publication-hook.ts';

// What reacts to publications (e.g. the subscriptions outbox) is listed here once, so every
// process that publishes (the CLI on its own store, the server for routed CLI calls) runs the same.
const HOOKS: readonly OnRevisionsPublished[] = [notifySubscribersOnPublish];

/** Runs every registered reaction to a publication, in order, inside the publication's transaction. */
export const onRevisionsPublished: OnRevisionsPublished = async (transaction, revisions) => {
  for (const hook of HOOKS) await hook(transaction, revisions);
};
