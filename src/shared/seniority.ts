import { SENIORITY_LEVELS } from '../methodology/index.ts';

/** Returns the readable name of a seniority slug ("mid-level" → "Mid-level"), or the slug when it is not a known level. */
export function seniorityLabel(seniority: string): string {
  return SENIORITY_LEVELS.find((level) => level.slug === seniority)?.label ?? seniority;
}

/** Names an assessment for readers: "Registered Nurse (All levels)". */
export function assessmentName(title: string, seniority: string): string {
  return `${title} (${seniorityLabel(seniority)})`;
}
