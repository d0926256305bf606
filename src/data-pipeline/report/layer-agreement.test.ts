import { describe, expect, it } from 'vitest';
import { methodologyOf, scoreAssessment } from '../../methodology/index.ts';
import { readCommittedCatalog } from '../committed-catalog.ts';
import { LAYERS, withLayers } from './layer-agreement.ts';

const catalog = await readCommittedCatalog();
const physicians = catalog.baselines.find((record) => record.onetCode === '29-1215.00');

describe('the score built up one layer at a time', () => {
  it('keeps only the task layer first, then adds barriers, evidence and growth until it is the published score', () => {
    if (!physicians) throw new Error('no 29-1215.00 baseline in catalog/baselines.jsonl');
    const first = withLayers(physicians.assessment, 1);
    expect(Object.values(first.barriers).every((barrier) => barrier.score === 0)).toBe(true);
    expect(Object.values(first.evidence).every((signal) => signal.score === 0)).toBe(true);
    expect(first.growth.score).toBe(0);
    expect(first.tasks).toEqual(physicians.assessment.tasks);
    const second = withLayers(physicians.assessment, 2);
    expect(second.barriers.physical.score).toBe(physicians.assessment.barriers.physical.score);
    expect(second.barriers.regulatory.score).toBe(0);
    const definition = methodologyOf(physicians.assessment.methodology);
    expect(scoreAssessment(withLayers(physicians.assessment, LAYERS.length), definition).score).toBe(scoreAssessment(physicians.assessment, definition).score);
  });

  it('reads a step count out of range as the nearest step', () => {
    if (!physicians) throw new Error('no 29-1215.00 baseline in catalog/baselines.jsonl');
    expect(withLayers(physicians.assessment, 0)).toEqual(withLayers(physicians.assessment, 1));
    expect(withLayers(physicians.assessment, 99)).toEqual(withLayers(physicians.assessment, LAYERS.length));
  });
});
