import type { Config } from '../config/config.ts';
import { ensureCatalogLoaded } from '../features/catalog/catalog.usecases.ts';
import { createPublishingService, type PublishingService } from '../features/revisions/publishing-service.ts';
import { createServerPublishingService, fetchServerStatus, ServerUnavailableError, type InternalCallOptions } from '../server/internal-client.ts';
import { readLiveServerFile, serverFilePath, type ServerFile } from '../server/server-file.ts';
import { openStore } from '../store/database.ts';
import { createRemotePublishingService, remoteTarget } from './remote-publishing.ts';

/** The publishing operations and where they run: the store itself, or the running server that holds it. */
export interface PublishingAccess {
  service: PublishingService;
  /** For messages: "the running server (pid 1234)" or the store's location. */
  via: string;
  close: () => Promise<void>;
}

const STARTING_RETRY_MS = 500;
const STARTING_WAIT_MS = 120_000;

/** Finds the running server that holds the embedded store and waits while it is still opening it; null when none runs (always on PostgreSQL). */
export async function findRunningServer(settings: Pick<Config, 'dataDir' | 'databaseUrl'>, progress: (message: string) => void, calls: InternalCallOptions = {}): Promise<ServerFile | null> {
  if (settings.databaseUrl) return null;
  const server = await readLiveServerFile(settings.dataDir);
  if (!server) return null;
  const started = Date.now();
  for (let announced = false; ; ) {
    try {
      await fetchServerStatus(server, undefined, calls);
      return server;
    } catch (error) {
      if (!(error instanceof ServerUnavailableError)) throw error;
      if (!error.starting) {
        throw new ServerUnavailableError(`${error.message.replace(/\.$/, '')}. If no jobzone server is running, remove ${serverFilePath(settings.dataDir)} and try again.`);
      }
      if (Date.now() - started > STARTING_WAIT_MS) throw error;
      if (!announced) progress(`Waiting for the running jobzone server (pid ${server.pid}) to finish opening the store…`);
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, STARTING_RETRY_MS));
    }
  }
}

// The embedded PGlite admits one process: while `npm start` holds it, go through its internal API.
/** Opens the publishing operations: through the running server when it holds the embedded store, else on the store directly (always on PostgreSQL). */
export async function openStoreOrServer(settings: Pick<Config, 'dataDir' | 'databaseUrl' | 'remote'>, progress: (message: string) => void, calls: InternalCallOptions = {}): Promise<PublishingAccess> {
  const remote = remoteTarget(settings.remote);
  if (remote) return { service: createRemotePublishingService(remote), via: remote.url, close: async () => undefined };
  const server = await findRunningServer(settings, progress, calls);
  if (server) return { service: createServerPublishingService(server, calls), via: `the running server (pid ${server.pid})`, close: async () => undefined };
  const store = await openStore(settings);
  try {
    const started = performance.now();
    let announced = false;
    const loaded = await ensureCatalogLoaded(store.db, {
      onProgress: (message) => {
        if (!announced) progress(`The store in ${store.location} is empty: loading the committed catalog.`);
        announced = true;
        progress(`  ${message}`);
      },
    });
    if (loaded) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      progress(`Loaded ${loaded.occupations} occupations, ${loaded.revisionsPublished} assessments, ${loaded.titles} titles, ${loaded.indexValues} index values and ${loaded.sources} data sources in ${seconds} s.`);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return { service: createPublishingService(store.db), via: store.location, close: store.close };
}

/** Opens the publishing operations, runs `use`, and always closes them. */
export async function withPublishing<T>(settings: Pick<Config, 'dataDir' | 'databaseUrl' | 'remote'>, progress: (message: string) => void, use: (access: PublishingAccess) => Promise<T>): Promise<T> {
  const access = await openStoreOrServer(settings, progress);
  try {
    return await use(access);
  } finally {
    await access.close();
  }
}
