import type { Config } from '../config/config.ts';
import { ensureCatalogLoaded } from '../features/catalog/catalog.usecases.ts';
import { createPublishingService, type PublishingService } from '../features/revisions/publishing-service.ts';
import { createServerPublishingService, fetchServerStatus, ServerUnavailableError } from '../server/internal-client.ts';
import { readLiveServerFile, serverFilePath } from '../server/server-file.ts';
import { openStore } from '../store/database.ts';

/** The publishing operations and where they run: the store itself, or the running server that holds it. */
export interface PublishingAccess {
  service: PublishingService;
  /** For messages: "the running server (pid 1234)" or the store's location. */
  via: string;
  close: () => Promise<void>;
}

const STARTING_RETRY_MS = 500;
const STARTING_WAIT_MS = 120_000;

// The embedded PGlite admits one process: while `npm start` holds it, go through its internal API.
/** Opens the publishing operations: through the running server when it holds the embedded store, else on the store directly (always on PostgreSQL). */
export async function openStoreOrServer(settings: Pick<Config, 'dataDir' | 'databaseUrl'>, progress: (message: string) => void): Promise<PublishingAccess> {
  if (!settings.databaseUrl) {
    const server = await readLiveServerFile(settings.dataDir);
    if (server) {
      const started = Date.now();
      for (let announced = false; ; ) {
        try {
          await fetchServerStatus(server);
          break;
        } catch (error) {
          if (!(error instanceof ServerUnavailableError)) throw error;
          if (!error.starting) {
            throw new ServerUnavailableError(
              `${error.message}. If no jobzone server is running, remove ${serverFilePath(settings.dataDir)} and try again.`,
            );
          }
          if (Date.now() - started > STARTING_WAIT_MS) throw error;
          if (!announced) progress(`Waiting for the running jobzone server (pid ${server.pid}) to finish opening the store…`);
          announced = true;
          await new Promise((resolve) => setTimeout(resolve, STARTING_RETRY_MS));
        }
      }
      return { service: createServerPublishingService(server), via: `the running server (pid ${server.pid})`, close: async () => undefined };
    }
  }
  const store = await openStore(settings);
  try {
    const loaded = await ensureCatalogLoaded(store.db, { onProgress: (message) => progress(`  ${message}`) });
    if (loaded) progress(`Loaded the committed catalog into ${store.location}.`);
  } catch (error) {
    await store.close();
    throw error;
  }
  return { service: createPublishingService(store.db), via: store.location, close: store.close };
}

/** Opens the publishing operations, runs `use`, and always closes them. */
export async function withPublishing<T>(settings: Pick<Config, 'dataDir' | 'databaseUrl'>, progress: (message: string) => void, use: (access: PublishingAccess) => Promise<T>): Promise<T> {
  const access = await openStoreOrServer(settings, progress);
  try {
    return await use(access);
  } finally {
    await access.close();
  }
}
