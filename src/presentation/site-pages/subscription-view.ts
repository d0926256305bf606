import type { ConfirmedTarget } from '../../features/subscriptions/subscriptions.usecases.ts';
import { assessmentName } from '../../methodology/seniority.ts';
import { slugify } from '../../shared/slug.ts';
import { assessmentHref } from './role-summary.ts';

/** What a subscription confirm or unsubscribe page shows, inside the site layout. */
export interface SubscriptionPageView {
  status: number;
  title: string;
  message: string;
  /** The one button that POSTs back to the same address, when the page asks for a decision. */
  form: { action: string; button: string; oneClick: boolean } | null;
  /** Where to go next: the roles or categories the subscription concerns. */
  links: { text: string; href: string }[];
  headers: Record<string, string>;
  code?: string;
}

/** Names what a subscription follows and links its page: the assessment, or the category's browse page. */
export function linkToTarget(target: ConfirmedTarget): { text: string; href: string } {
  if (target.category === null) return { text: `Back to ${assessmentName(target.title, target.seniority)}`, href: assessmentHref(target.roleSlug, target.seniority) };
  return { text: `Back to the ${target.category} category`, href: `/browse/${slugify(target.category)}` };
}

/** Links every target once, at most `limit` of them. */
export function linksToTargets(targets: readonly ConfirmedTarget[], limit = 10): SubscriptionPageView['links'] {
  const links = targets.map(linkToTarget);
  return links.filter((link, index) => links.findIndex((other) => other.href === link.href) === index).slice(0, limit);
}
