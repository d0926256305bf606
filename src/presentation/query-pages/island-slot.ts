import { astroIslandParts } from './astro-island.ts';
import type { RouteShell } from './route-shell.ts';

/** Renders an island's server markup (the server passes the islands bundled by the site build). */
export type IslandRenderer = (name: string, props: Record<string, unknown>, islandId: number) => string;

/** Writes the islands of one page in order: the first carries Astro's island script, as Astro writes it. */
export interface IslandWriter {
  (name: string, props: Record<string, unknown>): string;
  /** The island's markup in parts (see astroIslandParts), for a page kept in parts. */
  parts: (name: string, props: Record<string, unknown>) => string[];
  /** How many islands were written (the page's script policy depends on it). */
  count: () => number;
}

export function islandWriter(shell: RouteShell, render: IslandRenderer): IslandWriter {
  let next = 0;
  const parts = (name: string, props: Record<string, unknown>): string[] => {
    const componentUrl = shell.componentUrls[name];
    if (componentUrl === undefined) throw new Error(`the route shell has no browser module of the island ${name}`);
    const islandId = next;
    next += 1;
    const [open, html, end] = astroIslandParts({ name, componentUrl, rendererUrl: shell.rendererUrl, islandId, props, html: render(name, props, islandId) });
    return [islandId === 0 ? shell.islandBootstrap + open : open, html, end];
  };
  const write = (name: string, props: Record<string, unknown>): string => parts(name, props).join('');
  return Object.assign(write, { parts, count: () => next });
}
