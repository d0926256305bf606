import { describe, expect, it } from 'vitest';
import { buildRankingsView, parseRankingsQuery, rankingsHref, RANKINGS_PAGE_SIZE } from './rankings-view.ts';
import { gatherRankingsInput } from '../../features/site-pages/rankings-input.ts';
import { committedReadModel, sampleReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';

const small = sampleReadModel([
  { onetCode: '29-0001.00', title: 'Nurses', zone: 'Green', category: 'Healthcare' },
  { onetCode: '29-0002.00', title: 'Coders', zone: 'Red', category: 'Healthcare' },
  { onetCode: '43-0001.00', title: 'Clerks', zone: 'Yellow', category: 'Office' },
]);
const committed = await committedReadModel();
const view = (model: typeof small, query: Record<string, string>) => buildRankingsView(gatherRankingsInput(model, parseRankingsQuery(new URLSearchParams(query), model.categories)));

describe('the rankings', () => {
  it('sorts by score, most resistant first, by default', () => {
    expect(view(small, {}).rows.map((row) => [row.rank, row.title])).toEqual([[1, 'Nurses'], [2, 'Clerks'], [3, 'Coders']]);
  });

  it('sorts least resistant first, by title and by last update on request', () => {
    expect(view(small, { sort: 'score-asc' }).rows.map((row) => row.title)).toEqual(['Coders', 'Clerks', 'Nurses']);
    expect(view(small, { sort: 'title' }).rows.map((row) => row.title)).toEqual(['Clerks', 'Coders', 'Nurses']);
    expect(view(small, { sort: 'updated' }).rows.map((row) => row.title)).toEqual(['Clerks', 'Coders', 'Nurses']);
  });

  it('filters by category, zone and status together', () => {
    expect(view(small, { category: 'healthcare', zone: 'Red' }).rows.map((row) => row.title)).toEqual(['Coders']);
    expect(view(small, { status: 'expert' }).total).toBe(0);
    expect(view(committed, { status: 'expert' }).rows.map((row) => row.key)).toEqual(['multimodal-ai-engineer/mid-level']);
  });

  it('ignores filter values that are not options and marks the chosen ones selected', () => {
    const chosen = view(small, { category: 'nowhere', zone: 'Purple', status: 'draft', sort: 'random', page: '-3' });
    expect(chosen.query).toEqual({ category: null, zone: null, status: null, sort: 'score-desc', page: 1 });
    const office = view(small, { category: 'office' });
    expect(office.options.category.find((option) => option.selected)?.label).toBe('Office');
    expect(office.description).toBe('1 assessment in Office, sorted by score, most resistant first.');
  });

  it('pages through fifty at a time with links that keep the filters', () => {
    const first = view(committed, { zone: 'Yellow' });
    expect(first.rows).toHaveLength(Math.min(RANKINGS_PAGE_SIZE, first.total));
    expect(first.previousHref).toBeNull();
    expect(first.nextHref).toBe('/rankings?zone=Yellow&page=2');
    const second = view(committed, { zone: 'Yellow', page: '2' });
    expect(second.rows[0]?.rank).toBe(RANKINGS_PAGE_SIZE + 1);
    expect(second.firstShown).toBe(RANKINGS_PAGE_SIZE + 1);
    expect(second.previousHref).toBe('/rankings?zone=Yellow');
  });

  it('shows the last page for a page number past the end', () => {
    const past = view(committed, { page: '999' });
    expect(past.query.page).toBe(past.pageCount);
    expect(past.lastShown).toBe(past.total);
  });

  it('leaves defaults out of its links', () => {
    expect(rankingsHref({ category: null, zone: null, status: null, sort: 'score-desc', page: 1 })).toBe('/rankings');
    expect(rankingsHref({ category: 'office', zone: 'Red', status: 'baseline', sort: 'title', page: 3 })).toBe('/rankings?category=office&zone=Red&status=baseline&sort=title&page=3');
  });
});
