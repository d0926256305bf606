import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, isEmbedPath } from './security-headers.ts';

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

  it('lets other sites frame only the embed cards', () => {
    expect(contentSecurityPolicy([], { frameable: true })).toContain('frame-ancestors *');
    expect(contentSecurityPolicy([], { frameable: true })).not.toContain("frame-ancestors 'none'");
    expect(isEmbedPath('/embed/roles/roofers/all-levels')).toBe(true);
    for (const path of ['/roles/roofers/all-levels', '/embedded', '/data', '/']) expect(isEmbedPath(path)).toBe(false);
  });
});
