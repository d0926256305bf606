import { describe, expect, it } from 'vitest';
import { buildBrowseIndex, buildCategoryView, parseZone } from './browse-view.ts';
import { gatherBrowseIndex, gatherCategory } from '../../features/site-pages/browse-input.ts';
import { sampleReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';

const model = sampleReadModel([
  { onetCode: '29-0001.00', title: 'Nurses', zone: 'Green', category: 'Healthcare' },
  { onetCode: '29-0002.00', title: 'Coders', zone: 'Red', category: 'Healthcare' },
  { onetCode: '29-0003.00', title: 'Aides', zone: 'Green', category: 'Healthcare' },
  { onetCode: '43-0001.00', title: 'Clerks', zone: 'Red', category: 'Office and Administrative Support' },
]);

describe('browsing by category', () => {
  it('lists every category with its count and zone split', () => {
    const view = buildBrowseIndex(gatherBrowseIndex(model));
    expect(view.categories.map(({ name, count, href }) => ({ name, count, href }))).toEqual([
      { name: 'Healthcare', count: 3, href: '/browse/healthcare' },
      { name: 'Office and Administrative Support', count: 1, href: '/browse/office-and-administrative-support' },
    ]);
    expect(view.categories[0]?.zoneBar.text).toBe('Green 2 (67%), Yellow 0 (0%), Red 1 (33%)');
    expect(view.zones).toEqual([
      { zone: 'Green', count: 2, href: '/rankings?zone=Green' },
      { zone: 'Yellow', count: 0, href: '/rankings?zone=Yellow' },
      { zone: 'Red', count: 2, href: '/rankings?zone=Red' },
    ]);
  });

  it('shows a category’s roles by score and narrows them to one zone', () => {
    const all = buildCategoryView(gatherCategory(model, 'healthcare', parseZone(null)));
    expect(all?.roles.map((role) => role.title)).toEqual(['Aides', 'Nurses', 'Coders']);
    const green = buildCategoryView(gatherCategory(model, 'healthcare', parseZone('green')));
    expect(green?.zone).toBe('Green');
    expect(green?.roles.map((role) => role.title)).toEqual(['Aides', 'Nurses']);
    expect(green?.zoneLinks.find((link) => link.current)?.href).toBe('/browse/healthcare?zone=Green');
  });

  it('has no page for an unknown category and ignores an unknown zone', () => {
    expect(buildCategoryView(gatherCategory(model, 'no-such-category', parseZone(null)))).toBeNull();
    expect(buildCategoryView(gatherCategory(model, 'healthcare', parseZone('purple')))?.roles).toHaveLength(3);
    expect(parseZone('RED')).toBe('Red');
    expect(parseZone('')).toBeNull();
  });
});
