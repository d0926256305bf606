import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, inlineScriptHashesOfBytes, isEmbedPath } from './security-headers.ts';

describe('the content security policy', () => {
  it('allows each inline script by its hash and nothing else inline', () => {
    const script = '(()=>{window.x=1})();';
    const html = `<html><script>${script}</script><script type="module" src="/_astro/a.js"></script><script>${script}</script></html>`;
    const hash = `sha256-${createHash('sha256').update(script).digest('base64')}`;
    expect(inlineScriptHashes(html)).toEqual([hash]);
    const policy = contentSecurityPolicy([hash]);
    expect(policy).toContain(`script-src 'self' '${hash}'`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it("finds the same hashes in a page's UTF-8 bytes as in its text, whatever characters the page and its scripts hold", () => {
    const scripts = ['window.title = "Café – naïve ’quotes’ 😀";', '(()=>{const 名 = "日本語"; console.log(名)})();', 'x=1'];
    const html =
      `<!doctype html><html lang="en"><head><title>Rôle — “résumé” ✓</title><script>${scripts[0]}</script></head>` +
      `<body><p>Zone: 🟢 Green · 72.4</p><SCRIPT type="module">${scripts[1]}</SCRIPT ><script src="/_astro/é.js"></script>` +
      `<script data-note="→">${scripts[2]}</script><script>${scripts[0]}</script></body></html>`;
    const expected = scripts.map((script) => `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`);
    expect(inlineScriptHashes(html)).toEqual(expected);
    expect(inlineScriptHashesOfBytes(Buffer.from(html, 'utf8'))).toEqual(expected);
  });

  it('lets other sites frame only the embed cards', () => {
    expect(contentSecurityPolicy([], { frameable: true })).toContain('frame-ancestors *');
    expect(contentSecurityPolicy([], { frameable: true })).not.toContain("frame-ancestors 'none'");
    expect(isEmbedPath('/embed/roles/roofers/all-levels')).toBe(true);
    for (const path of ['/roles/roofers/all-levels', '/embedded', '/data', '/']) expect(isEmbedPath(path)).toBe(false);
  });
});
