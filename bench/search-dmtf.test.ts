import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../src/features/search/search-index.ts';
import { DMTF_FILE, indexTitleKeys, isResidualCode, isTuningTitle, titleHash, verbatimKey } from './search-dmtf.ts';

describe('the BLS direct match titles as a held-out search benchmark', () => {
  it('keeps the committed file in the expected shape: 6,520 titles, each with one SOC 2018 code', async () => {
    const lines = (await readFile(DMTF_FILE, 'utf8')).split('\n').filter((line) => line !== '');
    expect(lines[0]).toBe('soc_2018_code\tsoc_2018_title\tdirect_match_title\tillustrative_example');
    expect(lines).toHaveLength(6521);
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d{2}-\d{4}\t[^\t]+\t[^\t]+\t([xX])?$/);
    expect(lines).toContain('11-1011\tChief Executives\tMayor\t');
  });

  it('splits titles by a hash of the normalised title, whatever their case or punctuation', () => {
    expect(titleHash('Mayor')).toBe(titleHash('  MAYOR. '));
    expect(isTuningTitle('Mayor')).toBe(titleHash('mayor') % 2 === 0);
    const halves = ['Mayor', 'Governor', 'Senator', 'Toolmaker', 'Head Custodian', 'Ship Purser', 'Foreperson', 'Tarp Repairer'].map(isTuningTitle);
    expect(halves).toContain(true);
    expect(halves).toContain(false);
  });

  it('compares titles word for word with its own key: case, order, stop words and a plural "s" aside', () => {
    expect(verbatimKey('Inspector of Weights and Measures')).toBe(verbatimKey('measure weight inspector'));
    expect(verbatimKey('Labourer')).not.toBe(verbatimKey('Laborer'));
    const index = buildSearchIndex([
      { slug: 'nurses', title: 'Registered Nurses', onetCode: '29-1141.00', socCode: '29-1141', titles: [{ text: 'Registered Nurse (RN)', kind: 'alternate' }] },
    ]);
    expect([...indexTitleKeys(index)].sort()).toEqual(['nurse registered', 'rn', 'nurse registered rn'].sort());
  });

  it('knows the "All Other" SOC codes by their last digit', () => {
    expect(['49-9099', '11-9199', '29-1229'].map(isResidualCode)).toEqual([true, true, true]);
    expect(['11-1011', '47-2061'].map(isResidualCode)).toEqual([false, false]);
  });
});
