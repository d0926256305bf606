import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNarrowerEscoOccupations } from '../data/sources/esco-hierarchy/esco-narrower.ts';
import { parseCsv, readEscoOccupations } from '../data/sources/esco-onet/esco-occupations.ts';
import { REPOSITORY_ROOT } from '../src/data-pipeline/committed-catalog.ts';
import { ESCO_TITLES } from '../src/features/search/esco-titles.ts';
import { verbatimKey } from './search-dmtf.ts';

const queryKeys = async (name: string, column: number) =>
  (await readFile(join(REPOSITORY_ROOT, 'bench', 'queries', name), 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => verbatimKey(line.split('\t')[column] ?? ''));

describe('the ESCO occupation labels search learns', () => {
  it('reads every occupation of the crosswalk with its labels and an O*NET-SOC code', () => {
    const occupations = readEscoOccupations();
    expect(occupations).toHaveLength(1680);
    const mayor = occupations.find((item) => item.preferredLabel === 'mayor');
    expect(mayor).toMatchObject({ iscoCode: '1111', onet2010Code: '11-1011.00', confidence: 1 });
    expect(occupations.every((item) => [0.5, 1, 2].includes(item.confidence))).toBe(true);
  });

  it('reads every narrower occupation with its own labels and the match of the level-5 occupation above it', () => {
    const level5 = readEscoOccupations();
    const narrower = readNarrowerEscoOccupations(level5);
    expect(narrower).toHaveLength(1240);
    const level5Uris = new Set(level5.map((item) => item.uri));
    expect(narrower.every((item) => level5Uris.has(item.level5Uri) && !level5Uris.has(item.uri))).toBe(true);
    const boom = narrower.find((item) => item.preferredLabel === 'boom operator');
    const parent = level5.find((item) => item.preferredLabel === 'audio-visual technician');
    expect(boom).toMatchObject({ level5Uri: parent?.uri, onet2010Code: parent?.onet2010Code, confidence: parent?.confidence });
    expect(boom?.altLabels).toContain('shotgun microphone operator');
  });

  it('learns no query of a benchmark, held-out or tuning', async () => {
    const learned = new Set(Object.values(ESCO_TITLES).flat().map(verbatimKey));
    const queries = [
      ...(await queryKeys('census-titles-heldout.tsv', 0)),
      ...(await queryKeys('census-titles-tuning.tsv', 0)),
      ...(await queryKeys('official-titles-heldout.tsv', 0)),
      ...(await queryKeys('title-error-classes.tsv', 1)),
      ...(await queryKeys('colloquial.tsv', 0)),
    ];
    expect(queries.length).toBeGreaterThan(3000);
    expect(queries.filter((key) => learned.has(key))).toEqual([]);
  });

  it('parses quoted cells with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nagain"\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nagain']]);
    expect(() => parseCsv('a,"b')).toThrow('quoted cell');
  });
});
