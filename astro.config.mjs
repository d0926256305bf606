import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { rm, utimes, writeFile } from 'node:fs/promises';
import { defineConfig } from 'astro/config';
import { build as esbuild } from 'esbuild';

// Written when a build has finished, dated when it started (src/server/site-build.ts): a server never
// mistakes a build still being written for a finished one, nor misses a source edited meanwhile.
const BUILD_STAMP = 'dist/.build-complete';
let buildStartedAt = new Date();

// The server renders search, compare and the personal report without Astro (ADR 0171) and needs the
// islands' server markup: they are bundled here as plain JavaScript beside Astro's server bundle.
const serverIslands = {
  name: 'jobzone-server-islands',
  hooks: {
    'astro:build:start': async () => {
      buildStartedAt = new Date();
      await rm(BUILD_STAMP, { force: true });
    },
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
      await writeFile(BUILD_STAMP, `${buildStartedAt.toISOString()}\n`);
      await utimes(BUILD_STAMP, buildStartedAt, buildStartedAt);
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
