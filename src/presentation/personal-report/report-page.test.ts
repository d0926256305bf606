import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadModel } from '../../features/read-model/read-model.ts';
import { resolveReportPage, resolveReportPdf } from './report-page.ts';
import { gatherReportPageInput, gatherReportPdfInput } from '../../features/personal-report/report-page-input.ts';
import { committedReadModel } from '../../features/personal-report/test-support/report-sources.ts';

let model: ReadModel;
beforeAll(async () => {
  model = await committedReadModel();
});

const at = (path: string) => new URL(path, 'http://localhost');
const pageAt = (path: string) => resolveReportPage(gatherReportPageInput(model, at(path).searchParams), at(path));
const pdfAt = (path: string) => resolveReportPdf(gatherReportPdfInput(model, at(path).searchParams), at(path));

describe('what /report shows for a URL', () => {
  it('without a role: a search whose results link to each role’s report', () => {
    const page = pageAt('/report?q=registered nurse');
    expect(page.kind).toBe('search');
    if (page.kind === 'search') expect(page.choices[0]).toMatchObject({ title: 'Registered Nurses', href: '/report?role=registered-nurses/all-levels' });
  });

  it('an unknown role: not found, with roles like it to choose from', () => {
    const page = pageAt('/report?role=registered-nurse/senior');
    expect(page).toMatchObject({ kind: 'not-found', query: 'registered nurse' });
  });

  it('a plain form submission: a redirect to the compact address', () => {
    expect(pageAt('/report?role=multimodal-ai-engineer%2Fmid-level&s1=20&s2=25&s3=5&s4=15&s5=15&s6=20&design=0&ctx=union')).toEqual({
      kind: 'redirect',
      location: '/report?role=multimodal-ai-engineer/mid-level&t=3:5,6:20&ctx=union',
    });
  });

  it('the compact address: the report, without a redirect', () => {
    const page = pageAt('/report?role=multimodal-ai-engineer/mid-level&t=3:5,6:20&ctx=union');
    expect(page.kind).toBe('report');
    if (page.kind === 'report') expect(page.view.result?.score).toBe('70.7');
  });

  it('bad inputs: the report page with the problems, never a redirect', () => {
    const page = pageAt('/report?role=multimodal-ai-engineer/mid-level&t=1:abc');
    expect(page.kind).toBe('report');
    if (page.kind === 'report') expect(page.view.problems[0]?.message).toMatch(/must be a number of percent/);
  });

  it('a seniority the role is not assessed at: the role’s own seniority, with a notice', () => {
    const page = pageAt('/report?role=registered-nurses/senior');
    expect(page.kind === 'report' && page.notices).toEqual(['Registered Nurses is not assessed at "senior"; the report starts from All levels.']);
  });

  it('the PDF of bad inputs goes back to the form', () => {
    expect(pdfAt('/report.pdf?role=multimodal-ai-engineer/mid-level&t=1:15')).toEqual({ kind: 'redirect', location: '/report?role=multimodal-ai-engineer/mid-level&t=1:15' });
    expect(pdfAt('/report.pdf?role=nobody/mid-level').kind).toBe('not-found');
  });
});

describe('coarse choices sent by the plain form', () => {
  it('redirect to the compact address and score the chosen split', () => {
    const form = pageAt('/report?role=multimodal-ai-engineer%2Fmid-level&c1=&c2=&c3=&c4=&c5=&c6=most&design=0');
    expect(form).toEqual({ kind: 'redirect', location: '/report?role=multimodal-ai-engineer/mid-level&c=6:most' });
    const page = pageAt('/report?role=multimodal-ai-engineer/mid-level&c=6:most');
    expect(page.kind === 'report' && Number(page.view.result?.score)).toBeGreaterThan(64);
  });
});
