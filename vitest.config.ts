import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const CHROMIUM = '/usr/bin/chromium';
const underCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
// Browser tests need Debian's Chromium. Under CI they always run (and fail clearly when it is
// missing); elsewhere they are left out with one line saying how to enable them.
const runBrowserTests = underCi || existsSync(CHROMIUM);
if (!runBrowserTests) process.stderr.write(`Browser tests left out: ${CHROMIUM} is missing (apt-get install chromium to run them).\n`);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'bench/**/*.test.ts'] } },
      ...(runBrowserTests
        ? [
            {
              extends: true,
              test: {
                name: 'e2e',
                include: ['e2e/**/*.e2e.test.ts'],
                globalSetup: ['e2e/support/start-site.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
