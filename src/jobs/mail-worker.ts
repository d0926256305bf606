import type { MailDriver } from '../features/mail/mail-drivers.ts';
import { SITE_MAIL_COMPOSER } from '../presentation/mail/mail-messages.ts';
import { deliverDueMail, type DeliveryReport, type DeliverySettings } from '../features/mail/mail-delivery.usecases.ts';
import type { ClaimedMail } from '../features/mail/mail.repository.ts';
import type { Database } from '../store/database.ts';

/** A running mail worker. */
export interface MailWorker {
  /** Looks for due emails now instead of at the next poll. */
  wake: () => void;
  /** Resolves once a delivery round found nothing to claim (the queue is empty or everything waits for a retry). */
  whenIdle: () => Promise<void>;
  /** Finishes the round in progress, then stops. */
  stop: () => Promise<void>;
}

export interface MailWorkerOptions {
  db: Database;
  driver: MailDriver;
  settings: DeliverySettings;
  /** How long to wait between rounds when there is nothing to send. */
  pollMs?: number;
  log?: (line: string) => void;
  onSent?: (mail: ClaimedMail) => void;
  onRound?: (report: DeliveryReport) => void;
}

/** Starts a loop that sends due emails from the outbox until stopped; any number can run against PostgreSQL. */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const pollMs = options.pollMs ?? 1_000;
  let running = true;
  let wakeUp: (() => void) | undefined;
  let idleWaiters: (() => void)[] = [];
  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });
  const loop = (async () => {
    while (running) {
      let report: DeliveryReport | undefined;
      try {
        report = await deliverDueMail(options.db, options.driver, options.settings, { compose: SITE_MAIL_COMPOSER, onSent: options.onSent });
        options.onRound?.(report);
        if (report.retried + report.dead > 0) options.log?.(`mail: ${report.sent} sent, ${report.retried} to retry, ${report.dead} dead letters`);
      } catch (error) {
        options.log?.(`mail: delivery round failed, trying again in ${pollMs} ms: ${(error as Error).message}`);
      }
      if (report && report.claimed > 0) continue;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
      if (running) await sleep();
    }
  })();
  return {
    wake: () => wakeUp?.(),
    whenIdle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wakeUp?.();
      }),
    stop: async () => {
      running = false;
      wakeUp?.();
      await loop;
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    },
  };
}
