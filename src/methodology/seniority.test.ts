import { describe, expect, it } from 'vitest';
import { AssessmentSchema } from './schema.ts';
import { assessmentName, compareSeniority, isSenioritySlug, KNOWN_SENIORITY_LEVELS, seniorityLabel, seniorityLevelOf } from './seniority.ts';
import { workedExampleAssessment } from './test-support/worked-example.ts';

describe('seniority levels', () => {
  it('reads every label published pages use, with a slug for URLs', () => {
    const read = (text: string) => seniorityLevelOf(text)?.slug ?? null;
    expect(read('Intern')).toBe('intern');
    expect(read('Entry-level')).toBe('entry-level');
    expect(read('Entry Level')).toBe('entry-level');
    expect(read('Junior')).toBe('junior');
    expect(read('Mid-Level')).toBe('mid-level');
    expect(read('Mid-Senior')).toBe('mid-senior');
    expect(read('Senior')).toBe('senior');
    expect(read('Senior/Lead')).toBe('senior-lead');
    expect(read('Senior / Lead')).toBe('senior-lead');
    expect(read('Junior/Mid-level')).toBe('junior-mid');
    expect(read('Lead')).toBe('lead');
    expect(read('Staff')).toBe('staff');
    expect(read('Principal')).toBe('principal');
    expect(read('Director')).toBe('director');
    expect(read('Executive')).toBe('executive');
    expect(read('All levels')).toBe('all-levels');
    expect(read('Wizard')).toBeNull();
    expect(read('Lead/Senior')).toBeNull();
  });

  it('gives each slug back its label, combined ones as pages write them', () => {
    expect(seniorityLabel('mid-senior')).toBe('Mid-Senior');
    expect(seniorityLabel('senior-lead')).toBe('Senior/Lead');
    expect(seniorityLabel('junior-mid')).toBe('Junior/Mid-level');
    expect(seniorityLabel('all-levels')).toBe('All levels');
    expect(seniorityLabel('not-a-level')).toBe('not-a-level');
    expect(assessmentName('Data Engineer', 'mid-senior')).toBe('Data Engineer (Mid-Senior)');
  });

  it('accepts only canonical slugs in files and URLs', () => {
    expect(isSenioritySlug('mid-senior')).toBe(true);
    expect(isSenioritySlug('Mid-Senior')).toBe(false);
    expect(isSenioritySlug('mid-level-senior')).toBe(false);
    expect(isSenioritySlug('senior-mid')).toBe(false);
  });

  it('orders levels by career, a combination between its two parts', () => {
    const shuffled = ['executive', 'senior-lead', 'mid-senior', 'intern', 'all-levels', 'lead', 'senior', 'mid-level', 'staff', 'director', 'junior', 'principal', 'entry-level'];
    expect([...shuffled].sort(compareSeniority)).toEqual(['all-levels', 'intern', 'entry-level', 'junior', 'mid-level', 'mid-senior', 'senior', 'senior-lead', 'lead', 'staff', 'principal', 'director', 'executive']);
    expect(KNOWN_SENIORITY_LEVELS.map((level) => level.slug)).toEqual(['all-levels', 'intern', 'entry-level', 'junior', 'mid-level', 'mid-senior', 'senior', 'senior-lead', 'lead', 'staff', 'principal', 'director', 'executive']);
  });

  it('lets an assessment file name a combined level, and refuses a label where the slug belongs', () => {
    const withSeniority = (seniority: string) => ({ ...workedExampleAssessment, role: { ...workedExampleAssessment.role, seniority } });
    expect(AssessmentSchema.safeParse(withSeniority('mid-senior')).success).toBe(true);
    const refused = AssessmentSchema.safeParse(withSeniority('Mid-Senior'));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('a seniority slug such as all-levels, intern, entry-level');
  });
});
