import { describe, expect, it } from 'vitest';
import { exactKey, normalizeText, stemToken, titleForms, tokenize, withoutExclusion } from './search-text.ts';

describe('reducing titles and queries to comparable words', () => {
  it('lower-cases, strips accents and punctuation, and keeps one-letter acronyms joined by "&" together', () => {
    expect(normalizeText("  Café Manager's  (R&D) / E & I Tech. ")).toBe('cafe managers rd ei tech');
    expect(normalizeText('C++ Professor')).toBe('cpp professor');
  });

  it('reduces plurals and possessives to one stem', () => {
    expect(['nurses', 'secretaries', 'boxes', 'attorneys', 'firemen', 'analysis', 'glass'].map(stemToken)).toEqual([
      'nurse',
      'secretary',
      'box',
      'attorney',
      'fireman',
      'analysis',
      'glass',
    ]);
  });

  it('drops stop words unless nothing else is left', () => {
    expect(tokenize('Teachers of the Deaf and Hard of Hearing')).toEqual(['teacher', 'deaf', 'hard', 'hearing']);
    expect(tokenize('The')).toEqual(['the']);
  });

  it('gives the same key to the same words in any order', () => {
    expect(exactKey(tokenize('Nurses, Registered'))).toBe(exactKey(tokenize('registered nurse')));
  });

  it('splits a title with an abbreviation in brackets into the forms a person types', () => {
    expect(titleForms('Registered Nurse (RN)')).toEqual(['Registered Nurse (RN)', 'Registered Nurse', 'RN']);
    expect(titleForms('Cashiers')).toEqual(['Cashiers']);
  });

  it('leaves out the part of an O*NET title that names what the occupation is not', () => {
    expect(titleForms('Elementary School Teachers, Except Special Education')).toEqual(['Elementary School Teachers']);
  });

  it('reads a query the same way: what follows "except" or the Census index\'s "exc" is work the job is not', () => {
    expect(withoutExclusion('Mechanic tractor exc garden')).toBe('Mechanic tractor');
    expect(withoutExclusion('Accounting work (exc accountant) less than associate degree')).toBe('Accounting work');
    expect(withoutExclusion('Elementary School Teachers, Except Special Education')).toBe('Elementary School Teachers');
    expect(withoutExclusion('mechanic exc. body')).toBe('mechanic');
  });

  it('reads a long run of separators in time linear in its length', () => {
    const spaces = ' '.repeat(200_000);
    const started = performance.now();
    expect(withoutExclusion(`a${spaces}b`)).toBe(`a${spaces}b`);
    expect(withoutExclusion(`a${spaces}exc${spaces}`)).toBe(`a${spaces}exc${spaces}`);
    expect(withoutExclusion(`nurse${',('.repeat(50_000)}except surgical`)).toBe('nurse');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('keeps a query whose "exc" may be a word still being typed, or that has nothing before it', () => {
    expect(withoutExclusion('sales exc')).toBe('sales exc');
    expect(withoutExclusion('exc garden')).toBe('exc garden');
    expect(withoutExclusion('Excavator operator')).toBe('Excavator operator');
    expect(withoutExclusion('executive chef')).toBe('executive chef');
  });
});

describe('normalizing text on its quick paths', () => {
  // Every step on every text, as normalizeText did before it skipped the steps that cannot apply.
  const everyStep = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\b([a-z])\s*&\s*([a-z])\b/g, '$1$2')
      .replace(/&/g, ' and ')
      .replace(/\+\+/g, 'pp')
      .replace(/['’.]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();

  it('gives what every step gives, for ASCII and other text, with and without "&" and "++"', () => {
    const texts = [
      'Plan and direct the work of others.',
      'R&D MANAGER',
      'O & M Tech',
      'Fish & Game Warden',
      'A&&B',
      'C++ / c+ Developer',
      'Crème brûlée chef',
      'İstanbul office',
      'ﬁle clerk ①',
      'Straße',
      'Nurse’s aide',
      "Nurse's aide",
      '\t  \n ',
      '',
      '&',
      'x&y&z',
      '日本語 teacher',
      '\ud83d lone surrogate',
    ];
    for (const text of texts) expect(normalizeText(text), JSON.stringify(text)).toBe(everyStep(text));
  });
});
