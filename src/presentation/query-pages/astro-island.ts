import { escapeHtml } from '../escape.ts';

/**
 * The markup Astro writes around a server-rendered Preact island (`client:load`), written without
 * Astro (ADR 0171). The props attribute uses Astro's serialisation ([type, value] pairs) so the
 * island script on the page reads it as it reads Astro's own.
 */

type Serialized = [number, unknown?];

function serializeValue(value: unknown): Serialized {
  if (Array.isArray(value)) return [1, value.map(serializeValue)];
  if (value instanceof Date) return [3, value.toISOString()];
  if (value === undefined) return [0];
  if (value === Number.POSITIVE_INFINITY) return [11, 1];
  if (value === Number.NEGATIVE_INFINITY) return [11, -1];
  if (value !== null && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) throw new Error(`island props hold a ${value.constructor.name}; only plain objects, arrays, dates and plain values are written`);
    return [0, serializeObject(value as Record<string, unknown>)];
  }
  return [0, value];
}

function serializeObject(value: Record<string, unknown>): Record<string, Serialized> {
  const serialized: Record<string, Serialized> = {};
  for (const key of Object.keys(value)) serialized[key] = serializeValue(value[key]);
  return serialized;
}

/** The island's props as Astro serialises them, before escaping for the attribute. */
export function serializeIslandProps(props: Record<string, unknown>): string {
  return JSON.stringify(serializeObject(props));
}

// Astro hashes the island's markup and props into `uid`, which only its development server reads; a
// short FNV-1a hash of the props keeps the attribute without hashing 100 KB of markup per page.
const shortHash = (text: string): string => fnv1a(text).toString(36);

// Nothing but the loop: V8 optimises this function through its loop (it runs once per page), and any
// operation after the loop then lacked type feedback and deoptimised the function on every page.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash;
}

export interface IslandMarkup {
  /** The component's name (`opts.name`), e.g. "TitleTypeahead". */
  name: string;
  componentUrl: string;
  rendererUrl: string;
  /** The island's number on the page, from 0. */
  islandId: number;
  props: Record<string, unknown>;
  /** The component's server markup. */
  html: string;
}

/** One `<astro-island>` element with its server markup, as Astro writes a `client:load` Preact island. */
export function astroIsland(island: IslandMarkup): string {
  return astroIslandParts(island).join('');
}

/** astroIsland's element in three parts: the opening tag, the server markup, the end. */
export function astroIslandParts(island: IslandMarkup): [string, string, string] {
  const props = serializeIslandProps(island.props);
  return [
    `<astro-island uid="${shortHash(props)}" data-preact-island-id="${island.islandId}" component-url="${escapeHtml(island.componentUrl)}" component-export="default"` +
      ` renderer-url="${escapeHtml(island.rendererUrl)}" props="${escapeHtml(props)}" ssr client="load"` +
      ` opts="${escapeHtml(JSON.stringify({ name: island.name, value: true }))}" await-children>`,
    island.html,
    '<!--astro:end--></astro-island>',
  ];
}
