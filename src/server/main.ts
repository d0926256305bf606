import { pathToFileURL } from 'node:url';
import { config } from '../config/config.ts';
import { ensureCatalogLoaded } from '../features/catalog/catalog.usecases.ts';
import { openStore } from '../store/database.ts';
import { createReadModelHolder } from './read-model-holder.ts';
import { ensureSiteBuilt, SITE_CLIENT_ROOT, SITE_ENTRY } from './site-build.ts';
import { createWebServer, loadAstroHandler } from './web-server.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function start(): Promise<void> {
  await ensureSiteBuilt(log);
  const store = await openStore(config);
  log(`Store: ${store.driver} at ${store.location}`);
  const loaded = await ensureCatalogLoaded(store.db, { onProgress: log });
  if (loaded) log(`Loaded the committed catalog: ${loaded.occupations} occupations, ${loaded.revisionsPublished} assessments, ${loaded.titles} titles.`);
  const readModel = await createReadModelHolder(store.db);
  const server = createWebServer({
    readModel,
    publicUrl: config.publicUrl,
    clientRoot: SITE_CLIENT_ROOT,
    astroHandler: await loadAstroHandler(pathToFileURL(SITE_ENTRY).href),
  });
  server.listen(config.port, () => {
    process.stdout.write(`jobzone is running at http://localhost:${config.port}/ (public URL ${config.publicUrl})\n`);
  });
  const stop = () => {
    log('Stopping…');
    server.close();
    server.closeAllConnections();
    void store.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

start().catch((error: unknown) => {
  log(`jobzone could not start: ${(error as Error).message}`);
  process.exit(1);
});
