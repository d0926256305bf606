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
    {
      group: ['**/store/**', '**/features/**', '**/web/**', '**/api/**', '**/cli/**', '**/jobs/**', '**/config/**', '**/catalog/**', '**/assessments/**'],
      message: 'src/methodology depends on nothing else in the project.',
    },
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
    files: ['src/methodology/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', methodologyForbiddenImports],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/methodology is pure: read configuration elsewhere and pass it in.' },
        { name: 'fetch', message: 'src/methodology is pure: no network.' },
        { name: 'window', message: 'src/methodology is pure: no browser globals.' },
        { name: 'document', message: 'src/methodology is pure: no browser globals.' },
      ],
    },
  },
);
