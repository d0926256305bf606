import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, type PageSpec } from '../../data-pipeline/importers/published-page/page-builder.test-support.ts';
import { claimsSpecialist } from '../../data-pipeline/importers/published-page/sample-pages.test-support.ts';
import { readAssessmentFile } from '../../features/assessments/assessment-files.ts';
import { buildRolePage } from '../../presentation/assessment-page/role-page.ts';
import { gatherRolePageInput } from '../../features/assessment-page/role-page-input.ts';
import { readModelFromCatalog } from '../../features/assessment-page/test-support/catalog-read-model.ts';
import { resolveReportPage } from '../../presentation/personal-report/report-page.ts';
import { gatherReportPageInput } from '../../features/personal-report/report-page-input.ts';
import type { Assessment } from '../../methodology/index.ts';
import { runCaptured } from '../test-support/capture-io.ts';

/** An invented Mid-Senior page: Yellow (Urgent), figures worked out by hand. */
// The claims page of the importer's tests, published at a combined seniority level and without aliases or evidence text.
const midSeniorPage: PageSpec = { ...claimsSpecialist, title: 'Claims Operations Analyst', seniority: 'Mid-Senior', aliasLine: undefined, evidenceText: undefined };

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'jobzone-seniority-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function importPage(spec: PageSpec, name: string): Promise<{ stderr: string; file: string }> {
  const page = join(scratch, `${name}.txt`);
  const file = join(scratch, `${name}.yaml`);
  await writeFile(page, buildPage(spec));
  const { code, stderr } = await runCaptured(['import-page', page, '-o', file]);
  expect(code, stderr).toBe(0);
  return { stderr, file };
}

describe('a published page at a seniority beyond the single levels', () => {
  it('imports a Mid-Senior page with the slug mid-senior and scores it', async () => {
    const { stderr, file } = await importPage(midSeniorPage, 'mid-senior');
    expect(stderr).toContain('Imported Claims Operations Analyst (Mid-Senior): 8 tasks');
    expect(stderr).toContain('every published figure is reproduced');
    const scored = await runCaptured(['score', file, '--json']);
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.stdout)).toMatchObject({ score: 27.8, label: 'Yellow (Urgent)' });
    expect((await runCaptured(['score', file])).stdout).toContain('Mid-Senior');
    expect((await runCaptured(['validate', file])).code).toBe(0);
  });

  it('imports Senior/Lead, Intern, Staff and Director pages', async () => {
    for (const [seniority, slug] of [['Senior/Lead', 'senior-lead'], ['Intern', 'intern'], ['Staff', 'staff'], ['Director', 'director']] as const) {
      const { file } = await importPage({ ...midSeniorPage, seniority }, slug.replace('/', '-'));
      const parsed = await readAssessmentFile(file);
      expect(parsed.ok && parsed.assessment.role.seniority).toBe(slug);
    }
  });

  it('still refuses a seniority no page uses, listing the accepted ones', async () => {
    const page = join(scratch, 'wizard.txt');
    await writeFile(page, buildPage({ ...midSeniorPage, seniority: 'Wizard' }));
    const { code, stderr } = await runCaptured(['import-page', page]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/wizard\.txt:\d+: role\.seniority: found seniority "Wizard"; expected one of "All levels", "Intern", "Entry-level", "Junior", "Mid-level", "Mid-Senior", "Senior", "Senior\/Lead", "Lead", "Staff", "Principal", "Director", "Executive", or two of them combined/);
  });

  it('gets its own address, and the switcher and the personal report list it in career order', async () => {
    const { file } = await importPage(midSeniorPage, 'ordered');
    const parsed = await readAssessmentFile(file);
    if (!parsed.ok) throw new Error('the imported file is invalid');
    const at = (seniority: string): Assessment => ({ ...parsed.assessment, role: { ...parsed.assessment.role, seniority } });
    const model = await readModelFromCatalog({ onlyBaselines: [], extraExperts: [at('senior-lead'), at('mid-senior'), at('entry-level'), at('senior'), at('mid-level')] });
    const result = buildRolePage(gatherRolePageInput(model, 'claims-operations-analyst', 'mid-senior'));
    if (result.status !== 200) throw new Error(result.view.heading);
    expect(result.view.meta.canonicalPath).toBe('/roles/claims-operations-analyst/mid-senior');
    expect(result.view.seniorities.map((level) => [level.label, level.href])).toEqual([
      ['Entry-level', '/roles/claims-operations-analyst/entry-level'],
      ['Mid-level', '/roles/claims-operations-analyst/mid-level'],
      ['Mid-Senior', '/roles/claims-operations-analyst/mid-senior'],
      ['Senior', '/roles/claims-operations-analyst/senior'],
      ['Senior/Lead', '/roles/claims-operations-analyst/senior-lead'],
    ]);
    const address = new URL('http://localhost/report?role=claims-operations-analyst/mid-senior');
    const report = resolveReportPage(gatherReportPageInput(model, address.searchParams), address);
    if (report.kind !== 'report') throw new Error(`the report page is a ${report.kind}`);
    expect(report.view.seniorityLabel).toBe('Mid-Senior');
    expect(report.source.bases.map((base) => base.label)).toEqual(['Entry-level', 'Mid-level', 'Mid-Senior', 'Senior', 'Senior/Lead']);
  });
});
