import { pathToFileURL } from 'node:url';
import { config } from '../config/config.ts';
import { ensureCatalogCurrent } from '../features/catalog/catalog.usecases.ts';
import { onRevisionsPublished } from '../features/revisions/publication-hooks.ts';
import { createMailDriver } from '../features/mail/mail-drivers.ts';
import { DEFAULT_DELIVERY_SETTINGS } from '../features/mail/mail-delivery.usecases.ts';
import { createPublishingService } from '../features/revisions/publishing-service.ts';
import { PUBLICATION_CHANNEL } from '../features/revisions/revisions.schemas.ts';
import { createOpenData } from '../features/open-data/open-data.usecases.ts';
import { createRateLimiter } from '../features/rate-limits/rate-limits.usecases.ts';
import { DEFAULT_SUBSCRIPTION_LIMITS } from '../features/subscriptions/subscriptions.usecases.ts';
import { startMailWorker } from '../jobs/mail-worker.ts';
import { ensurePrivateDirectory } from '../shared/files.ts';
import { openStore } from '../store/database.ts';
import { startInternalApi } from './internal-api.ts';
import { createReadModelHolder } from './read-model-holder.ts';
import { ensureSiteBuilt, SITE_CLIENT_ROOT, SITE_ENTRY } from './site-build.ts';
import { createWebServer, loadAstroHandler } from './web-server.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function start(): Promise<void> {
  await ensureSiteBuilt(log);
  // The data directory holds the store, the internal API token and outgoing mail: its owner's only.
  await ensurePrivateDirectory(config.dataDir);
  // Announced before the embedded store is opened, so CLI commands wait for this server instead of opening it too.
  const internalApi = config.databaseUrl ? null : await startInternalApi({ dataDir: config.dataDir, log });
  const store = await openStore(config);
  log(`Store: ${store.driver} at ${store.location}`);
  const loaded = await ensureCatalogCurrent(store.db, { onProgress: log, onPublished: onRevisionsPublished });
  if (loaded) {
    log(`Loaded the committed catalog: ${loaded.occupations} occupations, ${loaded.revisionsPublished} new assessments, ${loaded.republished} baselines republished, ${loaded.titles} titles.`);
  }
  const readModel = await createReadModelHolder(store.db, log);
  const openData = await createOpenData(store.db, config.publicUrl);
  const recordSnapshot = () =>
    openData.recordMonthlySnapshot(readModel.current()).then(
      (written) => written && log(`Wrote this month's snapshot of the bulk files (/data/snapshots).`),
      (error: unknown) => log(`could not write this month's data snapshot: ${(error as Error).message}`),
    );
  // Awaited at start so the first /data page lists this month's snapshot; checked hourly so a month
  // without publications still gets one (a no-op in memory once the month has its snapshot).
  await recordSnapshot();
  const snapshotTimer = setInterval(() => void recordSnapshot(), 60 * 60 * 1000);
  snapshotTimer.unref();
  // Every publication NOTIFYs on commit: from this process on PGlite, from any process on PostgreSQL.
  const stopListening = await store.listen(PUBLICATION_CHANNEL, () => {
    readModel.refresh().then(
      (model) => {
        log(`Read model refreshed after a publication (version ${model.version}).`);
        void recordSnapshot();
      },
      (error: unknown) => log(`could not refresh the read model: ${(error as Error).message}`),
    );
  });
  // PGlite admits one process, so the server also sends the mail; on PostgreSQL more workers may run beside it.
  const mailDriver = createMailDriver(config);
  const mailWorker = startMailWorker({
    db: store.db,
    driver: mailDriver,
    settings: { ...DEFAULT_DELIVERY_SETTINGS, publicUrl: config.publicUrl, maxAttempts: config.mailMaxAttempts, leaseSeconds: config.mailLeaseSeconds },
    log,
  });
  log(`Mail: ${mailDriver.kind === 'smtp' ? 'SMTP via' : 'written as .eml files to'} ${mailDriver.destination}`);
  internalApi?.attach(createPublishingService(store.db), readModel);
  const { server } = createWebServer({
    readModel,
    publicUrl: config.publicUrl,
    openData,
    trustedProxies: config.trustedProxies,
    clientRoot: SITE_CLIENT_ROOT,
    astroHandler: await loadAstroHandler(pathToFileURL(SITE_ENTRY).href),
    materialise: true,
    log,
    subscriptions: {
      db: store.db,
      limiter: createRateLimiter(store.db),
      limits: DEFAULT_SUBSCRIPTION_LIMITS,
      onMailQueued: () => mailWorker.wake(),
      runInBackground: (work) => void work.catch((error: unknown) => log(`could not record a subscribe request: ${(error as Error).message}`)),
    },
  });
  server.listen(config.port, () => {
    process.stdout.write(`jobzone is running at http://localhost:${config.port}/ (public URL ${config.publicUrl})\n`);
  });
  const stop = () => {
    log('Stopping…');
    clearInterval(snapshotTimer);
    server.close();
    server.closeAllConnections();
    void Promise.all([internalApi?.close(), stopListening(), mailWorker.stop().then(() => mailDriver.close())])
      .then(() => store.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

start().catch((error: unknown) => {
  log(`jobzone could not start: ${(error as Error).message}`);
  process.exit(1);
});
