import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../', import.meta.url));
const BROWSER_MODULES = [
  'features/personal-report/personal-inputs.ts',
  'features/personal-report/personal-score.ts',
  'features/personal-report/person-tasks.ts',
  'features/personal-report/personal-edits.ts',
  'features/personal-report/report-params.ts',
  'features/personal-report/report-source.ts',
  'features/personal-report/coarse-time.ts',
  'presentation/personal-report/report-advice.ts',
  'presentation/personal-report/report-format.ts',
  'presentation/chart-geometry.ts',
  'presentation/glossary.ts',
  'presentation/personal-report/report-view.ts',
  'presentation/format.ts',
];
const PURE_METHODOLOGY = /^methodology\/(definition|score|explain|decimal)\.ts$/;

async function importsOf(file: string): Promise<{ path: string; typeOnly: boolean }[]> {
  const text = await readFile(`${SRC}${file}`, 'utf8');
  return [...text.matchAll(/^import (type )?[^;]*? from '([^']+)';/gms)].map((match) => ({
    path: resolve(dirname(`${SRC}${file}`), match[2]!).slice(SRC.length),
    typeOnly: Boolean(match[1]),
  }));
}

describe('the personal report engine runs in the browser', () => {
  it('imports only the methodology (without its zod schema) and its own browser modules', async () => {
    for (const file of BROWSER_MODULES) {
      for (const { path, typeOnly } of await importsOf(file)) {
        const allowed = PURE_METHODOLOGY.test(path) || BROWSER_MODULES.includes(path);
        expect(allowed || typeOnly, `${file} imports ${path}`).toBe(true);
      }
    }
  });
});
