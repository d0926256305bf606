import type { OccupationEntry } from '../../features/read-model/read-model.ts';

const SHARED_GROUP = /^all of SOC (\d{2}-\d{4}), shared with (\d+) other occupations?$/;
const AGGREGATE_GROUP = /^BLS aggregate SOC (\d{2}-\d{4}), which includes this occupation$/;

// Gathered by the features (the compare page's input needs it); re-exported for the views that still read the model.
export { socGroupTitleOf } from '../../features/read-model/soc-group.ts';

/**
 * Rewrites a BLS figure's data note for readers. BLS publishes one figure per SOC group, and several O*NET
 * occupations can share it: the note then says the figure is for the whole group, not this occupation alone.
 */
export function describeFigureNote(note: string | null | undefined, occupation: Pick<OccupationEntry, 'title'>, groupTitle: string | null): string | null {
  if (!note) return null;
  const parts = note.split('; ').map((part) => {
    const shared = SHARED_GROUP.exec(part);
    if (shared) {
      const [, soc, others] = shared;
      const count = Number(others);
      if (groupTitle && groupTitle !== occupation.title) return `BLS figure for all ${groupTitle} (SOC ${soc}), not ${occupation.title} alone`;
      return `BLS figure for all of SOC ${soc}, which also covers ${count} more specific occupation${count === 1 ? '' : 's'}`;
    }
    const aggregate = AGGREGATE_GROUP.exec(part);
    if (aggregate) return `BLS figure for the whole SOC group ${aggregate[1]}, not ${occupation.title} alone`;
    return part;
  });
  return parts.join('; ');
}

/** True when a rewritten note says the figure covers a whole SOC group. */
export const isGroupFigureNote = (note: string | null): boolean => note !== null && note.includes('BLS figure for ');
