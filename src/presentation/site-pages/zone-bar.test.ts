import { describe, expect, it } from 'vitest';
import { buildZoneBar } from './zone-bar.ts';

describe('a zone bar', () => {
  it('lays the zones end to end across the full width', () => {
    const bar = buildZoneBar({ Green: 1, Yellow: 1, Red: 2 });
    expect(bar.segments.map(({ x, width }) => [x, width])).toEqual([[0, 25], [25, 25], [50, 50]]);
    expect(bar.shortText).toBe('1 Green · 1 Yellow · 2 Red');
  });

  it('draws nothing and says so when there are no assessments', () => {
    const bar = buildZoneBar({ Green: 0, Yellow: 0, Red: 0 });
    expect(bar.segments.every((segment) => segment.width === 0)).toBe(true);
    expect(bar.text).toBe('No assessments.');
  });
});
