import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { queryRows } from '../../store/sql-rows.ts';
import type { SubscriptionStatus } from './subscriptions.table.ts';

/** A subscribable assessment or category as the subscribe endpoints resolve it. */
export type ResolvedTarget = { kind: 'assessment'; assessmentId: number; description: string } | { kind: 'category'; category: string; description: string };

/** Finds a published assessment by role slug and seniority, or returns null. */
export async function findPublishedAssessment(db: Database, roleSlug: string, seniority: string): Promise<{ id: number; title: string } | null> {
  const [row] = await queryRows<{ id: number; title: string }>(
    db,
    sql`select a.id, r.title from assessments a join roles r on r.slug = a.role_slug
        where a.role_slug = ${roleSlug} and a.seniority = ${seniority} and a.current_revision_id is not null`,
  );
  return row ?? null;
}

/** Lists the category names of the catalog's roles. */
export async function listCategories(db: Database): Promise<string[]> {
  const rows = await queryRows<{ category: string }>(db, sql`select distinct category from roles order by category`);
  return rows.map((row) => row.category);
}

/** Adds an address once and returns its id, whether it was new or not. */
export async function upsertSubscriber(db: Database, email: string): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into subscribers (email) values (${email}) on conflict (email) do update set email = excluded.email returning id`,
  );
  if (!row) throw new Error('inserting a subscriber returned no id');
  return row.id;
}

/**
 * Records that an address asked for a target: a new or unsubscribed request becomes pending with the
 * given token hash; a pending one gets the new hash; a confirmed one stays as it is.
 */
export async function requestSubscription(
  db: Database,
  subscriberId: number,
  target: ResolvedTarget,
  tokenHash: string,
): Promise<{ id: number; status: SubscriptionStatus }> {
  const assessmentId = target.kind === 'assessment' ? target.assessmentId : null;
  const category = target.kind === 'category' ? target.category : null;
  const [row] = await queryRows<{ id: number; status: SubscriptionStatus }>(
    db,
    sql`insert into subscriptions (subscriber_id, assessment_id, category, status, confirm_token_hash, confirmation_requested_at)
        values (${subscriberId}, ${assessmentId}, ${category}, 'pending', ${tokenHash}, now())
        on conflict on constraint subscriptions_subscriber_target_unique do update set
          status = case when subscriptions.status = 'confirmed' then 'confirmed' else 'pending' end,
          confirm_token_hash = case when subscriptions.status = 'confirmed' then null else excluded.confirm_token_hash end,
          confirmation_requested_at = case when subscriptions.status = 'confirmed' then subscriptions.confirmation_requested_at else now() end,
          unsubscribed_at = case when subscriptions.status = 'confirmed' then subscriptions.unsubscribed_at else null end
        returning id, status`,
  );
  if (!row) throw new Error('recording a subscription returned no row');
  return row;
}

/** What a subscription follows: an assessment (title, role slug, seniority) or a category. */
export type ConfirmedTarget = { title: string; roleSlug: string; seniority: string; category: null } | { title: null; roleSlug: null; seniority: null; category: string };

/** Finds what the pending subscription with this token hash follows, without confirming it; null when there is none. */
export async function findPendingTarget(db: Database, tokenHash: string): Promise<ConfirmedTarget | null> {
  const [row] = await queryRows<ConfirmedTarget>(
    db,
    sql`select r.title, a.role_slug as "roleSlug", a.seniority, s.category
        from subscriptions s left join assessments a on a.id = s.assessment_id left join roles r on r.slug = a.role_slug
        where s.confirm_token_hash = ${tokenHash} and s.status = 'pending'`,
  );
  return row ?? null;
}

/** Lists what an address follows or asked to follow (not what it left), assessments by title first. */
export async function listSubscriptionTargets(db: Database, subscriberId: number): Promise<ConfirmedTarget[]> {
  return queryRows<ConfirmedTarget>(
    db,
    sql`select r.title, a.role_slug as "roleSlug", a.seniority, s.category
        from subscriptions s left join assessments a on a.id = s.assessment_id left join roles r on r.slug = a.role_slug
        where s.subscriber_id = ${subscriberId} and s.status <> 'unsubscribed'
        order by r.title nulls last, a.seniority, s.category
        limit 50`,
  );
}

/** Confirms the pending subscription whose token hashes to `tokenHash` if asked for within `maxAgeDays`; returns what it follows, or null. */
export async function confirmByTokenHash(db: Database, tokenHash: string, maxAgeDays: number): Promise<ConfirmedTarget | null> {
  const [row] = await queryRows<ConfirmedTarget>(
    db,
    sql`with confirmed as (
          update subscriptions set status = 'confirmed', confirmed_at = now(), confirm_token_hash = null
          where confirm_token_hash = ${tokenHash} and status = 'pending'
            and confirmation_requested_at > now() - make_interval(days => ${maxAgeDays})
          returning assessment_id, category)
        select r.title, a.role_slug as "roleSlug", a.seniority, c.category
        from confirmed c left join assessments a on a.id = c.assessment_id left join roles r on r.slug = a.role_slug`,
  );
  return row ?? null;
}

/** Unsubscribes an address from everything it follows or asked to follow; returns how many subscriptions ended. */
export async function unsubscribeSubscriber(db: Database, subscriberId: number): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update subscriptions set status = 'unsubscribed', unsubscribed_at = now(), confirm_token_hash = null
        where subscriber_id = ${subscriberId} and status <> 'unsubscribed' returning id`,
  );
  return rows.length;
}

const signingKeys = new WeakMap<Database, Promise<string>>();

/** Returns the store's key for signing unsubscribe links, creating it on first use. */
export function unsubscribeSigningKey(db: Database): Promise<string> {
  let key = signingKeys.get(db);
  if (!key) {
    key = (async () => {
      await db.execute(
        sql`insert into subscription_secrets (name, value) values ('unsubscribe-key', ${randomBytes(32).toString('base64url')}) on conflict (name) do nothing`,
      );
      const [row] = await queryRows<{ value: string }>(db, sql`select value from subscription_secrets where name = 'unsubscribe-key'`);
      if (!row) throw new Error('the unsubscribe signing key is missing right after it was stored');
      return row.value;
    })();
    key.catch(() => signingKeys.delete(db));
    signingKeys.set(db, key);
  }
  return key;
}
