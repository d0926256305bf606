import { describe, expect, it } from 'vitest';
import { astroIsland, serializeIslandProps } from './astro-island.ts';

describe('island props as Astro serialises them', () => {
  it('wraps every value in [type, value]: 0 for plain values and objects, 1 for arrays, 3 for dates', () => {
    const props = { id: 'q', count: 3, on: true, none: null, missing: undefined, list: ['a', { b: 1 }], when: new Date('2026-12-02T00:00:00Z') };
    expect(JSON.parse(serializeIslandProps(props))).toEqual({
      id: [0, 'q'],
      count: [0, 3],
      on: [0, true],
      none: [0, null],
      missing: [0],
      list: [1, [[0, 'a'], [0, { b: [0, 1] }]]],
      when: [3, '2026-12-02T00:00:00.000Z'],
    });
  });

  it('refuses values the island script could not read back, naming them', () => {
    expect(() => serializeIslandProps({ roles: new Map([['a', 1]]) })).toThrow(/Map/);
  });
});

describe('the island element', () => {
  it('escapes the props and carries Astro’s attributes and end marker', () => {
    const html = astroIsland({ name: 'TitleTypeahead', componentUrl: '/_astro/T.js', rendererUrl: '/_astro/client.js', islandId: 0, props: { q: `<b>"Tom" & 'Jerry'</b>` }, html: '<form></form>' });
    expect(html).toMatch(/^<astro-island uid="[a-z0-9]+" data-preact-island-id="0" component-url="\/_astro\/T\.js" component-export="default" renderer-url="\/_astro\/client\.js" /);
    expect(html).toContain('props="{&quot;q&quot;:[0,&quot;&lt;b&gt;\\&quot;Tom\\&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;&quot;]}"');
    expect(html).toContain(' ssr client="load" opts="{&quot;name&quot;:&quot;TitleTypeahead&quot;,&quot;value&quot;:true}" await-children><form></form><!--astro:end--></astro-island>');
    expect(html).not.toMatch(/<b>|"Tom"/);
  });
});
