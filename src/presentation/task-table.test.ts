import { describe, expect, it } from 'vitest';
import { CURRENT_METHODOLOGY } from '../methodology/index.ts';
import { buildTaskTableRows } from './task-table.ts';

describe('task table rows', () => {
  it('show share, weighted score and impact, and say when the assessor overrode the impact the score implies', () => {
    const implied = CURRENT_METHODOLOGY.defaultImpactByScore[5];
    const other = implied === 'displacement' ? 'augmentation' : 'displacement';
    const [kept, overridden] = buildTaskTableRows(
      [
        { name: 'Triage patients', share: 40, score: 5, weighted: 2, impact: implied ?? 'displacement' },
        { name: 'Chart vitals', share: 60, score: 5, weighted: 3, impact: other },
      ],
      CURRENT_METHODOLOGY,
    );
    expect(kept).toMatchObject({ shareText: '40%', weightedText: '2.00', impactSetByAssessor: false, impactNote: null });
    expect(overridden).toMatchObject({ shareText: '60%', weightedText: '3.00', impactSetByAssessor: true });
    expect(overridden?.impactNote).toMatch(/^default for score 5: /);
  });
});
