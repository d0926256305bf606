import type { AssessmentEntry, CategoryEntry, ReadModel } from '../read-model/read-model.ts';

/** What the sitemap lists beside the static pages: every category and every current assessment. */
export interface SitemapInput {
  categories: readonly CategoryEntry[];
  /** Every current assessment, in the read model's order. */
  assessments: readonly AssessmentEntry[];
}

/** Gathers the categories and current assessments the sitemap lists. */
export function gatherSitemapInput(model: ReadModel): SitemapInput {
  return { categories: model.categories, assessments: [...model.assessments.values()] };
}
