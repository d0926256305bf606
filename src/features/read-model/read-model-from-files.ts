import { figuresOf, planCatalog } from '../catalog/catalog-plan.ts';
import type { CatalogToLoad } from '../catalog/catalog-source.ts';
import type { ReadModelInput } from './read-model.ts';

/** When the revisions of a catalog read without a store count as published. */
export interface FilePublication {
  /** When the first assessment was published (baselines in file order, then the expert files). */
  publishedAt?: Date;
  /** Days between one assessment and the next (0, the default, publishes all on one day). */
  daysApart?: number;
}

const DAY_MS = 86_400_000;

const DEFAULT_PUBLISHED_AT = new Date('2026-01-01T00:00:00Z');

/**
 * Builds read-model input straight from a catalog and its expert files, without a store: every assessment at
 * revision 1, with the roles, titles, notes and authors the store load gives them (both follow planCatalog).
 * Used by the MCP command, by anything that renders the catalog without a database, and by every test fixture.
 */
export function readModelInputFromFiles(catalog: CatalogToLoad, publication: FilePublication = {}): ReadModelInput {
  const plan = planCatalog(catalog);
  const { publishedAt = DEFAULT_PUBLISHED_AT, daysApart = 0 } = publication;
  const dateOf = (index: number) => new Date(publishedAt.getTime() + index * daysApart * DAY_MS);
  return {
    occupations: catalog.occupations,
    roles: plan.roles,
    assessments: plan.assessments.map(({ roleSlug, seniority, assessment, note, author }, index) => {
      const figures = figuresOf(assessment);
      return {
        roleSlug,
        seniority,
        document: assessment,
        figures,
        revision: { number: 1, publishedAt: dateOf(index), author, note, methodologyVersion: figures.methodologyVersion },
      };
    }),
    titles: plan.titles.map(({ title, kind, onetCode, roleSlug }) => ({ title, kind, onetCode, roleSlug })),
    sources: catalog.sources,
  };
}
