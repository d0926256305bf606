import { randomUUID } from 'node:crypto';
import type { Database } from '../../store/database.ts';
import { signUnsubscribeToken } from '../subscriptions/subscription-tokens.ts';
import { unsubscribeSigningKey } from '../subscriptions/subscriptions.repository.ts';
import { PermanentMailError, type MailDriver } from './mail-drivers.ts';
import { messageIdOf, type MailComposer, type OutgoingMail } from './outgoing-mail.ts';
import { claimDueMail, markClosed, markSent, scheduleRetry, type ClaimedMail } from './mail.repository.ts';

/** How delivery behaves: links, attempts, lease, batch size and the backoff between attempts. */
export interface DeliverySettings {
  publicUrl: string;
  maxAttempts: number;
  leaseSeconds: number;
  /** Emails claimed at once; the driver sends them concurrently over its pooled connections. */
  batchSize: number;
  /** Delay before the second attempt; it doubles with each further attempt up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Defaults: 50 emails a batch, retries after 30 s, 1 min, 2 min, … capped at one hour. */
export const DEFAULT_DELIVERY_SETTINGS: Omit<DeliverySettings, 'publicUrl' | 'maxAttempts' | 'leaseSeconds'> = {
  batchSize: 50,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
};

/** What one delivery round did. */
export interface DeliveryReport {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  skipped: number;
}

/** Computes the wait before the next attempt after `attempts` failed ones: exponential, capped, with ±20 % jitter so retries spread out. */
export function backoffDelayMs(attempts: number, settings: Pick<DeliverySettings, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

function compose(composer: MailComposer, mail: ClaimedMail, unsubscribeToken: string | null, publicUrl: string): OutgoingMail {
  const messageId = messageIdOf(mail.messageId, publicUrl);
  if (mail.kind === 'sign-in') {
    if (mail.confirmToken === null) throw new PermanentMailError(`sign-in email ${mail.id} has no token`);
    return composer.signIn({ to: mail.email, token: mail.confirmToken, messageId, publicUrl });
  }
  if (unsubscribeToken === null) throw new PermanentMailError(`email ${mail.id} has no subscriber to unsubscribe`);
  const links = { publicUrl, unsubscribeToken };
  if (mail.kind === 'confirmation') {
    if (mail.confirmToken === null || mail.targetDescription === null) throw new PermanentMailError(`confirmation email ${mail.id} has no token or subscription to confirm`);
    return composer.confirmation({ to: mail.email, targetDescription: mail.targetDescription, confirmToken: mail.confirmToken, messageId, links });
  }
  if (mail.content === null) throw new PermanentMailError(`update email ${mail.id} has no notification content`);
  return composer.update({ to: mail.email, content: mail.content, messageId, links });
}

/**
 * Sends one batch of due emails: claims them under a lease, skips those no longer wanted, sends the
 * rest concurrently and marks each sent as soon as the server accepted it; a failure is retried with
 * backoff, and after the last attempt, or a permanent refusal, the email is set aside as dead with its error.
 */
export async function deliverDueMail(
  db: Database,
  driver: MailDriver,
  settings: DeliverySettings,
  hooks: { compose: MailComposer; onSent?: (mail: ClaimedMail) => void },
): Promise<DeliveryReport> {
  const leaseId = randomUUID();
  const claimed = await claimDueMail(db, { leaseId, leaseSeconds: settings.leaseSeconds, limit: settings.batchSize });
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retried: 0, dead: 0, skipped: 0 };
  if (claimed.length === 0) return report;
  const key = await unsubscribeSigningKey(db);
  await Promise.all(
    claimed.map(async (mail) => {
      if (!mail.deliverable) {
        await markClosed(db, mail.id, leaseId, 'skipped', null);
        report.skipped++;
        return;
      }
      try {
        await driver.send(compose(hooks.compose, mail, mail.subscriberId === null ? null : signUnsubscribeToken(key, mail.subscriberId), settings.publicUrl));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof PermanentMailError || mail.attempts >= settings.maxAttempts) {
          await markClosed(db, mail.id, leaseId, 'dead', `attempt ${mail.attempts}: ${message}`);
          report.dead++;
        } else {
          await scheduleRetry(db, mail.id, leaseId, backoffDelayMs(mail.attempts, settings), `attempt ${mail.attempts}: ${message}`);
          report.retried++;
        }
        return;
      }
      if (await markSent(db, mail.id, leaseId)) {
        report.sent++;
        hooks.onSent?.(mail);
      }
    }),
  );
  return report;
}
