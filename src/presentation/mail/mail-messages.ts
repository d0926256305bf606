import { assessmentUrl, revisionDiffUrl } from '../../features/revisions/revision-links.ts';
import { escapeHtml } from '../escape.ts';
import { formatDelta, formatScore } from '../format.ts';
import { assessmentName } from '../seniority-labels.ts';
import type { RevisionHeadline } from '../../features/revisions/published-revision.ts';
import type { NotificationContent } from '../../features/mail/mail.table.ts';
import type { MailComposer, MailLinks, OutgoingMail } from '../../features/mail/outgoing-mail.ts';
import { SIGN_IN_LINK_MINUTES } from '../../features/mail/outgoing-mail.ts';

/** Builds the absolute unsubscribe address that every email links to and names in List-Unsubscribe. */
export function unsubscribeUrlOf(publicUrl: string, token: string): string {
  return `${publicUrl}/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`;
}

function unsubscribeHeaders(url: string): Record<string, string> {
  // RFC 8058: a POST of "List-Unsubscribe=One-Click" to this https address unsubscribes without a page.
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Auto-Submitted': 'auto-generated' };
}

function htmlDocument(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40em">${body}</body></html>`;
}

/** Writes the email that asks an address to confirm its subscription. */
export function composeConfirmationMail(input: { to: string; targetDescription: string; confirmToken: string; messageId: string; links: MailLinks }): OutgoingMail {
  const confirmUrl = `${input.links.publicUrl}/subscriptions/confirm?token=${encodeURIComponent(input.confirmToken)}`;
  const unsubscribeUrl = unsubscribeUrlOf(input.links.publicUrl, input.links.unsubscribeToken);
  const subject = `Confirm your jobzone updates for ${input.targetDescription}`;
  const text = [
    `Someone, hopefully you, asked jobzone to email ${input.to} when the assessment of ${input.targetDescription} changes.`,
    '',
    'To start the updates, open this link:',
    confirmUrl,
    '',
    'If you did not ask for this, ignore this email: nothing is sent until the link is opened.',
    '',
    `Never email this address again: ${unsubscribeUrl}`,
  ].join('\n');
  const html = htmlDocument(
    subject,
    `<p>Someone, hopefully you, asked jobzone to email ${escapeHtml(input.to)} when the assessment of <strong>${escapeHtml(input.targetDescription)}</strong> changes.</p>` +
      `<p><a href="${escapeHtml(confirmUrl)}">Confirm and start the updates</a></p>` +
      `<p>If you did not ask for this, ignore this email: nothing is sent until the link is opened.</p>` +
      `<p style="font-size: small"><a href="${escapeHtml(unsubscribeUrl)}">Never email this address again</a></p>`,
  );
  return { to: input.to, subject, text, html, messageId: input.messageId, headers: unsubscribeHeaders(unsubscribeUrl), label: 'confirmation' };
}

/** Lists what a revision changed as [what, before, after] lines, e.g. ["Score", "42.0", "35.5 (−6.5)"]. */
export function describeChanges(before: RevisionHeadline | null, after: RevisionHeadline): [string, string, string][] {
  if (!before) return [['Score', '—', formatScore(after.score)], ['Zone', '—', after.zone], ['Label', '—', after.label]];
  return [
    ['Score', formatScore(before.score), `${formatScore(after.score)} (${formatDelta(after.score - before.score)})`],
    ['Zone', before.zone, after.zone === before.zone ? `${after.zone} (unchanged)` : after.zone],
    ['Label', before.label, after.label === before.label ? `${after.label} (unchanged)` : after.label],
  ];
}

/** Builds the page and diff links of a revision: /roles/<slug>/<seniority> and its changes from n−1 to n. */
export function revisionLinks(publicUrl: string, content: Pick<NotificationContent, 'roleSlug' | 'seniority' | 'after'>): { pageUrl: string; diffUrl: string } {
  const revision = content.after.revisionNumber;
  return {
    pageUrl: assessmentUrl(publicUrl, content.roleSlug, content.seniority),
    diffUrl: revisionDiffUrl(publicUrl, content.roleSlug, content.seniority, Math.max(revision - 1, 1), revision),
  };
}

/** Writes the update email about one notable revision: what changed (score, zone, label), why (note, author), and links. */
export function composeUpdateMail(input: { to: string; content: NotificationContent; messageId: string; links: MailLinks }): OutgoingMail {
  const { content } = input;
  const name = assessmentName(content.title, content.seniority);
  const { pageUrl, diffUrl } = revisionLinks(input.links.publicUrl, content);
  const unsubscribeUrl = unsubscribeUrlOf(input.links.publicUrl, input.links.unsubscribeToken);
  const changes = describeChanges(content.before, content.after);
  const before = content.before;
  const headline = !before
    ? `now assessed at ${formatScore(content.after.score)}, ${content.after.zone}`
    : before.zone !== content.after.zone
      ? `${before.zone} → ${content.after.zone}, score ${formatScore(before.score)} → ${formatScore(content.after.score)}`
      : `score ${formatScore(before.score)} → ${formatScore(content.after.score)}`;
  const subject = `${name}: ${headline}`;
  const published = content.publishedAt.slice(0, 10);
  const text = [
    `The assessment of ${name} changed in revision ${content.after.revisionNumber}, published ${published} by ${content.author}.`,
    '',
    ...changes.map(([what, was, now]) => `${what}: ${was} → ${now}`),
    '',
    'Why:',
    content.note,
    '',
    `Read the assessment: ${pageUrl}`,
    `See what changed:    ${diffUrl}`,
    '',
    `You get this email because you subscribed to updates on ${name} or on its category, ${content.category}.`,
    `Unsubscribe from every jobzone update: ${unsubscribeUrl}`,
  ].join('\n');
  const rows = changes.map(([what, was, now]) => `<tr><th scope="row" style="text-align: left">${escapeHtml(what)}</th><td>${escapeHtml(was)}</td><td>→</td><td>${escapeHtml(now)}</td></tr>`).join('');
  const html = htmlDocument(
    subject,
    `<p>The assessment of <strong>${escapeHtml(name)}</strong> changed in revision ${content.after.revisionNumber}, published ${escapeHtml(published)} by ${escapeHtml(content.author)}.</p>` +
      `<table><thead><tr><td></td><th scope="col">Before</th><td></td><th scope="col">After</th></tr></thead><tbody>${rows}</tbody></table>` +
      `<h2 style="font-size: 1em">Why</h2><p>${escapeHtml(content.note).replace(/\n/g, '<br>')}</p>` +
      `<p><a href="${escapeHtml(pageUrl)}">Read the assessment</a> · <a href="${escapeHtml(diffUrl)}">See what changed</a></p>` +
      `<p style="font-size: small">You get this email because you subscribed to updates on ${escapeHtml(name)} or on its category, ${escapeHtml(content.category)}. ` +
      `<a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe from every jobzone update</a></p>`,
  );
  return { to: input.to, subject, text, html, messageId: input.messageId, headers: unsubscribeHeaders(unsubscribeUrl), label: `update-${content.roleSlug}-${content.seniority}` };
}

/** Builds the address of the page that signs a person in with an emailed token (its button POSTs). */
export function signInLinkUrlOf(publicUrl: string, token: string): string {
  return `${publicUrl}/sign-in/link?token=${encodeURIComponent(token)}`;
}

/** Writes the email that carries a sign-in link to a member of the editorial team. */
export function composeSignInMail(input: { to: string; token: string; messageId: string; publicUrl: string }): OutgoingMail {
  const url = signInLinkUrlOf(input.publicUrl, input.token);
  const subject = 'Your jobzone studio sign-in link';
  const text = [
    `Someone, hopefully you, asked to sign in to the jobzone studio as ${input.to}.`,
    '',
    `Open this link within ${SIGN_IN_LINK_MINUTES} minutes and press "Sign in". It works once:`,
    url,
    '',
    'If you did not ask for this, ignore this email: nobody can sign in without the link.',
  ].join('\n');
  const html = htmlDocument(
    subject,
    `<p>Someone, hopefully you, asked to sign in to the jobzone studio as ${escapeHtml(input.to)}.</p>` +
      `<p><a href="${escapeHtml(url)}">Open the sign-in page</a> within ${SIGN_IN_LINK_MINUTES} minutes and press “Sign in”. The link works once.</p>` +
      `<p>If you did not ask for this, ignore this email: nobody can sign in without the link.</p>`,
  );
  return { to: input.to, subject, text, html, messageId: input.messageId, headers: { 'Auto-Submitted': 'auto-generated' }, label: 'sign-in' };
}

/** The composer mail delivery uses: these three messages. */
export const SITE_MAIL_COMPOSER: MailComposer = { confirmation: composeConfirmationMail, update: composeUpdateMail, signIn: composeSignInMail };
