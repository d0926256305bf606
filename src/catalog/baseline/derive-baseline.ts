import type { BaselineRecord, OccupationRecord } from '../catalog-records.ts';
import type { Progress } from '../build/progress.ts';
import type { SourceData } from '../sources/source-data.ts';

/** Derives and validates the baseline assessment of every occupation. */
export function deriveBaselines(_data: SourceData, _occupations: readonly OccupationRecord[], _progress: Progress): BaselineRecord[] {
  return [];
}
