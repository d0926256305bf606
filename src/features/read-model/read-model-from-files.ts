import { explainScore, scoreAssessment, toScoreJson, type Assessment } from '../../methodology/index.ts';
import type { CatalogToLoad } from '../catalog/catalog-source.ts';
import type { ReadModelInput, RevisionInfo } from './read-model.ts';

/**
 * Builds read-model input straight from the committed catalog and the expert files, without a
 * store: every assessment at revision 1. Used by tests and by anything that renders the
 * published catalog without a database.
 */
export function readModelInputFromFiles(catalog: CatalogToLoad, publishedAt = new Date('2026-01-01T00:00:00Z')): ReadModelInput {
  const revision = (note: string, author: string, document: Assessment): RevisionInfo => ({ number: 1, publishedAt, author, note, methodologyVersion: document.methodology });
  const figuresOf = (document: Assessment) => toScoreJson(scoreAssessment(document), explainScore(document));
  const baselineRoles = catalog.baselines.map(({ onetCode, assessment }) => ({
    slug: assessment.role.slug,
    title: assessment.role.title,
    category: assessment.role.category,
    kind: 'baseline' as const,
    primaryOnetCode: onetCode,
  }));
  const expertRoles = [...new Map(catalog.experts.map(({ assessment }) => [assessment.role.slug, assessment])).values()].map((assessment) => ({
    slug: assessment.role.slug,
    title: assessment.role.title,
    category: assessment.role.category,
    kind: 'expert' as const,
    primaryOnetCode: assessment.role.onetCodes[0] ?? null,
  }));
  return {
    occupations: catalog.occupations,
    roles: [...baselineRoles, ...expertRoles],
    assessments: [
      ...catalog.baselines.map(({ assessment }) => ({
        roleSlug: assessment.role.slug,
        seniority: assessment.role.seniority,
        document: assessment,
        figures: figuresOf(assessment),
        revision: revision('Data-derived baseline, not reviewed.', 'jobzone baseline pipeline', assessment),
      })),
      ...catalog.experts.map(({ assessment }) => ({
        roleSlug: assessment.role.slug,
        seniority: assessment.role.seniority,
        document: assessment,
        figures: figuresOf(assessment),
        revision: revision('First published.', 'jobzone editorial team', assessment),
      })),
    ],
    titles: [
      ...catalog.titles.map((title) => ({ title: title.title, kind: title.kind, onetCode: title.onetCode, roleSlug: null })),
      ...catalog.experts.flatMap(({ assessment }) =>
        [assessment.role.title, ...assessment.role.aliases].map((alias) => ({ title: alias, kind: 'alias' as const, onetCode: null, roleSlug: assessment.role.slug })),
      ),
    ],
    sources: catalog.sources,
  };
}
