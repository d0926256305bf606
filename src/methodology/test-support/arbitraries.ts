import fc from 'fast-check';
import { BARRIER_KEYS, EVIDENCE_KEYS, PROTECTIVE_KEYS, aijri1 } from '../definition.ts';
import type { ScoringInput } from '../score.ts';

const { ranges } = aijri1;
const judged = (range: { min: number; max: number }) => fc.integer(range).map((score) => ({ score }));
const record = <K extends string>(keys: readonly K[], range: { min: number; max: number }) =>
  fc.tuple(...keys.map(() => judged(range))).map((values) => Object.fromEntries(keys.map((key, index) => [key, values[index]])) as Record<K, { score: number }>);

/** Shares in hundredths of a percent that sum to exactly 100. */
export const sharesSummingTo100 = (maxTasks = 40) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: 0, maxLength: maxTasks - 1 })
    .map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10000];
      return points.slice(1).map((point, index) => (point - (points[index] ?? 0)) / 100);
    });

/** Any valid set of scoring inputs. */
export const scoringInput: fc.Arbitrary<ScoringInput> = sharesSummingTo100().chain((shares) =>
  fc.record({
    tasks: fc.tuple(...shares.map(() => fc.integer(ranges.taskScore))).map((scores) =>
      shares.map((share, index) => ({ name: `task ${index + 1}`, share, score: scores[index] ?? 1 })),
    ),
    protective: record(PROTECTIVE_KEYS, ranges.protective),
    growth: judged(ranges.growth),
    evidence: record(EVIDENCE_KEYS, ranges.evidence),
    barriers: record(BARRIER_KEYS, ranges.barrier),
  }),
);
