import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeXml } from './escape.ts';

describe('escaping', () => {
  it('makes every markup character of HTML inert, quotes included', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
  });

  it('escapes XML the same way and drops control characters XML cannot carry', () => {
    expect(escapeXml(`Nurses' <pay> & "hours"\u0000\u0008`)).toBe('Nurses&apos; &lt;pay&gt; &amp; &quot;hours&quot;');
    expect(escapeXml('line\nbreak\ttab')).toBe('line\nbreak\ttab');
  });
});
