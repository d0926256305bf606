import type { Zone } from '../../methodology/index.ts';
import { rankAssessments, zoneDistribution } from '../read-model/read-model.queries.ts';
import type { AssessmentEntry, CategoryEntry, ReadModel } from '../read-model/read-model.ts';

/** One category with how many of its assessments are expert ones. */
export interface CategoryCount {
  category: CategoryEntry;
  expertCount: number;
}

/** What the browse page shows, gathered from the read model. */
export interface BrowseIndexInput {
  total: number;
  zoneCounts: Record<Zone, number>;
  categories: readonly CategoryCount[];
}

/** What one category's page shows: the category, the zone it is narrowed to, and its roles by score. */
export interface CategoryInput extends CategoryCount {
  zone: Zone | null;
  roles: readonly AssessmentEntry[];
}

function countOf(model: ReadModel, category: CategoryEntry): CategoryCount {
  const expertCount = model.ranked.filter((entry) => entry.category === category.name && entry.status === 'expert').length;
  return { category, expertCount };
}

/** Gathers every category (alphabetically, as the read model keeps them) with its expert count, and the zone totals. */
export function gatherBrowseIndex(model: ReadModel): BrowseIndexInput {
  return { total: model.assessments.size, zoneCounts: zoneDistribution(model), categories: model.categories.map((category) => countOf(model, category)) };
}

/** Gathers a category's roles by score, narrowed to a zone when one is given; null when no category has that slug. */
export function gatherCategory(model: ReadModel, slug: string, zone: Zone | null): CategoryInput | null {
  const category = model.categories.find((entry) => entry.slug === slug);
  if (!category) return null;
  return { ...countOf(model, category), zone, roles: rankAssessments(model, { category: category.slug, zone: zone ?? undefined }) };
}
