import { islandWriter, type IslandRenderer } from './island-slot.ts';
import { renderDocument, type RenderedPage } from './page-document.ts';
import type { RouteShell } from './route-shell.ts';

/** The props of the title typeahead island (TitleTypeahead.tsx and SiteSearch.astro take these). */
export interface TypeaheadProps {
  /** Id of the input; the listbox and options derive their ids from it. */
  id: string;
  label: string;
  placeholder?: string;
  initialQuery?: string;
  /** Where the plain form goes without JavaScript (and on Enter with no option active). */
  action?: string;
  name?: string;
  submitLabel?: string;
  /** Extra fields the form sends, e.g. the roles already compared. */
  hidden?: Record<string, string>;
  /** Where choosing a suggestion leads, with {slug} filled in; the role page when unset. */
  chooseHref?: string;
  size?: 'large' | 'normal';
}

/** What BaseLayout.astro takes for a page's head. */
export interface BodyHead {
  title: string;
  description: string;
  /** The canonical path, made absolute against the public address by the layout. */
  canonicalPath: string;
  noindex: boolean;
}

/**
 * The content of a query page, written once for both ways it is served (ADR 0142): the server puts it
 * into the route's shell (`renderPageBody`), and the .astro page puts it into BaseLayout with the
 * typeahead as an Astro island (QueryPageBody.astro). The markup around the one island is plain HTML.
 */
export interface PageBody {
  head: BodyHead;
  before: string;
  /** The title typeahead between `before` and `after`, or null for none. */
  typeahead: TypeaheadProps | null;
  after: string;
  /** False for a page showing input problems: it is answered with `no-store` and never kept. */
  storable: boolean;
}

/** The whole page of `body` in the route's shell, as the .astro page renders it through Astro. */
export function renderPageBody(body: PageBody, shell: RouteShell, renderIsland: IslandRenderer, publicUrl: string): RenderedPage {
  const island = islandWriter(shell, renderIsland);
  const main = body.before + (body.typeahead ? island('TitleTypeahead', { ...body.typeahead }) : '') + body.after;
  const head = { title: body.head.title, description: body.head.description, canonical: new URL(body.head.canonicalPath, publicUrl).href, noindex: body.head.noindex };
  return { html: renderDocument(shell, head, main), hasIslands: island.count() > 0, storable: body.storable };
}
