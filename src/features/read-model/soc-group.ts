import type { OccupationEntry, ReadModel } from './read-model.ts';

/** Finds the title of an occupation's SOC group: the O*NET occupation that carries the group's own code (".00"), or null. */
export function socGroupTitleOf(model: Pick<ReadModel, 'occupations'>, occupation: Pick<OccupationEntry, 'socCode'> | null | undefined): string | null {
  return occupation ? (model.occupations.get(`${occupation.socCode}.00`)?.title ?? null) : null;
}
