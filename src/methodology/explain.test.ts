import { describe, expect, it } from 'vitest';
import { explainScore } from './explain.ts';
import { aijri1 } from './definition.ts';
import { workedExample, workedExampleWith } from './test-support/worked-example.ts';

describe('explaining the worked example', () => {
  const explanation = explainScore(workedExample, aijri1);

  it('gives the band 59.2–68.9 with a stable zone', () => {
    expect(explanation.band).toEqual({ low: 59.2, high: 68.9, zoneStable: true });
  });

  it('ranks the 25%-share task first: 2→3 gives 59.2, 2→1 gives 68.9', () => {
    const [first] = explanation.sensitivity;
    expect(first?.input).toMatchObject({ kind: 'task', index: 1 });
    expect(first?.up).toMatchObject({ value: 3, score: 59.2, delta: -4.8 });
    expect(first?.down).toMatchObject({ value: 1, score: 68.9, delta: 4.9 });
  });

  it('lists every judgement input once, protective principles with no effect', () => {
    expect(explanation.sensitivity).toHaveLength(6 + 3 + 1 + 5 + 5);
    const protective = explanation.sensitivity.filter((entry) => entry.input.kind === 'protective');
    expect(protective.every((entry) => entry.largestMove === 0 && !entry.inFormula)).toBe(true);
  });

  it('offers no step beyond an input’s range (growth is already +2)', () => {
    const growth = explanation.sensitivity.find((entry) => entry.input.kind === 'growth');
    expect(growth?.up).toBeNull();
    expect(growth?.down).toMatchObject({ value: 1, score: 60.8 });
  });

  it('reports an unstable zone when one step crosses a threshold', () => {
    const nearEdge = workedExampleWith({ tasks: [{ name: 'only task', share: 100, score: 3 }] });
    const { band } = explainScore(nearEdge, aijri1);
    expect(band.zoneStable).toBe(false);
    expect(band.low).toBeLessThan(48);
  });
});
