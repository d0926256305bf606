import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { directImportsOf } from '../store/test-support/import-graph.ts';

const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname });

async function importViolations(from: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('the layers import downwards only (lint)', () => {
  it('a feature never imports an interface or the presentation, and no feature module is exempt', async () => {
    for (const folder of ['web', 'cli', 'server', 'jobs', 'mcp', 'presentation']) {
      expect(await importViolations(`../../${folder}/anything.ts`, 'src/features/open-data/api-catalog.ts'), folder).toHaveLength(1);
    }
    expect(await importViolations('../read-model/read-model.ts', 'src/features/open-data/api-catalog.ts')).toEqual([]);
  });

  it('feature tests may wire in presentation, never an interface', async () => {
    expect(await importViolations('../../presentation/mail/site-mail.ts', 'src/features/mail/delivery.test.ts')).toEqual([]);
    expect(await importViolations('../../server/web-server.ts', 'src/features/mail/delivery.test.ts')).toHaveLength(1);
  });

  it('presentation never imports an interface but reads the features', async () => {
    for (const folder of ['web', 'cli', 'server', 'jobs', 'mcp']) {
      expect(await importViolations(`../../${folder}/anything.ts`, 'src/presentation/site-pages/search-view.ts'), folder).toHaveLength(1);
    }
    expect(await importViolations('../../features/read-model/read-model.ts', 'src/presentation/site-pages/search-view.ts')).toEqual([]);
  });

  it('a view builder that takes gathered data cannot read the read model, yet may use its entry types', async () => {
    const view = 'src/presentation/history-pages/history-view.ts';
    const lint = async (source: string, filePath: string) => {
      const [result] = await eslint.lintText(`${source}\nexport type Y = unknown;\n`, { filePath });
      return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
    };
    expect(await lint(`import type { ReadModel } from '../../features/read-model/read-model.ts';`, view)).toHaveLength(1);
    expect(await lint(`import { findAssessment } from '../../features/read-model/read-model.queries.ts';`, view)).toHaveLength(1);
    expect(await lint(`import type { AssessmentEntry } from '../../features/read-model/read-model.ts';`, view)).toEqual([]);
    expect(await lint(`import { x } from '../../server/anything.ts';`, view)).toHaveLength(1);
    // Every section builder of the assessment page is held to it; its tests are not.
    expect(await lint(`import type { ReadModel } from '../../features/read-model/read-model.ts';`, 'src/presentation/assessment-page/header-view.ts')).toHaveLength(1);
    expect(await lint(`import type { ReadModel } from '../../features/read-model/read-model.ts';`, 'src/presentation/assessment-page/header-view.test.ts')).toEqual([]);
    // The personal report's page builder is held to it; the rest of the presentation keeps the ordinary rule.
    expect(await lint(`import type { ReadModel } from '../../features/read-model/read-model.ts';`, 'src/presentation/personal-report/report-page.ts')).toHaveLength(1);
    expect(await lint(`import type { ReadModel } from '../../features/read-model/read-model.ts';`, 'src/presentation/personal-report/report-view.ts')).toEqual([]);
  });
});

describe('views built from gathered data (ADR 0124)', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const gathered = ['open-data/embed-view.ts', 'history-pages/history-view.ts', 'history-pages/diff-view.ts', 'site-pages/home-view.ts', 'site-pages/browse-view.ts', 'site-pages/compare-view.ts', 'site-pages/rankings-view.ts', 'history-pages/movers-view.ts', 'site-pages/sitemap.ts', 'site-pages/search-view.ts', 'site-pages/about-data-view.ts', 'feeds/feeds.ts', 'feeds/feed-response.ts', 'open-data/embed-answers.ts',
    'site-pages/methodology-view.ts', 'open-data/api-reference-view.ts', 'open-data/data-page-view.ts', 'history-pages/role-updates-view.ts', 'personal-report/report-page.ts',
    // Every module of the assessment page: its builder and each section builder.
    ...readdirSync(join(root, 'src/presentation/assessment-page')).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => `assessment-page/${name}`),
  ];

  it('import neither the ReadModel type nor the read-model queries, and pass lint as they stand', async () => {
    expect(gathered).toContain('assessment-page/assessment-view.ts');
    expect(gathered).toContain('assessment-page/header-view.ts');
    for (const name of gathered) {
      const file = join(root, 'src/presentation', name);
      const imported = directImportsOf(file).map((target) => relative(root, target));
      expect(imported, name).not.toContain('src/features/read-model/read-model.queries.ts');
      expect(readFileSync(file, 'utf8'), name).not.toMatch(/\bReadModel\b/);
      const [result] = await eslint.lintFiles([file]);
      expect(result?.messages.filter((message) => message.ruleId === 'no-restricted-imports'), name).toEqual([]);
    }
  });
});

describe('the layers import downwards only (the whole import graph)', () => {
  const srcRoot = fileURLToPath(new URL('../', import.meta.url));
  const isProductionModule = (file: string) => /\.tsx?$/.test(file) && !/\.test\.tsx?$|\.test-support\.ts$|\/test-support\//.test(file);
  const modules = readdirSync(srcRoot, { recursive: true, encoding: 'utf8' })
    .map((name) => join(srcRoot, name))
    .filter(isProductionModule);
  const imports = new Map<string, string[]>();
  const importsOf = (file: string) => {
    let found = imports.get(file);
    if (!found) imports.set(file, (found = existsSync(file) ? directImportsOf(file) : []));
    return found;
  };
  // What each module reaches, types included, through production modules only.
  const reachable = (start: string) => {
    const seen = new Set<string>();
    const pending = [...importsOf(start)];
    while (pending.length > 0) {
      const next = pending.pop() as string;
      if (seen.has(next) || !isProductionModule(next)) continue;
      seen.add(next);
      pending.push(...importsOf(next));
    }
    return seen;
  };
  const inFolder = (folders: readonly string[]) => (file: string) => folders.some((folder) => file.startsWith(join(srcRoot, folder, '/')));
  const offenders = (layer: string, forbidden: readonly string[]) => {
    const isForbidden = inFolder(forbidden);
    return modules
      .filter(inFolder([layer]))
      .flatMap((file) => [...reachable(file)].filter(isForbidden).slice(0, 1).map((target) => `${relative(srcRoot, file)} → ${relative(srcRoot, target)}`));
  };

  it('no feature reaches an interface or the presentation, even through another module', () => {
    // The graph is read, not empty: the server does reach the features and the presentation.
    expect(offenders('server', ['features']).length).toBeGreaterThan(10);
    expect(offenders('server', ['presentation']).length).toBeGreaterThan(0);
    expect(offenders('features', ['web', 'cli', 'server', 'jobs', 'mcp', 'presentation'])).toEqual([]);
  });

  it('no presentation module reaches an interface', () => {
    expect(offenders('presentation', ['web', 'cli', 'server', 'jobs', 'mcp'])).toEqual([]);
  });

  it('the methodology reaches nothing outside itself', () => {
    const isOutside = (file: string) => !inFolder(['methodology'])(file);
    const leaks = modules.filter(inFolder(['methodology'])).flatMap((file) => [...reachable(file)].filter(isOutside).map((target) => `${relative(srcRoot, file)} → ${relative(srcRoot, target)}`));
    expect(leaks).toEqual([]);
  });
});
