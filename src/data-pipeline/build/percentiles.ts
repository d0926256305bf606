import { compareText } from './slugs.ts';

/** A distribution of index values that places any value on a 0–100 percentile scale. */
export interface Distribution {
  size: number;
  percentileOf: (value: number) => number;
}

/** Builds the distribution of an index over the occupations it covers; ties share their mid-rank. */
export function distributionOf(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const count = (isBefore: (item: number) => boolean) => {
    let low = 0;
    let high = n;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (isBefore(sorted[middle] as number)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return {
    size: n,
    percentileOf(value) {
      if (n <= 1) return 50;
      const below = count((item) => item < value);
      const equal = count((item) => item <= value) - below;
      const rank = equal > 0 ? below + (equal - 1) / 2 : below - 0.5;
      return Math.round(Math.min(100, Math.max(0, (rank / (n - 1)) * 100)) * 10) / 10;
    },
  };
}

/** Returns the mean of a non-empty list. */
export function mean(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0) / values.length;
}

/** Groups values by key into lists, keys sorted. */
export function groupValues(pairs: readonly { key: string; value: number }[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const pair of [...pairs].sort((a, b) => compareText(a.key, b.key))) groups.set(pair.key, [...(groups.get(pair.key) ?? []), pair.value]);
  return groups;
}
