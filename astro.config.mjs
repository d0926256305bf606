import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';
import { build as esbuild } from 'esbuild';

// The server renders search, compare and the personal report without Astro (ADR 0171) and needs the
// islands' server markup: they are bundled here as plain JavaScript beside Astro's server bundle.
const serverIslands = {
  name: 'jobzone-server-islands',
  hooks: {
    'astro:build:done': async () => {
      await esbuild({
        entryPoints: ['src/web/islands/server-islands.ts'],
        outfile: 'dist/server/islands.mjs',
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        jsx: 'automatic',
        jsxImportSource: 'preact',
        logLevel: 'warning',
      });
    },
  },
};

// The site is served by our own Node server (src/server/), which mounts Astro as middleware and
// hands every request the in-memory read model through `locals`.
export default defineConfig({
  srcDir: './src/web',
  publicDir: './src/web/public',
  output: 'server',
  // Scoped styles as one class per element instead of a data attribute: about a third less HTML.
  scopedStyleStrategy: 'class',
  adapter: node({ mode: 'middleware' }),
  integrations: [preact(), serverIslands],
  telemetry: false,
  // Our middleware checks origins instead (src/web/lib/origin-check.ts): RFC 8058 unsubscribe POSTs come from mail providers.
  security: { checkOrigin: false },
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'always' },
  vite: { build: { sourcemap: false } },
});
