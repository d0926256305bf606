import { describe, expect, it } from 'vitest';
import { careerFactsOf, describeJobZone, describeOutlook } from './career-facts.ts';
import type { OccupationEntry } from '../../features/read-model/read-model.ts';

const figure = <T>(value: T, source: string) => ({ value, source });
const occupation = (overrides: Partial<OccupationEntry>) => ({ medianWage2024: null, projectedChangePercent: null, typicalEducation: null, jobZone: null, ...overrides }) as OccupationEntry;

describe('what a career switcher compares', () => {
  it('reads pay, outlook and education from BLS in plain words', () => {
    const facts = careerFactsOf(occupation({ medianWage2024: figure(93600, 'BLS OEWS May 2024'), projectedChangePercent: figure(4.9, 'BLS Employment Projections 2024–34'), typicalEducation: figure("Bachelor's degree", 'BLS Employment Projections 2024–34'), jobZone: 3 }));
    expect(facts).toMatchObject({ wageText: '$93,600 a year', outlookText: '+4.9% jobs by 2034', outlookWords: 'growing about as fast as average', educationText: "Bachelor's degree" });
  });

  it('falls back to the O*NET job zone for education and says when a figure is missing', () => {
    const facts = careerFactsOf(occupation({ jobZone: 2 }));
    expect(facts).toMatchObject({ wageText: 'No wage figure', outlookText: 'No projection', educationText: 'Some preparation; usually a high school diploma', educationSource: 'O*NET job zone' });
    expect(careerFactsOf(null).educationText).toBe('Not recorded');
    expect(describeJobZone(9)).toBeNull();
  });

  it('says once per card that its figures are BLS figures for a whole SOC group', () => {
    const note = 'all of SOC 29-1141, shared with 3 other occupations';
    const shared = occupation({ title: 'Critical Care Nurses', medianWage2024: { value: 93600, source: 'BLS OEWS May 2024', note }, projectedChangePercent: { value: 4.9, source: 'BLS Employment Projections 2024–34', note } });
    const facts = careerFactsOf(shared, 'Registered Nurses');
    expect(facts.wageSource).toBe('median, BLS OEWS May 2024; BLS figure for all Registered Nurses (SOC 29-1141), not Critical Care Nurses alone');
    expect(facts.outlookSource).toBe('BLS Employment Projections 2024–34; same group');
  });

  it('words the outlook against the all-jobs average', () => {
    expect([-10, -3, 0, 3, 6, 12].map(describeOutlook)).toEqual(['shrinking fast', 'shrinking', 'little or no change', 'growing about as fast as average', 'growing faster than average', 'growing much faster than average']);
  });
});
