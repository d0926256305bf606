import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const CHROMIUM = '/usr/bin/chromium';
const SHARED_FOLDER = fileURLToPath(new URL('../shared', import.meta.url));
const underCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
// Browser tests need Debian's Chromium. Under CI they always run (and fail clearly when it is
// missing); elsewhere they are left out with one line saying how to enable them.
const runBrowserTests = underCi || existsSync(CHROMIUM);
if (!runBrowserTests) process.stderr.write(`Browser tests left out: ${CHROMIUM} is missing (apt-get install chromium to run them).\n`);
// Tests named *.needs-shared.test.ts read the raw source data and the published seed page from the
// shared folder beside the checkout. The same rule: always under CI (failing clearly without it), else only when it is there.
const SHARED_TESTS = '**/*.needs-shared.test.ts';
const runSharedTests = underCi || (existsSync(`${SHARED_FOLDER}/data`) && existsSync(`${SHARED_FOLDER}/seeds`));
if (!runSharedTests) process.stderr.write(`Source-data tests left out: ${SHARED_FOLDER} (with data/ and seeds/) is missing beside the checkout.\n`);

export default defineConfig({
  test: {
    // Vitest's default of one worker fewer than the cores leaves a 2-core machine running one test file at a
    // time while the others wait on PGlite, PostgreSQL, child processes and Chromium (ADR 0140).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    // Several suites build the whole read model in beforeAll: a few seconds alone, far more on a busy 2-core machine.
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'bench/**/*.test.ts'], exclude: [SHARED_TESTS] } },
      ...(runSharedTests ? [{ extends: true, test: { name: 'shared', include: [`src/${SHARED_TESTS}`, `bench/${SHARED_TESTS}`] } }] : []),
      ...(runBrowserTests
        ? [
            {
              extends: true,
              test: {
                name: 'e2e',
                include: ['e2e/**/*.e2e.test.ts'],
                globalSetup: ['e2e/support/start-site.ts'],
                // The browser files share one site (its outbox, its rate limits): they run one after another, after the rest.
                maxWorkers: 1,
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
