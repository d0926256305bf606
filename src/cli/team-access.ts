import type { Config } from '../config/config.ts';
import { createTeamAdminService, type TeamAdminService } from '../features/accounts/team-admin-service.ts';
import { createServerTeamAdminService } from '../server/internal-client.ts';
import { openStore } from '../store/database.ts';
import { findRunningServer } from './publishing-access.ts';

/** Opens the people and token operations of the machine owner: through the running server when it holds the embedded store, else on the store; runs `use` and closes. */
export async function withTeamAdmin<T>(settings: Pick<Config, 'dataDir' | 'databaseUrl'>, progress: (message: string) => void, use: (team: TeamAdminService, via: string) => Promise<T>): Promise<T> {
  const server = await findRunningServer(settings, progress);
  if (server) return use(createServerTeamAdminService(server), `the running server (pid ${server.pid})`);
  const store = await openStore(settings);
  try {
    return await use(createTeamAdminService(store.db), store.location);
  } finally {
    await store.close();
  }
}
