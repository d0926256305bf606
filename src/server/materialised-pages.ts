import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ReadModel } from '../features/read-model/read-model.ts';
import type { RenderCache } from '../features/render-cache/render-cache.ts';
import { STATIC_PATHS } from '../presentation/site-pages/sitemap.ts';
import { getInProcess, type AstroHandler } from './astro-capture.ts';

/** Pages that show every role (listings, feeds, the sitemap): re-rendered after every publication. */
function listingPaths(model: ReadModel): string[] {
  return [
    ...STATIC_PATHS.filter((path) => path !== '/methodology' && path !== '/about/data'),
    '/movers',
    '/sitemap.xml',
    '/feeds/all.atom',
    ...model.categories.flatMap((category) => [`/browse/${category.slug}`, `/feeds/categories/${category.slug}.atom`]),
  ];
}

/** Pages that depend on the read model but on no role in particular and no publication. */
const SETTLED_PATHS = ['/methodology', '/about/data'];

/** The pages of one role: its overview and feed, and per seniority the assessment, its history, its latest changes and its embeddable card. */
function rolePaths(model: ReadModel, roleSlug: string): string[] {
  const slug = encodeURIComponent(roleSlug);
  const paths = [`/roles/${slug}`, `/feeds/roles/${slug}.atom`];
  for (const entry of model.assessments.values()) {
    if (entry.roleSlug !== roleSlug) continue;
    const page = `/roles/${slug}/${encodeURIComponent(entry.seniority)}`;
    paths.push(page, `${page}/history`, `${page}/changes`, `/embed${page}`);
  }
  return paths;
}

/** Every page that depends only on the read model, listings first (the most visited), then every role's pages. */
export function listMaterialisedPaths(model: ReadModel): string[] {
  const roles = [...new Set([...model.assessments.values()].map((entry) => entry.roleSlug))];
  return [...listingPaths(model), ...SETTLED_PATHS, ...roles.flatMap((slug) => rolePaths(model, slug))];
}

/** The roles whose current revision differs between two read models (published, republished or withdrawn). */
export function rolesChangedBetween(previous: ReadModel, next: ReadModel): Set<string> {
  const changed = new Set<string>();
  const sameRevision = (a: ReadModel['assessments'] extends ReadonlyMap<string, infer E> ? E : never, b: typeof a) =>
    a.revision.number === b.revision.number && a.revision.publishedAt.getTime() === b.revision.publishedAt.getTime() && a.revision.methodologyVersion === b.revision.methodologyVersion;
  for (const [key, entry] of next.assessments) {
    const before = previous.assessments.get(key);
    if (!before || !sameRevision(before, entry)) changed.add(entry.roleSlug);
  }
  for (const [key, entry] of previous.assessments) if (!next.assessments.has(key)) changed.add(entry.roleSlug);
  return changed;
}

/**
 * The pages a publication changes: every page of a changed role, and every listing. The other
 * roles' pages and the settled pages stay as they are (same bytes, same ETag).
 */
export function pathsAffectedBy(previous: ReadModel, next: ReadModel): Set<string> {
  return new Set([...listingPaths(next), ...[...rolesChangedBetween(previous, next)].flatMap((slug) => [...rolePaths(next, slug), ...rolePaths(previous, slug)])]);
}

/** Renders one page through Astro in this process, as a GET from the site itself would, and resolves with its status once it is written. */
export function renderInProcess(handler: AstroHandler, path: string, locals: object): Promise<number> {
  return getInProcess(handler, path, locals, () => undefined, (response) => response.statusCode);
}

export interface MaterialisedPages {
  /** Renders every read-model page not stored yet for the served model, one at a time, letting live requests in between; resolves with how many it rendered. */
  renderAll: () => Promise<number>;
  /** Before a swap: renders the pages the publication changes into the new version's generation and carries the rest over. */
  prepareSwap: (next: ReadModel, previous: ReadModel) => Promise<void>;
}

/**
 * Keeps the pages that depend only on the read model rendered ahead of requests (ADR 0121). Pages
 * are rendered through Astro exactly as a reader's request would be, and the middleware stores
 * them in the render cache under the version of the model they were rendered from.
 */
export function createMaterialisedPages(options: {
  handler: AstroHandler;
  cache: RenderCache;
  current: () => ReadModel;
  localsFor: (model: ReadModel) => object;
  log: (line: string) => void;
}): MaterialisedPages {
  const { handler, cache, log } = options;
  const renderPaths = async (model: ReadModel, paths: readonly string[], stillWanted: () => boolean): Promise<number> => {
    const present = new Set(cache.keys(model.version));
    let rendered = 0;
    for (const path of paths) {
      if (!stillWanted()) break;
      if (present.has(path)) continue;
      const status = await renderInProcess(handler, path, options.localsFor(model)).catch((error: unknown) => {
        log(`could not pre-render ${path}: ${(error as Error).message}`);
        return 0;
      });
      if (status === 200) rendered += 1;
      // Each page is a few milliseconds of work on the event loop; requests that arrived meanwhile go first.
      await nextTurn();
    }
    return rendered;
  };
  return {
    async renderAll() {
      const started = performance.now();
      let rendered = 0;
      let model = options.current();
      // A publication during the run swaps the model: carry on with the new one, skipping what it already has.
      for (;;) {
        const version = model.version;
        rendered += await renderPaths(model, listMaterialisedPaths(model), () => options.current().version === version);
        if (options.current().version === version) break;
        model = options.current();
      }
      log(`materialised ${rendered} pages in ${((performance.now() - started) / 1000).toFixed(1)} s (render cache: ${cache.size()} pages, ${(cache.bytes() / 1024 / 1024).toFixed(0)} MB)`);
      return rendered;
    },
    async prepareSwap(next, previous) {
      const started = performance.now();
      const affected = pathsAffectedBy(previous, next);
      const materialised = new Set(listMaterialisedPaths(next));
      cache.prepare(next.version, (key) => materialised.has(key) && !affected.has(key));
      const rendered = await renderPaths(next, [...affected].filter((path) => materialised.has(path)), () => true);
      log(`prepared version ${next.version}: ${rendered} pages re-rendered, ${cache.keys(next.version).length - rendered} carried over, in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    },
  };
}
