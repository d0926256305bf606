import cluster from 'node:cluster';
import { pathToFileURL } from 'node:url';
import { config } from '../config/config.ts';
import { ensureCatalogCurrent } from '../features/catalog/catalog.usecases.ts';
import { onRevisionsPublished } from '../features/revisions/publication-hooks.ts';
import { createMailDriver } from '../features/mail/mail-drivers.ts';
import { DEFAULT_DELIVERY_SETTINGS } from '../features/mail/mail-delivery.usecases.ts';
import { createPublishingService } from '../features/revisions/publishing-service.ts';
import { signalledRoles } from '../features/revisions/publication-signal.ts';
import { PUBLICATION_CHANNEL } from '../features/revisions/revisions.schemas.ts';
import { createOpenData } from '../features/open-data/open-data.usecases.ts';
import { createRateLimiter } from '../features/rate-limits/rate-limits.usecases.ts';
import { DEFAULT_SUBSCRIPTION_LIMITS } from '../features/subscriptions/subscriptions.usecases.ts';
import { startMailWorker } from '../jobs/mail-worker.ts';
import { DEFAULT_SIGN_IN_LIMITS } from '../features/accounts/sign-in.usecases.ts';
import { createTeamAdminService } from '../features/accounts/team-admin-service.ts';
import { ensurePrivateDirectory } from '../shared/files.ts';
import { openStore } from '../store/database.ts';
import { startInternalApi } from './internal-api.ts';
import { createReadModelHolder } from './read-model-holder.ts';
import { ensureSiteBuilt, SITE_CLIENT_ROOT, SITE_ENTRY, SITE_ISLANDS } from './site-build.ts';
import { createWebServer, loadAstroHandler, loadServerIslands } from './web-server.ts';

const processName = cluster.isWorker ? `web process ${cluster.worker?.id ?? '?'} (pid ${process.pid})` : `pid ${process.pid}`;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function loadCatalog(store: Awaited<ReturnType<typeof openStore>>): Promise<void> {
  const loaded = await ensureCatalogCurrent(store.db, { onProgress: log, onPublished: onRevisionsPublished });
  if (loaded) {
    log(`Loaded the committed catalog: ${loaded.occupations} occupations, ${loaded.revisionsPublished} new assessments, ${loaded.republished} baselines republished, ${loaded.titles} titles.`);
  }
}

/**
 * On PostgreSQL with WEB_CONCURRENCY > 1 (ADR 0123): this process builds the site and loads the
 * catalog once, then runs that many web processes sharing the port (node:cluster), each with its
 * own read model following publications through LISTEN/NOTIFY, and replaces one that dies.
 */
async function startProcesses(count: number): Promise<void> {
  await ensureSiteBuilt(log);
  await ensurePrivateDirectory(config.dataDir);
  const store = await openStore(config);
  log(`Store: ${store.driver} at ${store.location}; starting ${count} web processes`);
  await loadCatalog(store);
  await store.close();
  let stopping = false;
  for (let index = 0; index < count; index += 1) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log(`web process ${worker.id} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    log('Stopping…');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    const exited = () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0);
    cluster.on('exit', exited);
    exited();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function start(): Promise<void> {
  // A web process of several: the first process built the site and loaded the catalog.
  const isOneOfSeveral = cluster.isWorker;
  if (!isOneOfSeveral) await ensureSiteBuilt(log);
  // The data directory holds the store, the internal API token and outgoing mail: its owner's only.
  await ensurePrivateDirectory(config.dataDir);
  // Announced before the embedded store is opened, so CLI commands wait for this server instead of opening it too.
  const internalApi = config.databaseUrl ? null : await startInternalApi({ dataDir: config.dataDir, log });
  const store = await openStore(config);
  log(`Store: ${store.driver} at ${store.location}`);
  if (!isOneOfSeveral) await loadCatalog(store);
  const readModel = await createReadModelHolder(store.db, log);
  const openData = await createOpenData(store.db, config.publicUrl);
  const recordSnapshot = () =>
    openData.recordMonthlySnapshot(readModel.current()).then(
      (written) => written && log(`Wrote this month's snapshot of the bulk files (listed at /data/snapshots on the site).`),
      (error: unknown) => log(`could not write this month's data snapshot: ${(error as Error).message}`),
    );
  // Awaited at start so the first /data page lists this month's snapshot; checked hourly so a month
  // without publications still gets one (a no-op in memory once the month has its snapshot).
  // One process of several writes the snapshots, so two never write the same month's files at once.
  const writesSnapshots = !isOneOfSeveral || cluster.worker?.id === 1;
  if (writesSnapshots) await recordSnapshot();
  const snapshotTimer = setInterval(() => void (writesSnapshots && recordSnapshot()), 60 * 60 * 1000);
  snapshotTimer.unref();
  // Every publication NOTIFYs on commit: from this process on PGlite, from any process on PostgreSQL.
  const stopListening = await store.listen(PUBLICATION_CHANNEL, (payload) => {
    readModel.refresh(signalledRoles(payload)).then(
      (model) => {
        log(`Read model refreshed after a publication (version ${model.version}) in ${processName}.`);
        if (writesSnapshots) void recordSnapshot();
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
  internalApi?.attach(createPublishingService(store.db), readModel, createTeamAdminService(store.db, () => mailWorker.wake()));
  const runInBackground = (what: string) => (work: Promise<void>) => void work.catch((error: unknown) => log(`could not record ${what}: ${(error as Error).message}`));
  const { server } = createWebServer({
    readModel,
    publicUrl: config.publicUrl,
    openData,
    trustedProxies: config.trustedProxies,
    clientRoot: SITE_CLIENT_ROOT,
    astroHandler: await loadAstroHandler(pathToFileURL(SITE_ENTRY).href),
    serverIslands: await loadServerIslands(pathToFileURL(SITE_ISLANDS).href),
    renderThreads: { count: config.renderThreads, islandsEntry: pathToFileURL(SITE_ISLANDS).href },
    materialise: config.prerender,
    log,
    subscriptions: {
      db: store.db,
      limiter: createRateLimiter(store.db),
      limits: DEFAULT_SUBSCRIPTION_LIMITS,
      onMailQueued: () => mailWorker.wake(),
      runInBackground: runInBackground('a subscribe request'),
    },
    accounts: {
      db: store.db,
      limiter: createRateLimiter(store.db),
      limits: DEFAULT_SIGN_IN_LIMITS,
      lifetime: config.sessionLifetime,
      publicUrl: config.publicUrl,
      onMailQueued: () => mailWorker.wake(),
      runInBackground: runInBackground('a sign-in link request'),
    },
  });
  server.listen(config.port, () => {
    process.stdout.write(`jobzone is running at http://localhost:${config.port}/ (public URL ${config.publicUrl}; ${processName})\n`);
  });
  const stop = () => {
    log('Stopping…');
    clearInterval(snapshotTimer);
    // Closing the server also stops its render threads.
    server.close();
    server.closeAllConnections();
    void Promise.all([internalApi?.close(), stopListening(), mailWorker.stop().then(() => mailDriver.close())])
      .then(() => store.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const severalProcesses = config.databaseUrl !== undefined && config.webConcurrency > 1 && cluster.isPrimary;
(severalProcesses ? startProcesses(config.webConcurrency) : start()).catch((error: unknown) => {
  log(`jobzone could not start: ${(error as Error).message}`);
  process.exit(1);
});
