import { describe, expect, it } from 'vitest';
import { routeShellOf } from './route-shell.ts';

const BOOTSTRAP = '<style>astro-island,astro-slot{display:contents}</style><script>(()=>{})();</script>';
const page =
  '<!DOCTYPE html><html lang="en"><head><title>x</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><style>.a{}</style></head>' +
  '<body><header>nav</header><main id="content"><div class="frame"><h1 class="astro-abc123">Hi</h1>' +
  `${BOOTSTRAP}<astro-island uid="1" component-url="/_astro/T.js" component-export="default" renderer-url="/_astro/client.js" props="{}" ssr client="load" opts="{&quot;name&quot;:&quot;TitleTypeahead&quot;,&quot;value&quot;:true}" await-children></astro-island>` +
  '</div></main><footer>f</footer></body></html>';

describe('the shell of a route', () => {
  it('reads the stylesheet, the frame around the main content, the island script, file names and scoped classes', () => {
    const shell = routeShellOf(page, { page: /<h1 class="(astro-[a-z0-9]+)">/ });
    expect(shell.headTail).toBe('<style>.a{}</style>');
    expect(shell.bodyStart).toBe('<body><header>nav</header><main id="content"><div class="frame">');
    expect(shell.bodyEnd).toBe('</div></main><footer>f</footer></body></html>');
    expect(shell.islandBootstrap).toBe(BOOTSTRAP);
    expect(shell.componentUrls).toEqual({ TitleTypeahead: '/_astro/T.js' });
    expect(shell.rendererUrl).toBe('/_astro/client.js');
    expect(shell.scopes).toEqual({ page: 'astro-abc123' });
  });

  it('says which part is missing rather than guessing', () => {
    expect(() => routeShellOf(page, { hit: /<div class="hit (astro-[a-z0-9]+)">/ })).toThrow(/scoped class of hit/);
    expect(() => routeShellOf(page.replace('<main id="content"><div class="frame">', '<main>'), {})).toThrow(/main frame/);
    expect(() => routeShellOf(page.replace(BOOTSTRAP, ''), {})).toThrow(/island script/);
  });
});
