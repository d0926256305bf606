import { sql } from 'drizzle-orm';
import { assessmentName } from '../../methodology/seniority.ts';
import type { Database } from '../../store/database.ts';
import { queryRows } from '../../store/sql-rows.ts';
import type { PublishedRevision } from '../revisions/published-revision.ts';
import type { NotificationContent, OutboxKind, OutboxStatus } from './mail.table.ts';

/** Queues the confirmation email of a subscription; the token stays in the row only until it is sent. */
export async function enqueueConfirmation(db: Database, mail: { subscriberId: number; subscriptionId: number; token: string }): Promise<void> {
  await db.execute(
    sql`insert into mail_outbox (kind, subscriber_id, subscription_id, confirm_token)
        values ('confirmation', ${mail.subscriberId}, ${mail.subscriptionId}, ${mail.token})`,
  );
}

/** Queues the email carrying a sign-in link to a member of the team; the token stays in the row only until it is sent. */
export async function enqueueSignInLink(db: Database, mail: { userId: number; token: string }): Promise<void> {
  await db.execute(sql`insert into mail_outbox (kind, user_id, confirm_token) values ('sign-in', ${mail.userId}, ${mail.token})`);
}

/** Stores what a notable revision changed, once per revision, and returns its notification id. */
export async function recordNotification(db: Database, revision: PublishedRevision): Promise<number> {
  const content: NotificationContent = { ...revision, publishedAt: revision.publishedAt.toISOString() };
  const [inserted] = await queryRows<{ id: number }>(
    db,
    sql`insert into mail_notifications (revision_id, content) values (${revision.revisionId}, ${JSON.stringify(content)}::jsonb)
        on conflict (revision_id) do nothing returning id`,
  );
  if (inserted) return inserted.id;
  const [existing] = await queryRows<{ id: number }>(db, sql`select id from mail_notifications where revision_id = ${revision.revisionId}`);
  if (!existing) throw new Error(`the notification of revision ${revision.revisionId} is neither new nor stored`);
  return existing.id;
}

/** Queues one update email per confirmed subscriber of the assessment or its category, in one statement; returns how many were queued. */
export async function enqueueUpdateFanOut(db: Database, notificationId: number, target: { assessmentId: number; category: string }): Promise<number> {
  const rows = await queryRows<{ queued: number }>(
    db,
    sql`with queued as (
          insert into mail_outbox (kind, subscriber_id, notification_id)
          select distinct 'update', s.subscriber_id, ${notificationId}::int
          from subscriptions s
          where s.status = 'confirmed' and (s.assessment_id = ${target.assessmentId} or s.category = ${target.category})
          on conflict (notification_id, subscriber_id) do nothing
          returning 1)
        select count(*)::int as queued from queued`,
  );
  return rows[0]?.queued ?? 0;
}

/** One claimed email with what is needed to write it. */
export interface ClaimedMail {
  id: number;
  kind: OutboxKind;
  /** Null for a sign-in link, which goes to a member of the team rather than a subscriber. */
  subscriberId: number | null;
  email: string;
  messageId: string;
  attempts: number;
  confirmToken: string | null;
  /** For a confirmation: the assessment or category asked for. */
  targetDescription: string | null;
  content: NotificationContent | null;
  /** False when the address unsubscribed, or a newer confirmation replaced this one, after it was queued. */
  deliverable: boolean;
}

interface ClaimedRow {
  id: number;
  kind: OutboxKind;
  subscriber_id: number | null;
  email: string;
  message_id: string;
  attempts: number;
  confirm_token: string | null;
  target_title: string | null;
  target_seniority: string | null;
  target_category: string | null;
  content: NotificationContent | string | null;
  deliverable: boolean;
}

// Expired leases (a worker died mid-send) and due rows are claimed separately so each uses its partial index.
const EXPIRED_LEASES = sql`status = 'sending' and leased_until < now()`;
const DUE_ROWS = sql`status = 'pending' and next_attempt_at <= now()`;

async function claimWhere(db: Database, condition: typeof EXPIRED_LEASES, order: typeof EXPIRED_LEASES, options: { leaseId: string; leaseSeconds: number; limit: number }): Promise<ClaimedMail[]> {
  if (options.limit <= 0) return [];
  const rows = await queryRows<ClaimedRow>(
    db,
    sql`with claimable as (
          select id from mail_outbox where ${condition} order by ${order} limit ${options.limit} for update skip locked),
        claimed as (
          update mail_outbox o set status = 'sending', lease_id = ${options.leaseId}, attempts = o.attempts + 1,
            leased_until = now() + make_interval(secs => ${options.leaseSeconds})
          from claimable c where o.id = c.id
          returning o.id, o.kind, o.subscriber_id, o.user_id, o.notification_id, o.subscription_id, o.message_id, o.attempts, o.confirm_token)
        select o.id, o.kind, o.subscriber_id, coalesce(s.email, u.email) as email, o.message_id::text as message_id, o.attempts, o.confirm_token, n.content,
          r.title as target_title, a.seniority as target_seniority, x.category as target_category,
          case when o.kind = 'update' then exists (
                 select 1 from subscriptions y where y.subscriber_id = o.subscriber_id and y.status = 'confirmed'
                   and (y.assessment_id = (n.content ->> 'assessmentId')::int or y.category = n.content ->> 'category'))
               when o.kind = 'sign-in' then u.removed_at is null and exists (
                 select 1 from sign_in_links l where l.token_hash = encode(sha256(convert_to(o.confirm_token, 'UTF8')), 'hex')
                   and l.used_at is null and l.expires_at > now())
               else coalesce(x.status = 'pending' and x.confirm_token_hash = encode(sha256(convert_to(o.confirm_token, 'UTF8')), 'hex'), false)
          end as deliverable
        from claimed o
        left join subscribers s on s.id = o.subscriber_id
        left join users u on u.id = o.user_id
        left join mail_notifications n on n.id = o.notification_id
        left join subscriptions x on x.id = o.subscription_id
        left join assessments a on a.id = x.assessment_id
        left join roles r on r.slug = a.role_slug
        order by o.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    subscriberId: row.subscriber_id,
    email: row.email,
    messageId: row.message_id,
    attempts: row.attempts,
    confirmToken: row.confirm_token,
    targetDescription:
      row.target_title !== null && row.target_seniority !== null ? assessmentName(row.target_title, row.target_seniority) : row.target_category === null ? null : `the ${row.target_category} category`,
    content: typeof row.content === 'string' ? (JSON.parse(row.content) as NotificationContent) : row.content,
    deliverable: row.deliverable === true,
  }));
}

/** Claims up to `limit` emails to send under a lease: first those whose worker died mid-send, then those due, oldest first. */
export async function claimDueMail(db: Database, options: { leaseId: string; leaseSeconds: number; limit: number }): Promise<ClaimedMail[]> {
  const expired = await claimWhere(db, EXPIRED_LEASES, sql`leased_until, id`, options);
  const due = await claimWhere(db, DUE_ROWS, sql`next_attempt_at, id`, { ...options, limit: options.limit - expired.length });
  return [...expired, ...due];
}

/** Marks a claimed email as sent and forgets its token; returns false when the lease was lost to another worker. */
export async function markSent(db: Database, id: number, leaseId: string): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update mail_outbox set status = 'sent', sent_at = now(), confirm_token = null, lease_id = null, leased_until = null, last_error = null
        where id = ${id} and lease_id = ${leaseId} returning id`,
  );
  return rows.length === 1;
}

/** Closes a claimed email without sending it: `skipped` (no longer wanted) or `dead` (failed for good, with the error). */
export async function markClosed(db: Database, id: number, leaseId: string, status: Extract<OutboxStatus, 'dead' | 'skipped'>, error: string | null): Promise<void> {
  await db.execute(
    sql`update mail_outbox set status = ${status}, confirm_token = null, lease_id = null, leased_until = null, last_error = ${error}
        where id = ${id} and lease_id = ${leaseId}`,
  );
}

/** Puts a claimed email back in the queue to be tried again after `delayMs`, keeping the error. */
export async function scheduleRetry(db: Database, id: number, leaseId: string, delayMs: number, error: string): Promise<void> {
  await db.execute(
    sql`update mail_outbox set status = 'pending', lease_id = null, leased_until = null, last_error = ${error},
          next_attempt_at = now() + make_interval(secs => ${delayMs / 1000})
        where id = ${id} and lease_id = ${leaseId}`,
  );
}

/** Counts the outbox rows in each status. */
export async function countOutboxByStatus(db: Database): Promise<Record<OutboxStatus, number>> {
  const rows = await queryRows<{ status: OutboxStatus; total: number }>(db, sql`select status, count(*)::int as total from mail_outbox group by status`);
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, dead: 0, skipped: 0 };
  for (const row of rows) counts[row.status] = row.total;
  return counts;
}

/** Lists the outbox rows of an address, oldest first, for tests and support. */
export async function listOutboxOf(db: Database, email: string): Promise<{ kind: OutboxKind; status: OutboxStatus; attempts: number; lastError: string | null; messageId: string }[]> {
  return queryRows(
    db,
    sql`select o.kind, o.status, o.attempts, o.last_error as "lastError", o.message_id::text as "messageId"
        from mail_outbox o join subscribers s on s.id = o.subscriber_id where s.email = ${email} order by o.id`,
  );
}
