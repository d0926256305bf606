import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadModel } from '../../features/read-model/read-model.ts';
import { readModelFromCatalog } from '../../features/assessment-page/test-support/catalog-read-model.ts';
import { buildAssessmentPageView } from './assessment-view.ts';
import { gatherAssessmentPageInput } from '../../features/assessment-page/assessment-page-input.ts';
import { shortTaskName } from './summary-view.ts';
import { buildEmbedCardView } from '../open-data/embed-view.ts';
import { gatherAssessmentAt } from '../../features/read-model/assessment-at.ts';
import { summarize } from '../site-pages/role-summary.ts';

const INTERNALS = /\b(T[1-5](–T?[1-5])?|TR|EM|BM|GM|Raw)\b|Assessor override|×/;

describe('the summary an assessment page opens with', () => {
  let model: ReadModel;
  const pageOf = (key: string) => {
    const entry = model.assessments.get(key);
    if (!entry) throw new Error(`${key} is not in the catalog`);
    return buildAssessmentPageView(gatherAssessmentPageInput(model, entry));
  };

  beforeAll(async () => {
    model = await readModelFromCatalog();
  });

  it('writes a different plain sentence for each role, from its own tasks and BLS outlook', () => {
    const roofers = pageOf('roofers/all-levels').summary;
    const telemarketers = pageOf('telemarketers/all-levels').summary;
    expect(roofers.sentence).toMatch(/^For Roofers, .*stays with people; BLS expects employment to grow 5\.9% by 2034\.$/);
    expect(telemarketers.sentence).toMatch(/^For Telemarketers, AI can already do much of .*BLS expects employment to shrink 22\.1% by 2034\.$/);
    const sentences = [...model.assessments.values()].slice(0, 60).map((entry) => buildAssessmentPageView(gatherAssessmentPageInput(model, entry)).summary.sentence);
    expect(new Set(sentences).size).toBe(sentences.length);
    for (const sentence of sentences) expect(sentence).not.toMatch(INTERNALS);
  });

  it('names three most and three least exposed tasks in plain words, none twice', () => {
    const summary = pageOf('multimodal-ai-engineer/mid-level').summary;
    expect(summary.mostExposed).toHaveLength(3);
    expect(summary.leastExposed).toHaveLength(3);
    expect(summary.mostExposed[0]?.meaning).toBe('AI does a large part under human direction');
    expect(summary.leastExposed[0]?.meaning).toBe('AI not involved (human work)');
    const names = [...summary.mostExposed, ...summary.leastExposed].map((task) => task.fullName);
    expect(new Set(names).size).toBe(6);
    expect(summary.zoneMeaning).toMatch(/^Green means protected: .*5–10 years/);
    expect(summary.estimateLine).toBeNull();
  });

  it('calls a band that crosses a zone boundary borderline in the headline', () => {
    const nurses = pageOf('legislators/all-levels');
    expect(nurses.band.zoneStable).toBe(false);
    expect(nurses.headline.borderline).toEqual(['Green', 'Yellow']);
    expect(nurses.headline.title).toBe('Borderline Green/Yellow');
    expect(nurses.headline.text).toBe(`Borderline Green/Yellow, ${nurses.headline.rangeText} · ${nurses.headline.scoreText}/100`);
    expect(nurses.summary.zoneMeaning).toMatch(/^The score sits so near a zone boundary/);
    expect(nurses.meta.title).not.toContain('Stable');
  });

  it('never headlines an urgency sub-label of an unreviewed baseline on its page, card or list row, and calls it an automated estimate once', () => {
    const urgent = [...model.assessments.values()].filter((entry) => entry.status === 'baseline' && ['Imminent', 'Urgent'].includes(entry.figures.subLabel));
    expect(urgent.length).toBeGreaterThan(0);
    for (const entry of urgent.slice(0, 20)) {
      const page = buildAssessmentPageView(gatherAssessmentPageInput(model, entry));
      expect(page.headline.subLabelShown).toBeNull();
      expect(page.headline.text).not.toMatch(/Imminent|Urgent/);
      expect(page.meta.title).not.toMatch(/Imminent|Urgent/);
      expect(page.summary.estimateLine).toMatch(/^Automated estimate/);
    }
    const card = buildEmbedCardView(gatherAssessmentAt(model, urgent[0]!.roleSlug, urgent[0]!.seniority), 'https://jobzone.example');
    expect(card).toMatchObject({ subLabel: '', statusText: 'Automated estimate, not reviewed' });
    expect(summarize(urgent[0]!)).toMatchObject({ subLabel: '', label: urgent[0]!.figures.zone });
  });

  it('puts a quick screen that disagrees beside the score', () => {
    const disagreeing = [...model.assessments.values()].find((entry) => !entry.figures.quickScreen.agrees);
    expect(disagreeing).toBeDefined();
    expect(buildAssessmentPageView(gatherAssessmentPageInput(model, disagreeing!)).summary.quickScreenNote).toMatch(/flagged for a second look/);
  });

  it('offers related roles that score higher as the next step, and what "AI" covers on a baseline', () => {
    const roofers = pageOf('roofers/all-levels').summary;
    expect(roofers.reportHref).toBe('/report?role=roofers/all-levels');
    for (const link of pageOf('telemarketers/all-levels').summary.higherScoring) expect(Number(link.scoreText)).toBeGreaterThan(Number(pageOf('telemarketers/all-levels').headline.scoreText));
    expect(roofers.aiScope).toMatch(/^"AI" here means/);
  });

  it('shortens long task statements at a word', () => {
    expect(shortTaskName('Inspect problem areas to determine repair procedures, and estimate materials and labor required for each job.')).toBe('Inspect problem areas to determine repair procedures, and…');
    expect(shortTaskName('Cut roofing paper to size.')).toBe('Cut roofing paper to size');
    expect(shortTaskName('Fine-tune and adapt multimodal foundation models (GPT-4V, LLaVA, Gemini) for domain tasks')).toBe('Fine-tune and adapt multimodal foundation models…');
  });
});
