import { describe, expect, it } from 'vitest';
import { aijri1 } from '../../methodology/index.ts';
import { buildHomeView, describeZoneRanges } from './home-view.ts';
import { committedReadModel, sampleReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';

const model = sampleReadModel([
  { onetCode: '11-0001.00', title: 'Gardeners', zone: 'Green' },
  { onetCode: '11-0002.00', title: 'Clerks', zone: 'Red' },
  { onetCode: '11-0003.00', title: 'Analysts', zone: 'Yellow' },
  { onetCode: '11-0004.00', title: 'Roofers', zone: 'Green' },
]);

describe('the home page', () => {
  it('counts every assessment by zone and says so in words', () => {
    const view = buildHomeView(model);
    expect(view.total).toBe(4);
    expect(view.zoneBar.segments.map((segment) => [segment.zone, segment.count])).toEqual([['Green', 2], ['Yellow', 1], ['Red', 1]]);
    expect(view.zoneBar.text).toBe('Green 2 (50%), Yellow 1 (25%), Red 1 (25%)');
  });

  it('lists the most resistant from the top and the least resistant from the bottom', () => {
    const view = buildHomeView(model);
    expect(view.mostResistant[0]?.zone).toBe('Green');
    expect(view.leastResistant[0]?.title).toBe('Clerks');
    expect(view.leastResistant.map((row) => row.score)).toEqual([...view.leastResistant.map((row) => row.score)].sort((a, b) => a - b));
  });

  it('lists the newest publications first and links each to its assessment page', () => {
    const view = buildHomeView(model);
    expect(view.recent[0]?.title).toBe('Roofers');
    expect(view.recent[0]?.href).toBe('/roles/roofers/all-levels');
  });

  it('keeps each list to ten roles on the committed catalog and highlights the expert assessment', async () => {
    const view = buildHomeView(await committedReadModel());
    expect(view.mostResistant).toHaveLength(10);
    expect(view.leastResistant).toHaveLength(10);
    expect(view.experts.map((row) => row.key)).toContain('multimodal-ai-engineer/mid-level');
    expect(view.expertCount + view.baselineCount).toBe(view.total);
  });

  it('reads the zone ranges from the methodology definition', () => {
    expect(describeZoneRanges(aijri1)).toEqual([
      { zone: 'Green', headline: aijri1.zones.headline.Green, range: `${aijri1.zones.greenFrom} to 100` },
      { zone: 'Yellow', headline: aijri1.zones.headline.Yellow, range: `${aijri1.zones.yellowFrom} to under ${aijri1.zones.greenFrom}` },
      { zone: 'Red', headline: aijri1.zones.headline.Red, range: `0 to under ${aijri1.zones.yellowFrom}` },
    ]);
  });
});
