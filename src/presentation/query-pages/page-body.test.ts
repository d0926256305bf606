import { describe, expect, it } from 'vitest';
import { renderPageBody, type PageBody } from './page-body.ts';
import type { RouteShell } from './route-shell.ts';

const shell: RouteShell = {
  headTail: '<link rel="stylesheet" href="/query-styles/0123456789abcdef.css">',
  bodyStart: '<body><main id="content"><div class="frame">',
  bodyEnd: '</div></main></body></html>',
  islandBootstrap: '<script>boot()</script>',
  rendererUrl: '/_astro/client.js',
  componentUrls: { TitleTypeahead: '/_astro/T.js' },
  scopes: {},
};
const typeaheadForm = (name: string, props: Record<string, unknown>, islandId: number) => `<form data-name="${name}" data-id="${islandId}" data-label="${String(props.label)}"></form>`;

const body: PageBody = {
  head: { title: 'Compare roles', description: 'Side by side.', canonicalPath: '/compare?roles=a,b', noindex: true },
  before: '<h1>Compare</h1><section>',
  typeahead: { id: 'compare-add', label: 'Job title to add' },
  after: '</section><p>end</p>',
  storable: false,
};

describe('a query page put into its route shell', () => {
  it('writes the typeahead as the page’s first island between the content before and after it', () => {
    const page = renderPageBody(body, shell, typeaheadForm, 'https://jobzone.example');
    expect(page.html).toContain(
      '<div class="frame"><h1>Compare</h1><section><script>boot()</script><astro-island uid="',
    );
    expect(page.html).toContain('<form data-name="TitleTypeahead" data-id="0" data-label="Job title to add"></form><!--astro:end--></astro-island></section><p>end</p></div></main>');
    expect(page.html).toContain('<link rel="canonical" href="https://jobzone.example/compare?roles=a,b"><meta name="robots" content="noindex">');
    expect(page.html).toContain('<title>Compare roles · jobzone</title>');
    expect([page.hasIslands, page.storable]).toEqual([true, false]);
  });

  it('has no island and no island script without a typeahead', () => {
    const page = renderPageBody({ ...body, typeahead: null, storable: true }, shell, typeaheadForm, 'https://jobzone.example');
    expect(page.html).toContain('<div class="frame"><h1>Compare</h1><section></section><p>end</p></div>');
    expect(page.html).not.toContain('boot()');
    expect([page.hasIslands, page.storable]).toEqual([false, true]);
  });
});
