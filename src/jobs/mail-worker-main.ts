import { config } from '../config/config.ts';
import { createMailDriver } from '../features/mail/mail-drivers.ts';
import { DEFAULT_DELIVERY_SETTINGS } from '../features/mail/mail-delivery.usecases.ts';
import { openStore } from '../store/database.ts';
import { startMailWorker } from './mail-worker.ts';

// A standalone mail worker: `node src/jobs/mail-worker-main.ts [--log-each]`. On PGlite the web
// server runs the worker itself (one process per data directory); on PostgreSQL run as many as you like.
const log = (line: string) => process.stderr.write(`${line}\n`);
const logEach = process.argv.includes('--log-each');

async function main(): Promise<void> {
  const store = await openStore(config);
  const driver = createMailDriver(config);
  const worker = startMailWorker({
    db: store.db,
    driver,
    settings: { ...DEFAULT_DELIVERY_SETTINGS, publicUrl: config.publicUrl, maxAttempts: config.mailMaxAttempts, leaseSeconds: config.mailLeaseSeconds },
    log,
    onSent: logEach ? (mail) => process.stdout.write(`sent ${mail.kind} ${mail.id} <${mail.messageId}>\n`) : undefined,
  });
  process.stdout.write(`mail worker started: ${driver.kind} → ${driver.destination}, store ${store.driver} at ${store.location}\n`);
  const stop = () => {
    void worker
      .stop()
      .then(() => driver.close())
      .then(() => store.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  log(`the mail worker could not start: ${(error as Error).message}`);
  process.exit(1);
});
