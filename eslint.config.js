import tseslint from 'typescript-eslint';

/** The methodology runs unchanged in the browser: no I/O, database, web or Node imports. */
const methodologyForbiddenImports = {
  patterns: [
    { group: ['node:*'], message: 'src/methodology is pure: no Node built-ins.' },
    {
      group: ['fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'url', 'crypto', 'stream', 'process'],
      message: 'src/methodology is pure: no I/O.',
    },
    {
      group: ['drizzle-orm', 'drizzle-orm/*', '@electric-sql/*', 'pg', 'postgres', 'astro', 'astro/*', 'hono', 'hono/*', 'nodemailer', 'yaml'],
      message: 'src/methodology is pure: no database, web, mail or file-format libraries.',
    },
  ],
};

const OUTSIDE_METHODOLOGY = 'src/methodology depends on nothing else in the project: it imports only its own modules and pure libraries.';
/** Any relative import that climbs out of src/methodology, whatever folder it names (a top-level module, or one added later). */
const leavesMethodology = (depth) => ({
  ...methodologyForbiddenImports,
  patterns: [...methodologyForbiddenImports.patterns, { regex: `^(\\.\\./){${depth},}`, message: OUTSIDE_METHODOLOGY }],
});

const layer = (folders, message) => ({ group: folders.map((folder) => `**/${folder}/**`), message });

/** Features are the domain: they never reach up into the interfaces or the presentation built on them. */
const featureForbiddenImports = {
  patterns: [
    layer(['web', 'cli', 'server', 'jobs', 'mcp'], 'src/features never imports web, cli, server, jobs or mcp: interfaces call features, not the other way round.'),
    layer(['presentation'], 'src/features never imports src/presentation: pass what you need in (see MailComposer), or move the view into presentation.'),
  ],
};

/** Presentation turns domain data into what pages, mail, PDF and CLI show; it serves them and never depends on them. */
const presentationForbiddenImports = {
  patterns: [layer(['web', 'cli', 'server', 'jobs', 'mcp'], 'src/presentation never imports web, cli, server, jobs or mcp: they import it.')],
};

/**
 * View builders that receive their data gathered beforehand (ADR 0124): they take a small typed input
 * from a gathering function in src/features, never the read model, so they cannot query it.
 */
const GATHERED_VIEWS = [
  'src/presentation/open-data/embed-view.ts',
  'src/presentation/history-pages/history-view.ts',
  'src/presentation/history-pages/diff-view.ts',
  'src/presentation/site-pages/home-view.ts',
  'src/presentation/site-pages/browse-view.ts',
  'src/presentation/site-pages/compare-view.ts',
  'src/presentation/site-pages/rankings-view.ts',
  'src/presentation/history-pages/movers-view.ts',
  'src/presentation/site-pages/sitemap.ts',
  'src/presentation/site-pages/search-view.ts',
  'src/presentation/site-pages/about-data-view.ts',
  'src/presentation/feeds/feeds.ts',
  'src/presentation/feeds/feed-response.ts',
  'src/presentation/open-data/embed-answers.ts',
  'src/presentation/site-pages/methodology-view.ts',
  'src/presentation/open-data/api-reference-view.ts',
  'src/presentation/open-data/data-page-view.ts',
  'src/presentation/history-pages/role-updates-view.ts',
  'src/presentation/personal-report/report-page.ts',
  // The assessment page's builder and every section builder it assembles, all fed from one gathered input.
  'src/presentation/assessment-page/*.ts',
];
const GATHERED_VIEW_MESSAGE = 'This view builder takes its data gathered beforehand (ADR 0124): add what it needs to the input its gathering function in src/features returns, instead of reading the read model here.';
const gatheredViewForbiddenImports = {
  patterns: [
    ...presentationForbiddenImports.patterns,
    { group: ['**/read-model/read-model.ts'], importNames: ['ReadModel'], message: GATHERED_VIEW_MESSAGE },
    { group: ['**/read-model/read-model.queries.ts', '**/read-model/read-model.repository.ts'], message: GATHERED_VIEW_MESSAGE },
  ],
};

/** A table module is read by the schema barrel; reaching the store or a feature's schemas from it makes a cycle. */
const tableForbiddenImports = {
  patterns: [
    { group: ['**/store/**', '**/*.schemas.ts', '**/*.repository.ts', '**/*.usecases.ts'], message: 'A *.table.ts imports only drizzle, other tables and plain types (methodology, *.types.ts); shared row types belong where both can read them.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', '.astro/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/methodology/*.ts'],
    rules: { 'no-restricted-imports': ['error', leavesMethodology(1)] },
  },
  {
    files: ['src/methodology/*/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', leavesMethodology(2)] },
  },
  {
    files: ['src/methodology/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/methodology is pure: read configuration elsewhere and pass it in.' },
        { name: 'fetch', message: 'src/methodology is pure: no network.' },
        { name: 'window', message: 'src/methodology is pure: no browser globals.' },
        { name: 'document', message: 'src/methodology is pure: no browser globals.' },
      ],
    },
  },
  {
    files: ['src/features/**/*.ts'],
    // Tests wire real parts together (e.g. delivery with the site's mail composer).
    ignores: ['src/features/**/*.test.ts', 'src/features/**/test-support/**'],
    rules: { 'no-restricted-imports': ['error', featureForbiddenImports] },
  },
  {
    files: ['src/features/**/*.test.ts', 'src/features/**/test-support/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [featureForbiddenImports.patterns[0]] }] },
  },
  {
    files: ['src/features/**/*.table.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...featureForbiddenImports.patterns, ...tableForbiddenImports.patterns] }] },
  },
  {
    files: ['src/presentation/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', presentationForbiddenImports] },
  },
  {
    files: GATHERED_VIEWS,
    ignores: ['src/presentation/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', gatheredViewForbiddenImports] },
  },
);
