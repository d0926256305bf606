import type { Config } from '../../config/config.ts';
import { withStore, type Store } from '../../store/database.ts';
import { ensureCatalogLoaded } from './catalog.usecases.ts';

/** Opens the configured store, loads the committed catalog into it when it is empty, runs `use`, and always closes the store. */
export async function withLoadedCatalog<T>(
  settings: Pick<Config, 'dataDir' | 'databaseUrl'>,
  progress: (message: string) => void,
  use: (store: Store) => Promise<T>,
): Promise<T> {
  return withStore(settings, async (store) => {
    const started = performance.now();
    let announced = false;
    const summary = await ensureCatalogLoaded(store.db, {
      onProgress: (message) => {
        if (!announced) progress(`The store in ${store.location} is empty: loading the committed catalog.`);
        announced = true;
        progress(`  ${message}`);
      },
    });
    if (summary) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      progress(
        `Loaded ${summary.occupations} occupations, ${summary.revisionsPublished} assessments, ${summary.titles} titles, ` +
          `${summary.indexValues} index values and ${summary.sources} data sources in ${seconds} s.`,
      );
    }
    return use(store);
  });
}
