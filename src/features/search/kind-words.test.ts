import { describe, expect, it } from 'vitest';
import { headKind, headWord, headWordOfText, KIND, kindAgreement, kindMask } from './kind-words.ts';
import { tokenize } from './search-text.ts';

describe('kind words', () => {
  it('reads the kinds a title names', () => {
    expect(kindMask(tokenize('Toolmaker Helper'))).toBe(KIND.help);
    expect(kindMask(tokenize('Lead Electronics Technician'))).toBe(KIND.supervise | KIND.technician);
    expect(kindMask(tokenize('Custodian'))).toBe(0);
  });

  it('keeps the whole score when the kinds agree and less when a title adds or drops one', () => {
    expect(kindAgreement(KIND.help, KIND.help, KIND.help, KIND.help)).toBe(1);
    expect(kindAgreement(0, KIND.help, 0, KIND.help)).toBeLessThan(kindAgreement(0, KIND.help, 0, 0));
    expect(kindAgreement(0, KIND.help, 0, 0)).toBeLessThan(1);
  });

  it('treats supervising and managing as neighbours and an apprentice as the trade itself, almost', () => {
    const neighbours = kindAgreement(KIND.supervise, KIND.manage, KIND.supervise, KIND.manage);
    expect(neighbours).toBeGreaterThan(kindAgreement(KIND.supervise, KIND.help, KIND.supervise, KIND.help));
    expect(kindAgreement(KIND.apprentice, 0, KIND.apprentice, 0)).toBeGreaterThan(kindAgreement(KIND.help, 0, KIND.help, 0));
  });

  it('finds the head: the last kind word, or a supervising word in front', () => {
    expect(headKind(tokenize('Teaching Aide'))).toBe(KIND.help);
    expect(headKind(tokenize('Head Custodian'))).toBe(KIND.supervise);
    expect(headKind(tokenize('Custodian'))).toBe(0);
  });

  it('finds the head word of the trade, before "of" when there is one', () => {
    expect(headWord(tokenize('Carpenter Apprentice'))).toBe('carpenter');
    expect(headWordOfText('Commissioner of Agriculture')).toBe('commissioner');
    expect(headWordOfText('Head of Marketing')).toBe('marketing');
    expect(headWordOfText('Chief')).toBeNull();
  });
});
