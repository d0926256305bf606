import { describe, expect, it } from 'vitest';
import { findSharedTasks } from './shared-tasks.ts';

const task = (name: string, share = 10) => ({ name, share });

describe('tasks two compared roles share', () => {
  it('matches the same statement and a nearly identical one, and says which roles do it', () => {
    const shared = findSharedTasks([
      [task('Monitor, record, and report symptoms or changes in patients’ conditions.', 5), task('Prepare budgets.')],
      [task('Monitor patients for changes in status and conditions such as sepsis or shock.', 4), task('Answer phones.')],
      [task('Monitor, record and report symptoms or changes in patients conditions', 3)],
    ]);
    expect(shared).toEqual([{ text: 'Monitor, record, and report symptoms or changes in patients’ conditions.', roles: [0, 1, 2], shares: [5, 4, 3] }]);
  });

  it('finds nothing for unrelated work, and never matches a role with itself', () => {
    expect(findSharedTasks([[task('Install roofing shingles.'), task('Inspect roofs for damage.')], [task('Call customers to sell products.')]])).toEqual([]);
    expect(findSharedTasks([[task('Prepare detailed reports.'), task('Prepare detailed reports.')]])).toEqual([]);
  });

  it('keeps short generic statements apart when they share fewer than three words', () => {
    expect(findSharedTasks([[task('Prepare reports.')], [task('Prepare tax reports for clients.')]])).toEqual([]);
  });
});
