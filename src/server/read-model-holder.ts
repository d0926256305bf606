import { buildReadModel, type ReadModel } from '../features/read-model/read-model.ts';
import { readPublishedRoles, readReadModelInput } from '../features/read-model/read-model.repository.ts';
import { applyPublishedRoles } from '../features/read-model/read-model-update.ts';
import type { Database } from '../store/database.ts';
import type { ModelOrigin } from './render-threads/messages.ts';

/** Work that must finish before a new read model is served, such as pre-rendering the pages it changes. */
export type PrepareSwap = (next: ReadModel, previous: ReadModel) => Promise<void>;

/** Keeps the current read model and swaps in a new one when something is published. */
export interface ReadModelHolder {
  current: () => ReadModel;
  /** Catches up with a publication; `roles`, when the publication names them, lets the holder update only those roles. */
  refresh: (roles?: readonly string[]) => Promise<ReadModel>;
  /** Registers work awaited before each swap; returns a function that removes it. Holders that never swap may leave it out. */
  beforeSwap?: (prepare: PrepareSwap) => () => void;
  /** The input a model was built from and the update that made it, which render threads follow (ADR 0178); holders that cannot tell leave it out. */
  originOf?: (model: ReadModel) => ModelOrigin | undefined;
}

/** Brings the current model up to a publication of some roles, or answers null when only a full rebuild can. */
export type UpdateRoles = (current: ReadModel, roles: readonly string[]) => Promise<ReadModel | null>;

/**
 * Holds `first` and, on each refresh, makes the next model (with `update` when the publication names
 * its roles and the update can, else with `rebuild`), runs every registered preparation against it
 * while the previous one is still served, then swaps: readers see the old model or the new one with
 * its pages ready, never the new one half-prepared.
 */
export function holdReadModel(
  first: ReadModel,
  rebuild: () => Promise<ReadModel>,
  log: (line: string) => void = () => undefined,
  update?: UpdateRoles,
  originOf?: (model: ReadModel) => ModelOrigin | undefined,
): ReadModelHolder {
  let model = first;
  let refreshing: Promise<ReadModel> | null = null;
  const preparations = new Set<PrepareSwap>();
  return {
    current: () => model,
    refresh: (roles) => {
      // Publications that arrive while a rebuild runs are picked up by one more rebuild, not lost.
      const next = (refreshing ?? Promise.resolve()).then(async () => {
        const updated = roles && update ? await update(model, roles) : null;
        const built = updated ?? (await rebuild());
        log(updated ? `read model version ${built.version}: updated ${roles?.join(', ') ?? ''} in place` : `read model version ${built.version}: rebuilt from the store`);
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
    ...(originOf ? { originOf } : {}),
  };
}

/**
 * Builds the first read model from the store and returns a holder that follows publications: a
 * publication that names its roles updates only them (ADR 0177), anything else rebuilds from the store.
 */
export async function createReadModelHolder(db: Database, log?: (line: string) => void): Promise<ReadModelHolder> {
  // The input each model was built from, which the next update patches, and the update that made it; dropped with its model.
  const origins = new WeakMap<ReadModel, ModelOrigin>();
  const load = async () => {
    const input = await readReadModelInput(db);
    const model = buildReadModel(input);
    origins.set(model, { input });
    return model;
  };
  const update: UpdateRoles = async (current, roles) => {
    const input = origins.get(current)?.input;
    if (!input) return null;
    const published = await readPublishedRoles(db, roles);
    const next = applyPublishedRoles({ model: current, input }, roles, published);
    if (next) origins.set(next.model, { input: next.input, update: { from: current.version, roles, published } });
    return next?.model ?? null;
  };
  return holdReadModel(await load(), load, log, update, (model) => origins.get(model));
}
