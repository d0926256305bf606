import { defineConfig } from 'drizzle-kit';

/** drizzle-kit only generates migrations (`npx drizzle-kit generate --name <what-changes>`); the app runs them from code. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './src/store/migrations',
});
