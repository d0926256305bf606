import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeHtml, escapeXml } from './escape.ts';

describe('escaping', () => {
  it('makes every markup character of HTML inert, quotes included', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
  });

  it('leaves text without markup characters as it is', () => {
    expect(escapeHtml('Registered Nurses — 61.2')).toBe('Registered Nurses — 61.2');
  });

  it('escapes a double-quoted attribute as Astro does: ampersands and double quotes only', () => {
    expect(escapeAttribute(`/compare?roles=a&add="b" <c> 'd'`)).toBe(`/compare?roles=a&amp;add=&quot;b&quot; <c> 'd'`);
    expect(escapeAttribute('plain')).toBe('plain');
  });

  it('escapes XML the same way and drops control characters XML cannot carry', () => {
    expect(escapeXml(`Nurses' <pay> & "hours"\u0000\u0008`)).toBe('Nurses&apos; &lt;pay&gt; &amp; &quot;hours&quot;');
    expect(escapeXml('line\nbreak\ttab')).toBe('line\nbreak\ttab');
  });
});
