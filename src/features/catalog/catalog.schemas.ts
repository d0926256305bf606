import type { ScoreJson } from '../../methodology/index.ts';
import type { Zone } from '../../methodology/index.ts';
import type { RoleKind } from './catalog.table.ts';

/** The figures of `jobzone score --json`, as stored with each revision. */
export type { ScoreJson };

/** What `jobzone catalog stats --json` prints: counts over the current revision of every assessment. */
export interface CatalogStats {
  occupations: number;
  assessments: number;
  baseline: number;
  expert: number;
  titles: number;
  byZone: Record<Zone, number>;
}

/** The current assessment of an occupation or role, as `jobzone catalog show --json` prints it. */
export type ShownAssessment = {
  slug: string;
  title: string;
  onetCode: string | null;
  status: 'baseline' | 'expert';
  kind: RoleKind;
  seniority: string;
  revision: { number: number; author: string; note: string; publishedAt: string };
} & ScoreJson;
