import { describe, expect, it } from 'vitest';
import { buildAbbreviations, learnAbbreviation } from './abbreviations.ts';

describe('learning abbreviations from the titles themselves', () => {
  it('learns an abbreviation written after its expansion or before it', () => {
    expect(learnAbbreviation('Registered Nurse (RN)')).toEqual({ abbreviation: 'rn', words: ['registered', 'nurse'] });
    expect(learnAbbreviation('CEO (Chief Executive Officer)')).toEqual({ abbreviation: 'ceo', words: ['chief', 'executive', 'officer'] });
  });

  it('learns from titles that share words around the abbreviation', () => {
    expect(learnAbbreviation('Registered Nurse Educator (RN Educator)')).toEqual({ abbreviation: 'rn', words: ['registered', 'nurse'] });
    expect(learnAbbreviation('Database Administrator (DBA)')).toEqual({ abbreviation: 'dba', words: ['database', 'administrator'] });
  });

  it('ignores brackets that are not an abbreviation', () => {
    expect(learnAbbreviation('Cashier')).toBeNull();
    expect(learnAbbreviation('Tractor Driver (Farm)')).toBeNull();
    expect(learnAbbreviation('Nurse (XYZ)')).toBeNull();
  });

  it('puts the curated meaning first and then the meanings the most titles support', () => {
    const table = buildAbbreviations(['Chief Security Officer (CSO)', 'Chief Sustainability Officer (CSO)', 'Chief Sustainability Officer (CSO)', 'Human Resources Manager (HR Manager)']);
    expect(table.get('cso')?.map((expansion) => expansion.tokens.join(' '))).toEqual(['chief sustainability officer', 'chief security officer']);
    expect(table.get('hr')?.[0]).toMatchObject({ tokens: ['human', 'resource'], curated: true, support: 2 });
  });
});
