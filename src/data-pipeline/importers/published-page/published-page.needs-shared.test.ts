import { describe, expect, it } from 'vitest';
import { AssessmentSchema, aijri1, scoreAssessment, validateAssessment } from '../../../methodology/index.ts';
import { comparePublishedFigures, parsePublishedPage, type PageImport } from './index.ts';
import { workedExampleFigures } from '../../../methodology/test-support/worked-example.ts';
import { readSeedPage } from './seed-page.test-support.ts';

function importSeed(): Extract<PageImport, { ok: true }> {
  const result = parsePublishedPage(readSeedPage());
  if (!result.ok) expect.fail(`the seed page did not import: ${JSON.stringify(result.problems, null, 2)}`);
  return result;
}

describe('importing the published Multimodal AI Engineer page (methodology §3)', () => {
  it('imports as a valid expert assessment with no warnings', () => {
    const { assessment, warnings } = importSeed();
    expect(AssessmentSchema.safeParse(assessment).success).toBe(true);
    expect(validateAssessment(assessment).ok).toBe(true);
    expect(assessment).toMatchObject({ status: 'expert', methodology: 'aijri-1' });
    expect(warnings).toEqual([]);
  });

  it('reads the role: slug, seniority, category and the roles it is not', () => {
    const { role } = importSeed().assessment;
    expect(role).toMatchObject({ slug: 'multimodal-ai-engineer', title: 'Multimodal AI Engineer', seniority: 'mid-level', category: 'AI/ML Engineering', aliases: [] });
    expect(role.primaryFunction).toMatch(/^Builds cross-modal AI architectures/);
    expect(role.typicalExperience).toMatch(/^3-7 years\./);
    expect(role.seniorityNote).toMatch(/^Junior \(0-2 years\) would score Yellow/);
    expect(role.notThisRole?.map((related) => [related.title, related.slug, related.publishedScore])).toEqual([
      ['Computer Vision Engineer', 'computer-vision-engineer', undefined],
      ['NLP Engineer', 'nlp-engineer', undefined],
      ['ML/AI Engineer', 'ml-ai-engineer', 68.2],
      ['Deep Learning Engineer', 'deep-learning-engineer', undefined],
    ]);
    expect(role.notThisRole?.[2]?.reason).toBe('broader scope, builds any ML system');
  });

  it('reads the six tasks in table order with their shares, scores and default impacts', () => {
    const { tasks } = importSeed().assessment;
    expect(tasks.map((task) => [task.share, task.score, task.impact])).toEqual([
      [20, 2, undefined],
      [25, 2, undefined],
      [15, 3, undefined],
      [15, 3, undefined],
      [15, 3, undefined],
      [10, 1, undefined],
    ]);
    expect(tasks[0]?.name).toBe('Design cross-modal fusion architectures for novel use cases');
    expect(tasks[2]?.name).toBe('Fine-tune and adapt multimodal foundation models (GPT-4V, Gemini, CLIP, LLaVA)');
    expect(tasks[5]?.rationale).toMatch(/^Evaluating whether a VLM truly understands/);
  });

  it('reads the judgement inputs: protective 0/0/2, growth +2, evidence 2/2/1/1/2, barriers 1/0/0/1/1', () => {
    const { protective, growth, evidence, barriers } = importSeed().assessment;
    expect([protective.physicality.score, protective.interpersonal.score, protective.moralJudgment.score]).toEqual([0, 0, 2]);
    expect(growth.score).toBe(2);
    expect(Object.values(evidence).map((item) => item.score)).toEqual([2, 2, 1, 1, 2]);
    expect(Object.values(evidence).every((item) => item.sources?.length === 0)).toBe(true);
    expect(Object.values(barriers).map((item) => item.score)).toEqual([1, 0, 0, 1, 1]);
    expect(barriers.physical.rationale).toBe('Fully remote capable.');
  });

  it('states every figure of the worked example', () => {
    // The page shows no share-at-4+ row and no label or methodology version; everything else is §3.
    const { label: _label, methodologyVersion: _version, shareAtLeast4: _shareAtLeast4, quickScreen, ...figures } = workedExampleFigures;
    expect(importSeed().published).toEqual({
      ...figures,
      quickScreen: { sum: quickScreen.sum, label: quickScreen.label },
      shareAtLeast4: null,
      taskWeighted: [0.4, 0.5, 0.45, 0.45, 0.45, 0.1],
    });
  });

  it('is reproduced figure for figure by the scoring engine', () => {
    const { assessment, published } = importSeed();
    const result = scoreAssessment(AssessmentSchema.parse(assessment), aijri1);
    expect(comparePublishedFigures(published, result)).toEqual([]);
    expect(result).toMatchObject({ score: 64.0, zone: 'Green', subLabel: 'Accelerated', raw: 5.6178 });
  });

  it('imports identically with Windows line endings', () => {
    const windows = parsePublishedPage(readSeedPage().replace(/\n/g, '\r\n'));
    expect(windows).toEqual(importSeed());
  });

  it('keeps the peer check with the peers and their published scores', () => {
    const { override, peerCheck } = importSeed().assessment;
    expect(override).toBeNull();
    expect(peerCheck?.text).toMatch(/^64\.0 sits logically between AI Agent Builder/);
    expect(peerCheck?.peers?.map((peer) => [peer.title, peer.slug, peer.score])).toEqual([
      ['AI Agent Builder', 'ai-agent-builder', 63.2],
      ['AI Agent Architect', 'ai-agent-architect', 65.0],
      ['ML/AI Engineer', 'ml-ai-engineer', 68.2],
    ]);
  });

  it('keeps the narrative: verdict, reinstatement, growth check and commentary', () => {
    const { assessment } = importSeed();
    expect(assessment.verdict).toMatch(/^Cross-modal AI systems are the frontier.*5-10\+ year horizon\.$/);
    expect(assessment.reinstatement).toMatch(/^Yes — AI creates substantial new tasks/);
    expect(assessment.growthCheck).toMatch(/^Confirmed at 2\. The recursive dependency is direct:\n\n1\. Every multimodal AI product/);
    expect(assessment.growthCheck?.match(/^\d\. /gm)).toHaveLength(4);
    const commentary = assessment.commentary;
    expect(commentary?.scoreVsReality).toMatch(/^The 64\.0 score places this role/);
    expect(commentary?.whatTheNumbersMiss?.map((item) => item.title)).toEqual(['Title fragmentation', 'Convergence with ML/AI Engineer', 'Foundation model velocity', 'Compound skill barrier']);
    expect(commentary?.whatTheNumbersMiss?.[0]?.text).toMatch(/^"Multimodal AI Engineer" is not a universally settled title/);
    expect(commentary?.whoShouldWorry?.split('\n\n')).toHaveLength(3);
    expect(commentary?.roleInFuture).toEqual({ year: 2028, text: expect.stringMatching(/^The Multimodal AI Engineer of 2028 builds/) });
    expect(commentary?.survivalStrategy?.map((item) => item.split('.')[0])).toEqual([
      'Master cross-modal architecture design',
      'Build domain expertise in multimodal applications',
      'Develop multimodal evaluation expertise',
    ]);
    expect(commentary?.timeline).toMatch(/^This role strengthens over the next 5-10 years/);
    expect([assessment.sources, assessment.resources]).toEqual([[], []]);
  });
});
