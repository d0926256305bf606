import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const BROWSER_MODULES = ['personal-inputs.ts', 'personal-score.ts', 'personal-edits.ts', 'report-params.ts', 'report-source.ts', 'report-view.ts'];

async function importsOf(file: string): Promise<{ path: string; typeOnly: boolean }[]> {
  const text = await readFile(new URL(file, import.meta.url), 'utf8');
  return [...text.matchAll(/^import (type )?[^;]*? from '([^']+)';/gms)].map((match) => ({ path: match[2]!, typeOnly: Boolean(match[1]) }));
}

describe('the personal report engine runs in the browser', () => {
  it('imports only the methodology (without its zod schema) and its own browser modules', async () => {
    for (const file of BROWSER_MODULES) {
      for (const { path, typeOnly } of await importsOf(file)) {
        const allowed = /^\.\.\/\.\.\/methodology\/(definition|score|explain|decimal)\.ts$/.test(path) || BROWSER_MODULES.some((module) => path === `./${module}`);
        expect(allowed || typeOnly, `${file} imports ${path}`).toBe(true);
      }
    }
  });
});
