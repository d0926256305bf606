import type { ReadModel } from '../../features/read-model/read-model.ts';

/** Where each role's related occupations and their tasks are served as one shared JSON file (ADR 0174). */
export const REPORT_RELATED_PREFIX = '/report-related/';
const RELATED_PATH = /^\/report-related\/([0-9a-z]{1,40})\/([a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?)\.json$/;

/**
 * Names one read-model version: its number and the time it was built (a restarted process numbers
 * from 1 again, so the number alone could name two different catalogs). Render threads carry the
 * main thread's number and time (ADR 0178), so their pages name the same files.
 */
export function relatedFingerprintOf(model: Pick<ReadModel, 'version' | 'builtAt'>): string {
  return `${model.version.toString(36)}t${model.builtAt.getTime().toString(36)}`;
}

/** The address of a role's related tasks in a read-model version; immutable, since a new version gets a new address. */
export function relatedHrefOf(model: Pick<ReadModel, 'version' | 'builtAt'>, roleSlug: string): string {
  return `${REPORT_RELATED_PREFIX}${relatedFingerprintOf(model)}/${roleSlug}.json`;
}

/** Reads a related-tasks address: its fingerprint and role, or null for any other path. */
export function parseRelatedPath(pathname: string): { fingerprint: string; roleSlug: string } | null {
  const match = RELATED_PATH.exec(pathname);
  return match ? { fingerprint: match[1] ?? '', roleSlug: match[2] ?? '' } : null;
}
