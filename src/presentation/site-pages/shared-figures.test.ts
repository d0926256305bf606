import { describe, expect, it } from 'vitest';
import { describeFigureNote, isGroupFigureNote, socGroupTitleOf } from './shared-figures.ts';
import { briefOf } from './role-summary.ts';
import { splitTaskRows } from '../assessment-page/task-view.ts';
import { committedReadModel } from '../../features/site-pages/test-support/read-model-fixture.ts';

const model = await committedReadModel();

describe('BLS figures shared by a SOC group', () => {
  it('names the group when another occupation carries its title', () => {
    const note = describeFigureNote('all of SOC 29-1141, shared with 3 other occupations', { title: 'Critical Care Nurses' }, 'Registered Nurses');
    expect(note).toBe('BLS figure for all Registered Nurses (SOC 29-1141), not Critical Care Nurses alone');
    expect(isGroupFigureNote(note)).toBe(true);
  });

  it('says how many specific occupations share the figure of the group’s own occupation', () => {
    expect(describeFigureNote('all of SOC 29-1141, shared with 1 other occupation', { title: 'Registered Nurses' }, 'Registered Nurses')).toBe(
      'BLS figure for all of SOC 29-1141, which also covers 1 more specific occupation',
    );
  });

  it('words an aggregate line and keeps other notes as they are', () => {
    expect(describeFigureNote('top-coded by BLS: the median is at least $239,200; BLS aggregate SOC 13-1020, which includes this occupation', { title: 'Buyers' }, null)).toBe(
      'top-coded by BLS: the median is at least $239,200; BLS figure for the whole SOC group 13-1020, not Buyers alone',
    );
    expect(describeFigureNote(undefined, { title: 'Buyers' }, null)).toBeNull();
    expect(isGroupFigureNote('top-coded by BLS')).toBe(false);
  });

  it('finds the group title of a catalog occupation from the occupation that carries the group’s code', () => {
    const critical = [...model.occupations.values()].find((occupation) => occupation.title === 'Critical Care Nurses');
    expect(socGroupTitleOf(model, critical)).toBe('Registered Nurses');
    expect(socGroupTitleOf(model, null)).toBeNull();
  });
});

describe('what a list row says beside a score', () => {
  it('gives the range and a plain sentence built from the role’s own tasks', () => {
    const entry = model.assessments.get('registered-nurses/all-levels');
    if (!entry) throw new Error('the committed catalog has no registered-nurses/all-levels');
    const brief = briefOf(entry);
    expect(brief.rangeText).toMatch(/^\d+\.\d–\d+\.\d$/);
    expect(brief.plainLine).toMatch(/^(Likely protected|Likely to change a lot|At risk|Borderline \w+\/\w+) over 5–10 years: (AI can already do much of \d+% of the work|AI does little of the work yet)\.$/);
    expect(brief.plainLine).not.toMatch(/T3|TR|EM|Raw/);
  });
});

describe('the task table of an assessment page', () => {
  const rows = (shares: number[]) => shares.map((share, index) => ({ share, index }));

  it('lists a short task list whole, in its own order', () => {
    expect(splitTaskRows(rows([5, 30, 10])).leading.map((row) => row.index)).toEqual([0, 1, 2]);
    expect(splitTaskRows(rows(Array.from({ length: 10 }, () => 10))).more).toEqual([]);
  });

  it('shows the eight largest tasks of a long list and keeps the rest, largest first, for the disclosure', () => {
    const split = splitTaskRows(rows([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    expect(split.leading.map((row) => row.share)).toEqual([12, 11, 10, 9, 8, 7, 6, 5]);
    expect(split.more.map((row) => row.share)).toEqual([4, 3, 2, 1]);
  });
});
