import { describe, expect, it } from 'vitest';
import { AssessmentSchema, scoreAssessment, validateAssessment } from '../../../methodology/index.ts';
import { comparePublishedFigures, parsePublishedPage, type PageImport } from './index.ts';
import { buildPage, figuresOf, type PageSpec } from './page-builder.test-support.ts';

/** Yellow (Urgent): 8 tasks, negative evidence whose text starts with digits, several aliases. */
const claimsSpecialist: PageSpec = {
  title: 'Claims Processing Specialist',
  seniority: 'Junior',
  category: 'Insurance Operations',
  zone: 'YELLOW',
  subLabel: 'Urgent',
  aliasLine: 'Also known as: Claims Processor, Claims Handler; Claims Administrator · Claims Technician',
  protective: [0, 1, 1],
  growth: 0,
  tasks: [
    { name: 'Review incoming claim forms for completeness', share: 20, score: 4, weighted: '0.80', label: 'Displaced' },
    { name: 'Key claim data into the policy system', share: 15, score: 5, weighted: '0.75', label: 'Displaced' },
    { name: 'Verify coverage against policy terms', share: 15, score: 4, weighted: '0.60', label: 'Displaced' },
    { name: 'Request missing documents from claimants', share: 10, score: 3, weighted: '0.30', label: 'Augmented' },
    { name: 'Flag suspicious claims for investigation', share: 10, score: 3, weighted: '0.30', label: 'Augmented' },
    { name: 'Explain claim decisions to policyholders', share: 10, score: 2, weighted: '0.20', label: 'Augmented' },
    { name: 'Resolve disputed claims with adjusters', share: 10, score: 2, weighted: '0.20', label: 'Augmented' },
    { name: 'Coach new starters on claim handling', share: 10, score: 1, weighted: '0.10', label: 'Not Involved' },
  ],
  evidence: [-1, 0, -1, -1, 2],
  evidenceText: { 0: '12% fewer postings than a year ago in an invented survey.', 1: '2025 hiring plans stayed flat.', 2: 'Real wages fell slightly.' },
  barriers: [1, 0, 0, 1, 0],
  figures: {
    exposure: '3.25',
    resistance: '2.75',
    split: [50, 40, 10],
    evidenceModifier: '0.96',
    barrierModifier: '1.04',
    growthModifier: '1.00',
    raw: '2.7456',
    formulaScore: '27.8',
    score: '27.8',
    composition: ['27.5', '-2.0', '3.0', '2.2', '0.0'],
    shareAtLeast3: 70,
    shareAtLeast4: 50,
    quickScreen: 'Likely Yellow Zone',
    subLabelRule: '50% of task time scores 4+ (>= 40%)',
  },
};

/** Red (Declining): negative growth, a score-2 task labelled Not Involved, no "Also known as" line. */
const dataEntryClerk: PageSpec = {
  title: 'Data Entry Clerk',
  seniority: 'Entry-level',
  category: 'Administrative Support',
  zone: 'RED',
  subLabel: 'Declining',
  protective: [1, 0, 0],
  growth: -2,
  tasks: [
    { name: 'Transcribe paper records into spreadsheets', share: 35, score: 5, weighted: '1.75', label: 'Displaced' },
    { name: 'Validate entries against source documents', share: 25, score: 4, weighted: '1.00', label: 'Displaced' },
    { name: 'Reformat exported reports', share: 20, score: 5, weighted: '1.00', label: 'Displaced' },
    { name: 'Sort and file incoming post', share: 10, score: 2, weighted: '0.20', label: 'Not Involved' },
    { name: 'Answer colleague questions about records', share: 10, score: 3, weighted: '0.30', label: 'Augmented' },
  ],
  evidence: [-2, -1, -1, -2, -2],
  barriers: [0, 1, 0, 0, 0],
  spacedBarrierLabels: true,
  sources: ['• Invented Labour Survey 2025 — https://example.org/labour-survey', 'Invented Wage Index'],
  figures: {
    exposure: '4.25',
    resistance: '1.75',
    split: [80, 10, 10],
    evidenceModifier: '0.68',
    barrierModifier: '1.02',
    growthModifier: '0.90',
    raw: '1.0924',
    formulaScore: '7.0',
    score: '7.0',
    composition: ['17.5', '-16.0', '1.5', '1.1', '-5.0'],
    shareAtLeast3: 90,
    shareAtLeast4: 80,
    quickScreen: 'Likely Red Zone',
    subLabelRule: 'Growth Correlation -2 <= -1',
  },
};

/** Green (Stable) with an assessor override of its own score and justification naming peers. */
const hospiceNurse: PageSpec = {
  title: 'Hospice Nurse',
  seniority: 'Senior',
  category: 'Healthcare',
  zone: 'GREEN',
  subLabel: 'Stable',
  protective: [3, 3, 3],
  growth: 0,
  tasks: [
    { name: 'Assess patient symptoms at the bedside', share: 30, score: 1, weighted: '0.30', label: 'Not Involved' },
    { name: 'Support families through end-of-life decisions', share: 25, score: 1, weighted: '0.25', label: 'Not Involved' },
    { name: 'Adjust pain management plans with physicians', share: 20, score: 2, weighted: '0.40', label: 'Augmented' },
    { name: 'Document visits in the care record', share: 15, score: 3, weighted: '0.45', label: 'Augmented' },
    { name: 'Coordinate equipment and medication deliveries', share: 10, score: 3, weighted: '0.30', label: 'Augmented' },
  ],
  evidence: [1, 1, 1, 0, 1],
  barriers: [2, 2, 1, 2, 2],
  figures: {
    exposure: '1.70',
    resistance: '4.30',
    split: [0, 45, 55],
    evidenceModifier: '1.16',
    barrierModifier: '1.18',
    growthModifier: '1.00',
    raw: '5.8858',
    formulaScore: '67.4',
    score: '72.0',
    composition: ['43.0', '8.0', '13.5', '10.0', '0.0'],
    shareAtLeast3: 25,
    quickScreen: 'Likely Green Zone',
    subLabelRule: 'less than 40% of task time scores 3+ (25%)',
  },
  override: 'Adjusted to 72.0 — The formula undervalues bedside presence at the end of life; Registered Nurse (70.1, acute settings) and Palliative Care Physician (75.3) bracket this role.',
};

/** Red (Declining) with task names ending in digits, glued to their shares in the table. */
const bookkeeper: PageSpec = {
  title: 'Bookkeeper',
  seniority: 'Mid-level',
  category: 'Finance & Accounting',
  zone: 'RED',
  subLabel: 'Declining',
  protective: [0, 1, 1],
  growth: -1,
  tasks: [
    { name: 'Reconcile bank statements', share: 30, score: 4, weighted: '1.20', label: 'Displaced' },
    { name: 'Prepare IRS Form 1099', share: 10, score: 2, weighted: '0.20', label: 'Augmented' },
    { name: 'Post journal entries', share: 20, score: 5, weighted: '1.00', label: 'Displaced' },
    { name: 'Run payroll batch 2', share: 5, score: 4, weighted: '0.20', label: 'Displaced' },
    { name: 'Chase late invoices', share: 15, score: 3, weighted: '0.45', label: 'Augmented' },
    { name: 'Advise owners on cash flow', share: 20, score: 2, weighted: '0.40', label: 'Augmented' },
  ],
  evidence: [-1, -1, 0, -2, -1],
  barriers: [1, 0, 0, 1, 0],
  figures: {
    exposure: '3.45',
    resistance: '2.55',
    split: [55, 45, 0],
    evidenceModifier: '0.80',
    barrierModifier: '1.04',
    growthModifier: '0.95',
    raw: '2.0155',
    formulaScore: '18.6',
    score: '18.6',
    composition: ['25.5', '-10.0', '3.0', '2.2', '-2.5'],
    shareAtLeast3: 70,
    shareAtLeast4: 55,
    quickScreen: 'Likely Yellow Zone',
    subLabelRule: 'Growth Correlation -1 <= -1',
  },
};

function imported(spec: PageSpec): Extract<PageImport, { ok: true }> {
  const result = parsePublishedPage(buildPage(spec));
  if (!result.ok) expect.fail(`the page did not import: ${JSON.stringify(result.problems, null, 2)}`);
  return result;
}

function expectFaithfulImport(spec: PageSpec): Extract<PageImport, { ok: true }> {
  const result = imported(spec);
  expect(result.published).toEqual(figuresOf(spec));
  expect(validateAssessment(result.assessment).ok).toBe(true);
  const score = scoreAssessment(AssessmentSchema.parse(result.assessment));
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
    const mismatches = comparePublishedFigures(published, scoreAssessment(AssessmentSchema.parse(assessment)));
    expect(mismatches).toEqual([
      { figure: 'raw', published: '2.7465', computed: '2.7456' },
      { figure: 'composition.protective', published: '2.3', computed: '2.2' },
    ]);
  });

  it('a wrong Weighted cell is kept as published and reported, not silently corrected', () => {
    const tasks = claimsSpecialist.tasks.map((task, index) => (index === 1 ? { ...task, weighted: '0.57' } : task));
    const { assessment, published } = imported({ ...claimsSpecialist, tasks });
    expect(comparePublishedFigures(published, scoreAssessment(AssessmentSchema.parse(assessment)))).toEqual([{ figure: 'tasks[1].weighted', published: '0.57', computed: '0.75' }]);
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
