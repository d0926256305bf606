import { beforeAll, describe, expect, it } from 'vitest';
import { AssessmentSchema, type Assessment } from '../../methodology/index.ts';
import type { ReadModel } from '../../features/read-model/read-model.ts';
import { buildAssessmentPageView, type AssessmentPageView } from './assessment-view.ts';
import { buildRolePage } from './role-page.ts';
import { gatherAssessmentPageInput } from '../../features/assessment-page/assessment-page-input.ts';
import { gatherRolePageInput } from '../../features/assessment-page/role-page-input.ts';
import { committedCatalog, readModelFromCatalog } from '../../features/assessment-page/test-support/catalog-read-model.ts';

/** Another AI/ML Engineering role made from the worked example with a few judgements changed. */
function variantOf(example: Assessment, slug: string, title: string, change: (document: Assessment) => void): Assessment {
  const document = AssessmentSchema.parse(structuredClone(example));
  document.role = { ...document.role, slug, title, notThisRole: [], aliases: [] };
  change(document);
  return document;
}

function pageOf(model: ReadModel, slug: string, seniority?: string): AssessmentPageView {
  const result = buildRolePage(gatherRolePageInput(model, slug, seniority));
  if (result.status !== 200) throw new Error(`${slug} did not resolve: ${result.view.heading}`);
  return result.view;
}

describe('the assessment page of the worked example (Multimodal AI Engineer, Mid-level)', () => {
  let model: ReadModel;
  let page: AssessmentPageView;

  beforeAll(async () => {
    const catalog = await committedCatalog();
    const example = catalog.experts.find((file) => file.assessment.role.slug === 'multimodal-ai-engineer')?.assessment;
    if (!example) throw new Error('the worked example is missing from content/assessments');
    model = await readModelFromCatalog({
      onlyBaselines: ['computer-and-information-research-scientists', 'roofers'],
      extraExperts: [
        // Evidence +9: 66.2. One 20% task from 2 to 3: 60.2. Growth 0: 57.6. Every task at 4: 32.0.
        variantOf(example, 'ml-ai-engineer', 'ML/AI Engineer', (document) => void (document.evidence.wages.score = 2)),
        variantOf(example, 'ai-agent-builder', 'AI Agent Builder', (document) => void (document.tasks[0]!.score = 3)),
        variantOf(example, 'ai-trainer', 'AI Trainer', (document) => void (document.growth.score = 0)),
        variantOf(example, 'prompt-engineer', 'Prompt Engineer', (document) => document.tasks.forEach((task) => (task.score = 4))),
      ],
    });
    page = pageOf(model, 'multimodal-ai-engineer', 'mid-level');
  });

  it('leads with zone, sub-label, the range and the score', () => {
    expect(page.headline.text).toBe('Green (Accelerated), 59.2–68.9 · 64.0/100');
    expect(page.headline).toMatchObject({ zone: 'Green', zoneClass: 'green', word: 'PROTECTED', subLabel: 'Accelerated', subLabelShown: 'Accelerated', scoreText: '64.0', rangeText: '59.2–68.9', borderline: null, overridden: false });
  });

  it('is titled as a question with seniority, score and label, with its canonical address', () => {
    expect(page.meta).toMatchObject({
      title: 'Will AI replace Multimodal AI Engineer? Mid-level — AIJRI 64.0 (Green, Accelerated)',
      canonicalPath: '/roles/multimodal-ai-engineer/mid-level',
      ogType: 'article',
    });
    expect(page.meta.description).toMatch(/^Multimodal AI Engineer \(Mid-level\): Green \(Accelerated\), 59\.2–68\.9 · 64\.0\/100\. Every product that joins vision/);
  });

  it('shows each dimension on its range at a glance', () => {
    expect(page.glance.map((row) => [row.key, row.valueText, row.rangeText])).toEqual([
      ['taskResistance', '3.65', '1 to 5'],
      ['evidence', '+8', '−10 to +10'],
      ['barriers', '3', '0 to 10'],
      ['protective', '2', '0 to 9'],
      ['growth', '+2', '−2 to +2'],
    ]);
    expect(page.glance[1]?.bar).toMatchObject({ diverging: true, valueX: 90 });
  });

  it('shows the composition profile and says it does not add up to the score', () => {
    expect(page.composition.rows.map((row) => row.valueText)).toEqual(['36.5', '16.0', '4.5', '2.2', '5.0']);
    expect(page.composition.sumText).toBe('64.2');
    expect(page.composition.note).toContain('add up to 64.2, not 64.0');
  });

  it('writes out the task decomposition with its totals and the task-resistance calculation', () => {
    expect(page.tasks.rows).toHaveLength(6);
    expect(page.tasks.rows[1]).toMatchObject({ shareText: '25%', score: 2, weightedText: '0.50', impactWord: 'Augmentation' });
    expect(page.tasks.rows[5]).toMatchObject({ score: 1, impactWord: 'Not involved' });
    expect(page.tasks).toMatchObject({ shareTotalText: '100%', exposureText: '2.35', resistanceLine: 'Task Resistance Score: 6.00 − 2.35 = 3.65/5.0' });
    expect(page.split).toMatchObject({ displacement: 0, augmentation: 90, notInvolved: 10, shareAtLeast3: 45 });
    expect(page.split.sentence).toBe('Displacement/Augmentation split: 0% displacement, 90% augmentation, 10% not involved.');
  });

  it('writes the composite formula out as the CLI prints it', () => {
    expect(page.composite.inputs).toEqual([
      { label: 'Task Resistance Score', value: '3.65/5.0' },
      { label: 'Evidence Modifier', value: '1.0 + (8 × 0.04) = 1.32' },
      { label: 'Barrier Modifier', value: '1.0 + (3 × 0.02) = 1.06' },
      { label: 'Growth Modifier', value: '1.0 + (2 × 0.05) = 1.10' },
    ]);
    expect(page.composite.rawLine).toBe('Raw: 3.65 × 1.32 × 1.06 × 1.10 = 5.6178');
    expect(page.composite.scoreLine).toBe('JobZone Score: (5.6178 − 0.54) / 7.93 × 100 = 64.0/100');
    expect(page.composite.zoneLine).toBe('Zone: GREEN (Green ≥ 48, Yellow 25–47, Red < 25)');
    expect(page.composite.clampNote).toBeNull();
  });

  it('states the sub-label rule that fired with its figures, and the quick screen agreeing', () => {
    expect(page.subLabel.label).toBe('Green (Accelerated)');
    expect(page.subLabel.rule).toBe('Growth Correlation = 2 AND AIJRI ≥ 48');
    expect(page.subLabel.rows).toContainEqual({ metric: 'Share of task time scoring 3+', value: '45%' });
    expect(page.quickScreen).toMatchObject({ protective: 2, growth: 2, sum: 4, line: 'Protective 2 + Correlation 2 = 4', label: 'Likely Green Zone (Accelerated)', agrees: true });
  });

  it('flags a quick screen that disagrees with the full zone', () => {
    const trainer = pageOf(model, 'ai-trainer');
    expect(trainer.quickScreen).toMatchObject({ label: 'Likely Yellow Zone', agrees: false, fullLabel: 'Green (Transforming)' });
    expect(trainer.quickScreen.sentence).toContain('flagged for a second look');
  });

  it('shows the uncertainty band 59.2–68.9 and that the zone holds', () => {
    expect(page.band).toMatchObject({ lowText: '59.2', highText: '68.9', zoneStable: true });
    expect(page.band.scale.band).toMatchObject({ from: 59.2, to: 68.9 });
    expect(page.band.sentence).toContain('The zone holds');
  });

  it('lists what moves the score most, the 25% task first, and the protective principles as outside the formula', () => {
    const [first] = page.sensitivity.top;
    expect(first).toMatchObject({ group: 'Task, 25% of time', label: 'Implement and train multimodal models (VLMs, audio-visual, embeddings)', valueText: '2' });
    expect(first?.up).toMatchObject({ toValueText: '3', scoreText: '59.2', deltaText: '−4.8', zoneChanges: false });
    expect(first?.down).toMatchObject({ toValueText: '1', scoreText: '68.9', deltaText: '+4.9' });
    expect(page.sensitivity.protective.map((row) => row.label)).toEqual(['Embodied Physicality', 'Deep Interpersonal Connection', 'Goal-Setting & Moral Judgment']);
    expect([...page.sensitivity.top, ...page.sensitivity.rest].some((row) => row.group === 'Protective principle')).toBe(false);
  });

  it('finds the nearest assessed roles in the category live, with their current scores', () => {
    expect(page.override).toMatchObject({ accepted: true, line: 'Assessor override: none — formula score accepted.', categoryName: 'AI/ML Engineering' });
    expect(page.override.livePeers.map((peer) => [peer.title, peer.scoreText, peer.href])).toEqual([
      ['ML/AI Engineer', '66.2', '/roles/ml-ai-engineer/mid-level'],
      ['AI Agent Builder', '60.2', '/roles/ai-agent-builder/mid-level'],
      ['AI Trainer', '57.6', '/roles/ai-trainer/mid-level'],
    ]);
    const quoted = page.override.quotedPeers.find((peer) => peer.title === 'AI Agent Architect');
    expect(quoted).toMatchObject({ quotedScoreText: '65.0', current: null });
  });

  it('links what the role is NOT to those roles with their current score, or says they are not yet assessed', () => {
    const byTitle = new Map(page.definition.notThisRole.map((row) => [row.title, row]));
    expect(byTitle.get('ML/AI Engineer')).toMatchObject({ quotedScoreText: '68.2', current: { href: '/roles/ml-ai-engineer/mid-level', scoreText: '66.2', word: 'PROTECTED' } });
    expect(byTitle.get('Computer Vision Engineer')).toMatchObject({ current: null, searchHref: '/search?q=Computer%20Vision%20Engineer' });
  });

  it('links the matched O*NET occupation to its baseline page and shows its published data', () => {
    expect(page.onet).toMatchObject({ code: '15-1221.00', title: 'Computer and Information Research Scientists', baseline: { href: '/roles/computer-and-information-research-scientists/all-levels' } });
    expect(page.labour?.note).toContain('Computer and Information Research Scientists');
    expect(page.indices?.rows.length).toBeGreaterThan(0);
  });

  it('renders the numbered growth check as a list and names methodology, review date and the personal report', () => {
    expect(page.growthCheckHtml).toMatch(/^<p>Confirmed at \+2, because the dependency on AI adoption is direct:<\/p>\n<ol><li>Every multimodal product/);
    expect(page.methodology).toMatchObject({ version: 'aijri-1', reviewedText: 'Last reviewed 23 November 2026', reviewedIso: '2026-11-23' });
    expect(page.reportHref).toBe('/report?role=multimodal-ai-engineer/mid-level');
    expect(page.baseline).toBeNull();
    expect(page.commentary?.whatTheNumbersMiss).toHaveLength(4);
    expect(page.commentary?.roleInFuture?.year).toBe(2028);
  });

  it('offers a seniority switcher only when several seniorities are assessed', async () => {
    expect(page.seniorities).toEqual([]);
    const catalog = await committedCatalog();
    const example = catalog.experts[0]!.assessment;
    const junior = AssessmentSchema.parse({ ...structuredClone(example), role: { ...structuredClone(example.role), seniority: 'junior' }, growth: { score: 1, rationale: 'Less demand pull at junior level.' } });
    const withJunior = await readModelFromCatalog({ onlyBaselines: [], extraExperts: [junior] });
    const switcher = pageOf(withJunior, 'multimodal-ai-engineer').seniorities;
    expect(switcher.map((level) => [level.label, level.href, level.current])).toEqual([
      ['Junior', '/roles/multimodal-ai-engineer/junior', false],
      ['Mid-level', '/roles/multimodal-ai-engineer/mid-level', true],
    ]);
  });

  it('lists the sources its evidence names when the assessment lists none of its own', () => {
    expect(page.sourcesFromEvidence).toBe(true);
    expect(page.sources.map((source) => source.title)).toContain('Kaggle AI Jobs dataset 2025–2026');
  });

  it('puts band, wages, employment, projected change and the O*NET code among the key figures', () => {
    expect(page.keyFacts.map((fact) => fact.label)).toEqual(['Uncertainty band', 'Median wage (US)', 'Employed (US, 2024)', 'Projected change to 2034', 'O*NET occupation']);
    expect(page.keyFacts[0]).toEqual({ label: 'Uncertainty band', value: '59.2–68.9', note: 'zone holds' });
  });

  it('compares with the O*NET group the role maps to while its own category has no other role', async () => {
    const alone = await readModelFromCatalog({ onlyBaselines: ['computer-and-information-research-scientists', 'data-scientists', 'computer-programmers', 'roofers'] });
    const view = pageOf(alone, 'multimodal-ai-engineer');
    expect(view.override.peerGroup).toBe('Computer and Mathematical');
    expect(view.override.livePeers.map((peer) => peer.title).sort()).toEqual(['Computer Programmers', 'Computer and Information Research Scientists', 'Data Scientists']);
    expect(page.override.peerGroup).toBe('AI/ML Engineering');
  });

  it('serves the default seniority at /roles/<slug> with the same canonical address', () => {
    expect(pageOf(model, 'multimodal-ai-engineer').meta.canonicalPath).toBe('/roles/multimodal-ai-engineer/mid-level');
  });
});

describe('the assessment page of a data-derived baseline', () => {
  let model: ReadModel;

  beforeAll(async () => {
    model = await readModelFromCatalog();
  });

  it('flags the baseline and shows where every input came from', () => {
    const page = pageOf(model, 'roofers');
    expect(page.role).toMatchObject({ isBaseline: true, seniority: 'all-levels', seniorityLabel: 'All levels', statusLabel: 'Data-derived baseline' });
    expect(page.baseline?.inputs).toBe(page.tasks.rows.length + 3 + 1 + 5 + 5);
    expect(page.baseline?.provenanceCounts.data).toBeGreaterThan(20);
    expect(page.tasks.rows[1]?.provenance).toMatchObject({ short: 'from data · medium', source: 'Eloundou et al. 2023' });
    expect(page.evidence.rows.find((row) => row.key === 'companyActions')?.provenance).toMatchObject({ basis: 'default', short: 'neutral default · low' });
    expect(page.protective.rows[0]?.provenance).toMatchObject({ detail: 'importance 83' });
    expect(page.methodology.reviewedText).toBe('Computed 24 November 2026; not reviewed');
  });

  it('shows each published index with its year and percentile, and marks crosswalked values', () => {
    const page = pageOf(model, 'roofers');
    expect(page.indices?.rows.map((row) => [row.key, row.year, row.percentileText, row.crosswalked])).toEqual([
      ['eloundou-2023-human-beta', '2023', '3rd', false],
      ['eloundou-2023-gpt4-beta', '2023', '9th', false],
      ['felten-2021-aioe', '2021', '3rd', true],
      ['felten-2023-lm-aioe', '2023', '3rd', true],
      ['frey-osborne-2013', '2013', '77th', true],
      ['microsoft-2025-ai-applicability', '2025', '2nd', false],
    ]);
    expect(page.indices?.rows[4]?.name).toBe('Frey & Osborne 2013, probability of computerisation');
    expect(page.indices?.note).toContain('never blended into the AIJRI score');
    expect(page.indices?.crosswalkNote).toContain('crosswalk');
  });

  it('lists the indices in the catalog’s order whatever order the store returns them in', async () => {
    const shuffled = await readModelFromCatalog({ onlyBaselines: ['roofers'] });
    shuffled.occupations.get('47-2181.00')?.indices.reverse();
    expect(pageOf(shuffled, 'roofers').indices?.rows[0]?.key).toBe('eloundou-2023-human-beta');
  });

  it('writes a negative quick screen with true minus signs', () => {
    expect(pageOf(model, 'telemarketers').quickScreen.line).toBe('Protective 0 + Correlation −2 = −2');
  });

  it('formats wages, employment and projected change with their sources', () => {
    const facts = new Map(pageOf(model, 'roofers').labour?.rows.map((row) => [row.label, row]));
    expect(facts.get('Median annual wage, May 2024')).toMatchObject({ value: '$50,970', source: 'BLS OEWS May 2024' });
    expect(facts.get('Employment, 2024')?.value).toBe('136,740');
    expect(facts.get('Projected change, 2024–34')).toMatchObject({ value: '+5.9%', source: 'BLS Employment Projections 2024–34' });
    expect(pageOf(model, 'telemarketers').labour?.rows.find((row) => row.label === 'Projected change, 2024–34')?.value).toBe('−22.1%');
    const nurses = pageOf(model, 'registered-nurses').labour?.rows.find((row) => row.label === 'Employment, 2024');
    expect(nurses?.value).toMatch(/^\d\.\d million$/);
  });

  it('lists the expert roles that map to the occupation on its baseline page', () => {
    const page = pageOf(model, 'computer-and-information-research-scientists');
    expect(page.onet?.baseline).toBeNull();
    expect(page.onet?.expertRoles.map((role) => [role.title, role.href, role.scoreText])).toEqual([['Multimodal AI Engineer', '/roles/multimodal-ai-engineer/mid-level', '64.0']]);
  });

  it('uses the rows of a long task list as they are, each impact as a word', () => {
    // Baseline method 2 writes an impact only where humans saw no exposure but GPT-4 did (score capped at 2).
    const page = buildAssessmentPageView(gatherAssessmentPageInput(model, model.assessments.get('chief-executives/all-levels')!));
    expect(page.tasks.rows.length).toBeGreaterThan(20);
    expect(page.tasks.rows[0]).toMatchObject({ score: 2, impactWord: 'Not involved', impactSetByAssessor: true, impactNote: 'default for score 2: augmentation' });
    expect(page.tasks.rows[1]?.impactNote).toBeNull();
  });

  it('names the baseline method and what it counts as AI, for the banner', () => {
    expect(pageOf(model, 'roofers').role.baselineMethod).toMatchObject({ version: 'baseline-2', aiScope: expect.stringMatching(/^"AI" here means language models/) });
  });

  it('shows an expert assessment beside the baseline of its occupation', () => {
    const comparison = pageOf(model, 'multimodal-ai-engineer').onet?.comparison;
    expect(comparison?.summary).toMatch(/^This assessment scores 64\.0, [\d.]+ points above the data-derived baseline of Computer and Information Research Scientists/);
    expect(comparison?.rows.length).toBeGreaterThan(3);
    expect(pageOf(model, 'roofers').onet?.comparison).toBeNull();
  });

  it('leaves the banner to say it is not reviewed and starts the verdict with the finding', () => {
    const page = pageOf(model, 'roofers');
    expect(page.verdictHtml).toMatch(/^<p>AIJRI 69\.5, Green \(Stable\)\./);
    expect(page.meta.description).toMatch(/^Roofers \(All levels\): Green \(Stable\), [\d.]+–[\d.]+ · 69\.5\/100\. AIJRI 69\.5/);
  });
});

describe('an address with no assessment', () => {
  let model: ReadModel;

  beforeAll(async () => {
    model = await readModelFromCatalog();
  });

  it('answers 404 for an unknown role, with suggestions from the words of the address', () => {
    const result = buildRolePage(gatherRolePageInput(model, 'roofer-senior'));
    expect(result.status).toBe(404);
    if (result.status !== 404) return;
    expect(result.view.query).toBe('roofer senior');
    expect(result.view.suggestions[0]).toMatchObject({ title: 'Roofers', href: '/roles/roofers/all-levels' });
  });

  it('answers 404 for a seniority the role is not assessed at, pointing to the ones it is', () => {
    const result = buildRolePage(gatherRolePageInput(model, 'multimodal-ai-engineer', 'principal'));
    expect(result.status).toBe(404);
    if (result.status !== 404) return;
    expect(result.view.heading).toBe('Multimodal AI Engineer is not assessed at that level');
    expect(result.view.assessedSeniorities).toEqual([{ label: 'Mid-level', href: '/roles/multimodal-ai-engineer/mid-level', scoreText: '64.0' }]);
    expect(buildRolePage(gatherRolePageInput(model, 'multimodal-ai-engineer', 'not-a-level')).status).toBe(404);
  });

  it('words a 404 from a hand-made input, without a read model', () => {
    const result = buildRolePage({ kind: 'missing', slug: 'night-baker', seniority: 'senior', query: 'night baker', role: null, suggestions: [] });
    expect(result).toEqual({
      status: 404,
      view: {
        meta: { title: 'Role not found', description: 'No assessment at this address. Search for the job by any title.', canonicalPath: '/roles/night-baker/senior' },
        heading: 'We have no assessment at this address',
        message: 'No role is published as “night-baker”. Search for the job by any title it goes by — or try one of these.',
        query: 'night baker',
        assessedSeniorities: [],
        suggestions: [],
      },
    });
  });
});
