import { buildReadModel, type ReadModel } from '../features/read-model/read-model.ts';
import { readReadModelInput } from '../features/read-model/read-model.repository.ts';
import type { Database } from '../store/database.ts';

/** Keeps the current read model and swaps in a new one when something is published. */
export interface ReadModelHolder {
  current: () => ReadModel;
  refresh: () => Promise<ReadModel>;
}

/** Builds the first read model from the store and returns a holder that can rebuild it. */
export async function createReadModelHolder(db: Database): Promise<ReadModelHolder> {
  let model = buildReadModel(await readReadModelInput(db));
  let refreshing: Promise<ReadModel> | null = null;
  return {
    current: () => model,
    refresh: () => {
      // Publications that arrive while a rebuild runs are picked up by one more rebuild, not lost.
      const next = (refreshing ?? Promise.resolve()).then(async () => {
        model = buildReadModel(await readReadModelInput(db));
        return model;
      });
      refreshing = next.finally(() => {
        if (refreshing === next) refreshing = null;
      });
      return next;
    },
  };
}
