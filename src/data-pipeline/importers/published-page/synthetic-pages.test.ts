import { describe, expect, it } from 'vitest';
import { AssessmentSchema, aijri1, scoreAssessment, validateAssessment } from '../../../methodology/index.ts';
import { comparePublishedFigures, parsePublishedPage, type PageImport } from './index.ts';
import { buildPage, figuresOf, type PageSpec } from './page-builder.test-support.ts';
import { bookkeeper, claimsSpecialist, dataEntryClerk, hospiceNurse } from './sample-pages.test-support.ts';


function imported(spec: PageSpec): Extract<PageImport, { ok: true }> {
  const result = parsePublishedPage(buildPage(spec));
  if (!result.ok) expect.fail(`the page did not import: ${JSON.stringify(result.problems, null, 2)}`);
  return result;
}

function expectFaithfulImport(spec: PageSpec): Extract<PageImport, { ok: true }> {
  const result = imported(spec);
  expect(result.published).toEqual(figuresOf(spec));
  expect(validateAssessment(result.assessment).ok).toBe(true);
  const score = scoreAssessment(AssessmentSchema.parse(result.assessment), aijri1);
  expect(comparePublishedFigures(result.published, score)).toEqual([]);
  return result;
}

describe('importing pages of the published layout', () => {
  it('a Yellow (Urgent) page with eight tasks, negative evidence and several aliases imports with every figure reproduced', () => {
    const { assessment } = expectFaithfulImport(claimsSpecialist);
    expect(assessment.tasks).toHaveLength(8);
    expect(assessment.role).toMatchObject({ slug: 'claims-processing-specialist', seniority: 'junior', category: 'Insurance Operations' });
    expect(assessment.role.aliases).toEqual(['Claims Processor', 'Claims Handler', 'Claims Administrator', 'Claims Technician']);
    expect(assessment.evidence.jobPostings).toMatchObject({ score: -1, text: '12% fewer postings than a year ago in an invented survey.' });
    expect(assessment.evidence.companyActions).toMatchObject({ score: 0, text: '2025 hiring plans stayed flat.' });
    expect(assessment.evidence.wages.score).toBe(-1);
  });

  it('a Red (Declining) page keeps a score-2 task labelled Not Involved, reads spaced barrier labels and lists its sources', () => {
    const { assessment } = expectFaithfulImport(dataEntryClerk);
    expect(assessment.role.aliases).toEqual([]);
    expect(assessment.role.seniority).toBe('entry-level');
    expect(assessment.growth.score).toBe(-2);
    expect(assessment.tasks[3]).toMatchObject({ name: 'Sort and file incoming post', score: 2, impact: 'not_involved' });
    expect(assessment.tasks.filter((task) => task.impact !== undefined)).toHaveLength(1);
    expect(assessment.barriers.physical.score).toBe(1);
    expect(assessment.sources).toEqual([{ title: 'Invented Labour Survey 2025', url: 'https://example.org/labour-survey' }, { title: 'Invented Wage Index' }]);
  });

  it('a Green (Stable) page with an assessor override takes the override as the score and the formula line as the formula score', () => {
    const { assessment, published } = expectFaithfulImport(hospiceNurse);
    expect(published).toMatchObject({ score: 72, formulaScore: 67.4, zone: 'Green', subLabel: 'Stable' });
    expect(assessment.override).toEqual({ score: 72, justification: expect.stringMatching(/^The formula undervalues bedside presence/) });
    expect(assessment.peerCheck?.peers).toEqual([
      { title: 'Registered Nurse', slug: 'registered-nurse', score: 70.1, note: 'acute settings' },
      { title: 'Palliative Care Physician', slug: 'palliative-care-physician', score: 75.3 },
    ]);
  });

  it.each([
    ['a bare score', '72.0 — '],
    ['the formula score it replaces', 'Adjusted from 67.4 to 72.0 — '],
  ])('an override written as %s is read the same way', (_form, prefix) => {
    const page = buildPage(hospiceNurse).replace('Assessor override: Adjusted to 72.0 — ', `Assessor override: ${prefix}`);
    const result = parsePublishedPage(page);
    expect(result.ok && result.published.override).toEqual(figuresOf(hospiceNurse).override);
  });

  it('task names ending in digits are taken from the breakdown list, not swallowed into the share', () => {
    const { assessment } = expectFaithfulImport(bookkeeper);
    expect(assessment.tasks.map((task) => [task.name, task.share])).toContainEqual(['Prepare IRS Form 1099', 10]);
    expect(assessment.tasks.map((task) => [task.name, task.share])).toContainEqual(['Run payroll batch 2', 5]);
  });

  it('without a breakdown list, the Weighted column tells where a name ending in digits stops', () => {
    const result = expectFaithfulImport({ ...bookkeeper, omitBreakdown: true });
    expect(result.assessment.tasks.map((task) => task.name)).toEqual(bookkeeper.tasks.map((task) => task.name));
    expect(result.warnings.join('\n')).toMatch(/no "Work Impact Breakdown" list/);
  });

  it('a deliberately wrong published figure is reported with both values at page precision', () => {
    const spec: PageSpec = { ...claimsSpecialist, figures: { ...claimsSpecialist.figures, raw: '2.7465', composition: ['27.5', '-2.0', '3.0', '2.3', '0.0'] } };
    const { assessment, published } = imported(spec);
    const mismatches = comparePublishedFigures(published, scoreAssessment(AssessmentSchema.parse(assessment), aijri1));
    expect(mismatches).toEqual([
      { figure: 'raw', published: '2.7465', computed: '2.7456' },
      { figure: 'composition.protective', published: '2.3', computed: '2.2' },
    ]);
  });

  it('a wrong Weighted cell is kept as published and reported, not silently corrected', () => {
    const tasks = claimsSpecialist.tasks.map((task, index) => (index === 1 ? { ...task, weighted: '0.57' } : task));
    const { assessment, published } = imported({ ...claimsSpecialist, tasks });
    expect(comparePublishedFigures(published, scoreAssessment(AssessmentSchema.parse(assessment), aijri1))).toEqual([{ figure: 'tasks[1].weighted', published: '0.57', computed: '0.75' }]);
  });
});

describe('reporting pages that cannot be imported', () => {
  const problemsOf = (text: string) => {
    const result = parsePublishedPage(text);
    if (result.ok) expect.fail('the page imported but should not have');
    return result.problems;
  };
  const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start)) + 1;

  it('an unknown seniority names its line and the levels that are expected', () => {
    const page = buildPage({ ...claimsSpecialist, seniority: 'Apprentice' });
    expect(problemsOf(page)).toContainEqual({
      line: lineOf(page, 'Seniority Level'),
      path: 'role.seniority',
      message: expect.stringMatching(/found seniority "Apprentice"; expected one of "All levels", "Intern", "Entry-level", "Junior", "Mid-level", "Mid-Senior"/),
    });
  });

  it('a page without a task table says what header it expected', () => {
    const page = buildPage(claimsSpecialist).replace(/^TaskTime.*$/m, 'Tasks follow');
    expect(problemsOf(page)).toContainEqual({ line: lineOf(page, 'Task Decomposition'), path: 'tasks', message: expect.stringMatching(/^no task table found; expected a header row/) });
  });

  it('shares that do not sum to 100 are reported against the task section', () => {
    const tasks = claimsSpecialist.tasks.map((task, index) => (index === 0 ? { ...task, share: 25, weighted: '1.00' } : task));
    const page = buildPage({ ...claimsSpecialist, tasks });
    expect(problemsOf(page)).toContainEqual({ line: lineOf(page, 'Task Decomposition'), path: 'tasks', message: 'shares sum to 105; they must sum to 100' });
  });

  it('a table row that disagrees with the breakdown list is reported on its line', () => {
    const page = buildPage(claimsSpecialist).replace('Key claim data into the policy system15%5', 'Key claim data into the policy system15%4');
    expect(problemsOf(page)).toContainEqual({
      line: lineOf(page, 'Key claim data into the policy system15%'),
      path: 'tasks[1]',
      message: expect.stringMatching(/gives "Key claim data into the policy system" 15%, 4\/5, displacement; expected the same as the Work Impact Breakdown list: 15%, 5\/5/),
    });
  });

  it('an evidence score outside -2..+2 is reported, never clipped', () => {
    const page = buildPage(claimsSpecialist).replace('Expert Consensus2', 'Expert Consensus3');
    expect(problemsOf(page)).toContainEqual({ line: lineOf(page, 'Expert Consensus3'), path: 'evidence.expertConsensus', message: expect.stringMatching(/found a score 3 .*; expected a whole number from -2 to 2/) });
  });

  it('an empty page reports what is missing instead of returning a partial assessment', () => {
    const problems = problemsOf('');
    expect(problems.map((problem) => problem.path)).toEqual(expect.arrayContaining(['role.title', 'role.seniority', 'tasks', 'evidence.wages', 'formulaScore', 'zone']));
  });
});
