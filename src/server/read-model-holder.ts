import { buildReadModel, type ReadModel } from '../features/read-model/read-model.ts';
import { readReadModelInput } from '../features/read-model/read-model.repository.ts';
import type { Database } from '../store/database.ts';

/** Work that must finish before a new read model is served, such as pre-rendering the pages it changes. */
export type PrepareSwap = (next: ReadModel, previous: ReadModel) => Promise<void>;

/** Keeps the current read model and swaps in a new one when something is published. */
export interface ReadModelHolder {
  current: () => ReadModel;
  refresh: () => Promise<ReadModel>;
  /** Registers work awaited before each swap; returns a function that removes it. Holders that never swap may leave it out. */
  beforeSwap?: (prepare: PrepareSwap) => () => void;
}

/**
 * Holds `first` and, on each refresh, builds the next model with `rebuild`, runs every registered
 * preparation against it while the previous one is still served, then swaps: readers see the old
 * model or the new one with its pages ready, never the new one half-prepared.
 */
export function holdReadModel(first: ReadModel, rebuild: () => Promise<ReadModel>, log: (line: string) => void = () => undefined): ReadModelHolder {
  let model = first;
  let refreshing: Promise<ReadModel> | null = null;
  const preparations = new Set<PrepareSwap>();
  return {
    current: () => model,
    refresh: () => {
      // Publications that arrive while a rebuild runs are picked up by one more rebuild, not lost.
      const next = (refreshing ?? Promise.resolve()).then(async () => {
        const built = await rebuild();
        for (const prepare of preparations) {
          // A failed preparation costs speed (pages render on demand), never the publication itself.
          await prepare(built, model).catch((error: unknown) => log(`could not prepare version ${built.version}: ${(error as Error).message}`));
        }
        model = built;
        return model;
      });
      refreshing = next.finally(() => {
        if (refreshing === next) refreshing = null;
      });
      return next;
    },
    beforeSwap: (prepare) => {
      preparations.add(prepare);
      return () => void preparations.delete(prepare);
    },
  };
}

/** Builds the first read model from the store and returns a holder that can rebuild it. */
export async function createReadModelHolder(db: Database, log?: (line: string) => void): Promise<ReadModelHolder> {
  const load = async () => buildReadModel(await readReadModelInput(db));
  return holdReadModel(await load(), load, log);
}
