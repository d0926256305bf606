import { slugify } from '../../shared/slug.ts';

/** Returns the site-relative path of an assessment page ("/roles/registered-nurses/all-levels"). */
export function assessmentHref(roleSlug: string, seniority: string): string {
  return `/roles/${encodeURIComponent(roleSlug)}/${encodeURIComponent(seniority)}`;
}

/** Absolute address of an assessment page (the subscribe form posts to this plus /subscribe). */
export function assessmentUrl(publicUrl: string, roleSlug: string, seniority: string): string {
  return `${publicUrl}/roles/${encodeURIComponent(roleSlug)}/${encodeURIComponent(seniority)}`;
}

/** Absolute address of the diff between two revisions of an assessment. */
export function revisionDiffUrl(publicUrl: string, roleSlug: string, seniority: string, from: number, to: number): string {
  return `${assessmentUrl(publicUrl, roleSlug, seniority)}/changes?from=${from}&to=${to}`;
}

/** Absolute address of one revision in an assessment's history. */
export function revisionUrl(publicUrl: string, roleSlug: string, seniority: string, revision: number): string {
  return `${assessmentUrl(publicUrl, roleSlug, seniority)}/history#revision-${revision}`;
}

/** Which published changes a feed carries. */
export type FeedScope = { kind: 'all' } | { kind: 'category'; category: string } | { kind: 'role'; roleSlug: string };

/** Absolute address of an Atom feed: /feeds/all.atom, /feeds/categories/<category-slug>.atom, /feeds/roles/<role-slug>.atom. */
export function feedUrl(publicUrl: string, scope: FeedScope): string {
  if (scope.kind === 'all') return `${publicUrl}/feeds/all.atom`;
  if (scope.kind === 'category') return `${publicUrl}/feeds/categories/${slugify(scope.category)}.atom`;
  return `${publicUrl}/feeds/roles/${encodeURIComponent(scope.roleSlug)}.atom`;
}

/** Absolute address of the page a feed is the companion of. */
export function feedPageUrl(publicUrl: string, scope: FeedScope): string {
  if (scope.kind === 'all') return `${publicUrl}/movers`;
  if (scope.kind === 'category') return `${publicUrl}/browse/${slugify(scope.category)}`;
  return `${publicUrl}/roles/${encodeURIComponent(scope.roleSlug)}`;
}

/** Absolute address of the movers page for a period. */
export function moversUrl(publicUrl: string): string {
  return `${publicUrl}/movers`;
}
