import { describe, expect, it } from 'vitest';
import { aijri1 } from '../../methodology/index.ts';
import { buildHomeView, describeZoneRanges } from './home-view.ts';
import { gatherHomeInput } from '../../features/site-pages/home-input.ts';
import { committedReadModel, sampleReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';
import { historyReadModel, oneTask } from '../../features/history-pages/test-support/history-fixture.ts';

const model = sampleReadModel([
  { onetCode: '11-0001.00', title: 'Gardeners', zone: 'Green' },
  { onetCode: '11-0002.00', title: 'Clerks', zone: 'Red' },
  { onetCode: '11-0003.00', title: 'Analysts', zone: 'Yellow' },
  { onetCode: '11-0004.00', title: 'Roofers', zone: 'Green' },
]);

describe('the home page', () => {
  it('counts every assessment by zone and says so in words', () => {
    const view = buildHomeView(gatherHomeInput(model));
    expect(view.total).toBe(4);
    expect(view.zoneBar.segments.map((segment) => [segment.zone, segment.count])).toEqual([['Green', 2], ['Yellow', 1], ['Red', 1]]);
    expect(view.zoneBar.text).toBe('Green 2 (50%), Yellow 1 (25%), Red 1 (25%)');
  });

  it('lists the most resistant from the top and the least resistant from the bottom', () => {
    const view = buildHomeView(gatherHomeInput(model));
    expect(view.mostResistant[0]?.zone).toBe('Green');
    expect(view.leastResistant[0]?.title).toBe('Clerks');
    expect(view.leastResistant.map((row) => row.score)).toEqual([...view.leastResistant.map((row) => row.score)].sort((a, b) => a - b));
  });

  it('counts only published changes as updates, never the initial load, newest first with each own date', () => {
    const changed = historyReadModel([
      { onetCode: '11-0001.00', title: 'Gardeners', zone: 'Green', revisions: [{ at: '2026-01-01' }, { at: '2026-02-10', tasks: oneTask(3) }] },
      { onetCode: '11-0002.00', title: 'Clerks', zone: 'Red', revisions: [{ at: '2026-01-01' }] },
      { onetCode: '11-0003.00', title: 'Analysts', zone: 'Yellow', revisions: [{ at: '2026-01-01' }, { at: '2026-01-20', tasks: oneTask(5) }, { at: '2026-03-05', tasks: oneTask(1) }] },
    ]);
    const view = buildHomeView(gatherHomeInput(changed));
    expect(view.recent.map((row) => [row.title, row.updatedText])).toEqual([['Analysts', '5 Mar 2026'], ['Gardeners', '10 Feb 2026']]);
    expect(view.recent[0]?.changeText).toMatch(/^score \d+\.\d → \d+\.\d$/);
    expect(view.recent[0]?.href).toBe('/roles/analysts/all-levels');
  });

  it('says nothing has changed since the first publication when every assessment is at its first revision', () => {
    const view = buildHomeView(gatherHomeInput(model));
    expect(view.recent).toEqual([]);
    expect(view.recentEmptyText).toBe('No assessment has changed since the catalog was first published on 1 January 2026. Published changes will be listed here as they happen.');
  });

  it('keeps each list to ten roles on the committed catalog and highlights the expert assessment', async () => {
    const view = buildHomeView(gatherHomeInput(await committedReadModel()));
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
