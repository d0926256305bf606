// Astro looks for this tag before asking each renderer whether it can render a component; the Preact
// renderer answers that question by rendering the whole island once more, which doubled the cost of
// every page with an island (ADR 0161).
const ASTRO_RENDERER = Symbol.for('astro:renderer');

/** Marks a component as a Preact island, so the server renders it once instead of twice. */
export function rendersWithPreact(component: object): void {
  if (!Object.hasOwn(component, ASTRO_RENDERER)) Object.defineProperty(component, ASTRO_RENDERER, { value: '@astrojs/preact', enumerable: false, writable: false });
}
