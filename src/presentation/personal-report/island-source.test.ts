import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { buildReportSource } from '../../features/personal-report/report-source-builder.ts';
import { committedReadModel } from '../../features/personal-report/test-support/report-sources.ts';
import { serializeIslandProps } from '../query-pages/astro-island.ts';
import { addOptionsHtml, islandSourceOf, serverRelatedOf, serverViewOf, type AddOptionGroup } from './island-source.ts';
import { buildReportView } from './report-view.ts';

const emptyInputs = { role: { slug: 'registered-nurses', seniority: 'all-levels' }, level: null, drop: [], add: [], shares: {}, coarse: {}, context: [], design: 0 };

describe('the report source the island carries (ADR 0174)', () => {
  it('sends only the related occupations the inputs add from, and keeps every one for the server render', async () => {
    const source = buildReportSource(await committedReadModel(), 'registered-nurses', 'all-levels');
    if (!source) throw new Error('the committed catalog has no registered-nurses');
    expect(source.related.length).toBeGreaterThan(2);
    const [first, second] = source.related;
    const island = islandSourceOf(source, { ...emptyInputs, add: [{ onetCode: second?.onetCode ?? '', task: 1 }] });
    expect(island.related.map((occupation) => occupation.onetCode)).toEqual([second?.onetCode]);
    expect(serverRelatedOf(island)).toBe(source.related);
    const sent = serializeIslandProps({ source: island });
    expect(sent).not.toContain(first?.tasks[0]?.name ?? 'no task');
    expect(sent).not.toContain('everyRelated');
    // What the browser reads back from the props has no whole list: it fetches it.
    expect(serverRelatedOf(JSON.parse(JSON.stringify(island)) as typeof island)).toBeNull();
    expect(islandSourceOf(source, emptyInputs).related).toEqual([]);
    expect(serverViewOf(island)).toBeNull();
    const view = buildReportView(source, emptyInputs);
    const withView = islandSourceOf(source, emptyInputs, view);
    expect(serverViewOf(withView)).toBe(view);
    expect(serializeIslandProps({ source: withView })).toBe(serializeIslandProps({ source: islandSourceOf(source, emptyInputs) }));
  });
});

describe('the add-a-task options as markup', () => {
  it('is byte for byte what the select’s JSX rendered, markup characters included', () => {
    const groups: AddOptionGroup[] = [
      { occupation: 'Chefs & "Head" <Cooks>', options: [{ value: '35-1011.00:1', label: 'Plan menus & <order> "food" (score 3)' }, { value: '35-1011.00:2', label: 'Cook (score 4)' }] },
      { occupation: 'Bakers', options: [] },
    ];
    const jsx = h(
      'select',
      { id: 'pr-add-select', name: 'add' },
      h('option', { value: '' }, 'Choose a task…'),
      groups.map((group) => h('optgroup', { key: group.occupation, label: group.occupation }, group.options.map((option) => h('option', { key: option.value, value: option.value }, option.label)))),
    );
    expect(`<select id="pr-add-select" name="add">${addOptionsHtml(groups)}</select>`).toBe(renderToString(jsx));
  });
});
