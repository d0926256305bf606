/**
 * What a query page takes from Astro's own rendering of its route (ADR 0171): the inlined stylesheet,
 * the header and footer of the layout, the island script and the build's file names and scoped-style
 * classes. The server reads them once from a page Astro rendered, so the pages rendered without Astro
 * follow every change of the layout, styles and build.
 */
export interface RouteShell {
  /** `<head>` after the icon link: the route's inlined stylesheet. */
  headTail: string;
  /** From `<body>` to the opening of the main frame. */
  bodyStart: string;
  /** From the closing of the main frame to the end of the document. */
  bodyEnd: string;
  /** The style and scripts Astro writes before the first island of a page. */
  islandBootstrap: string;
  rendererUrl: string;
  /** Island name → its browser module. */
  componentUrls: Readonly<Record<string, string>>;
  /** Component → its scoped-style class (`astro-…`). */
  scopes: Readonly<Record<string, string>>;
}

const ICON_LINK = '<link rel="icon" href="/favicon.svg" type="image/svg+xml">';
const MAIN_OPEN = '<main id="content"><div class="frame">';
const MAIN_CLOSE = '</div></main>';
const BOOTSTRAP_START = '<style>astro-island';

function between(html: string, start: number, end: number, what: string): string {
  if (start < 0 || end < 0 || end < start) throw new Error(`the page Astro rendered has no ${what}`);
  return html.slice(start, end);
}

/**
 * Reads the shell of a route from a page Astro rendered. `scopeAnchors` find each scoped-style class
 * the page needs (a pattern whose first group is the class); a missing part is an error.
 */
export function routeShellOf(html: string, scopeAnchors: Readonly<Record<string, RegExp>>): RouteShell {
  const iconEnd = html.indexOf(ICON_LINK);
  const headTail = between(html, iconEnd + ICON_LINK.length, html.indexOf('</head>'), 'icon link before </head>');
  const mainOpen = html.indexOf(MAIN_OPEN);
  const bodyStart = between(html, html.indexOf('<body>'), mainOpen < 0 ? -1 : mainOpen + MAIN_OPEN.length, 'main frame');
  const mainClose = html.lastIndexOf(MAIN_CLOSE);
  if (mainClose < 0) throw new Error('the page Astro rendered has no end of the main frame');
  const bodyEnd = html.slice(mainClose);
  const bootstrapStart = html.indexOf(BOOTSTRAP_START);
  const islandBootstrap = between(html, bootstrapStart, html.indexOf('<astro-island ', bootstrapStart), 'island script');
  const componentUrls: Record<string, string> = {};
  let rendererUrl = '';
  for (const [tag] of html.matchAll(/<astro-island [^>]*>/g)) {
    const name = /opts="\{&quot;name&quot;:&quot;([A-Za-z]+)&quot;/.exec(tag)?.[1];
    const componentUrl = /component-url="([^"]+)"/.exec(tag)?.[1];
    rendererUrl = /renderer-url="([^"]+)"/.exec(tag)?.[1] ?? rendererUrl;
    if (name && componentUrl) componentUrls[name] = componentUrl;
  }
  if (rendererUrl === '') throw new Error('the page Astro rendered has no island renderer');
  const scopes: Record<string, string> = {};
  for (const [component, anchor] of Object.entries(scopeAnchors)) {
    const scope = anchor.exec(html)?.[1];
    if (!scope) throw new Error(`the page Astro rendered shows no scoped class of ${component} (${anchor.source})`);
    scopes[component] = scope;
  }
  return { headTail, bodyStart, bodyEnd, islandBootstrap, rendererUrl, componentUrls, scopes };
}

/** The scoped class of a component, or an error naming it (a shell read with the page's own anchors always has it). */
export function scopeOf(shell: RouteShell, component: string): string {
  const scope = shell.scopes[component];
  if (scope === undefined) throw new Error(`the route shell has no scoped class of ${component}`);
  return scope;
}
