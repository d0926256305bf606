import { h, type FunctionComponent } from 'preact';
import { renderToString } from 'preact-render-to-string';
import PersonalReport from './PersonalReport.tsx';
import TitleTypeahead from './TitleTypeahead.tsx';

// Bundled on its own by the site build (astro.config.mjs) so the server can render the islands of the
// query pages without Astro (ADR 0171). Node cannot load JSX; this bundle is plain JavaScript.

const ISLANDS: Readonly<Record<string, FunctionComponent<never>>> = { PersonalReport, TitleTypeahead };

/** The server markup of one island, as @astrojs/preact renders it: the island's number is Preact's useId mask. */
export function renderIslandHtml(name: string, props: object, islandId: number): string {
  const component = ISLANDS[name];
  if (!component) throw new Error(`no island named "${name}"; expected ${Object.keys(ISLANDS).join(', ')}`);
  const vnode = h(component, props as never) as unknown as Record<string, unknown>;
  vnode._mask = [islandId, 0];
  vnode.__m = [islandId, 0];
  return renderToString(vnode as never);
}
