import { describe, expect, it } from 'vitest';
import { buildAboutDataView, ONET_ATTRIBUTION } from './about-data-view.ts';
import { committedReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';
import { gatherAboutDataInput } from '../../features/site-pages/about-data-input.ts';

const view = buildAboutDataView(gatherAboutDataInput(await committedReadModel()));

describe('the about-the-data page', () => {
  it('shows the O*NET attribution sentence verbatim', () => {
    expect(view.onetAttribution).toBe(ONET_ATTRIBUTION);
  });

  it('lists every source with its licence and attribution', () => {
    expect(view.sources.map((source) => source.key)).toContain('bls-oews');
    expect(view.sources.every((source) => source.license !== '' && source.attribution !== '')).toBe(true);
  });

  it('names each published index with its year and how many occupations it covers', () => {
    const felten = view.indices.find((index) => index.key === 'felten-2021-aioe');
    expect(felten?.year).toBe('2021');
    expect(view.indices).toHaveLength(6);
    expect(view.indices.every((index) => index.year !== null && index.coverage > 0)).toBe(true);
  });

  it('counts occupations, baselines and expert assessments', () => {
    expect(view.occupationCount).toBe(923);
    expect(view.baselineCount).toBe(923);
    expect(view.expertCount).toBe(1);
  });

  it('still shows the attribution sentence and every index when the gathered sources name none of them', () => {
    const bare = buildAboutDataView({ sources: [], indexCoverage: new Map([['felten-2021-aioe', 3]]), occupationCount: 3, baselineCount: 2, expertCount: 1 });
    expect(bare.onetAttribution).toBe(ONET_ATTRIBUTION);
    expect(bare.indices.map((index) => [index.key, index.year, index.coverage]).find(([key]) => key === 'felten-2021-aioe')).toEqual(['felten-2021-aioe', null, 3]);
    expect(bare.indices.filter((index) => index.coverage === 0)).toHaveLength(5);
  });
});
