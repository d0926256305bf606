import { explainScore, scoreAssessment, toScoreJson, type Assessment } from '../../../methodology/index.ts';
import { readCatalogToLoad, type CatalogToLoad } from '../../catalog/catalog-source.ts';
import { buildReadModel, type ReadModel, type ReadModelInput } from '../../read-model/read-model.ts';

const PUBLISHED_AT = new Date('2026-11-24T09:00:00Z');

let catalog: Promise<CatalogToLoad> | null = null;

/** Reads the committed catalog and the expert files once per test file. */
export function committedCatalog(): Promise<CatalogToLoad> {
  catalog ??= readCatalogToLoad();
  return catalog;
}

function revisionOf(assessment: Assessment) {
  const figures = toScoreJson(scoreAssessment(assessment), explainScore(assessment));
  return {
    roleSlug: assessment.role.slug,
    seniority: assessment.role.seniority,
    document: assessment,
    figures,
    revision: { number: 1, publishedAt: PUBLISHED_AT, author: 'test', note: 'Loaded for a test.', methodologyVersion: figures.methodologyVersion },
  };
}

/** Builds the read model the site would serve from the committed catalog, plus any extra expert assessments, the way the store loads them. */
export async function readModelFromCatalog(options: { extraExperts?: Assessment[]; onlyBaselines?: readonly string[] } = {}): Promise<ReadModel> {
  const source = await committedCatalog();
  const baselines = options.onlyBaselines ? source.baselines.filter((record) => options.onlyBaselines?.includes(record.assessment.role.slug)) : source.baselines;
  const experts = [...source.experts.map((file) => file.assessment), ...(options.extraExperts ?? [])];
  const roles: ReadModelInput['roles'][number][] = [];
  for (const { onetCode, assessment } of baselines) roles.push({ slug: assessment.role.slug, title: assessment.role.title, category: assessment.role.category, kind: 'baseline', primaryOnetCode: onetCode });
  for (const assessment of experts) {
    if (roles.some((role) => role.slug === assessment.role.slug)) continue;
    roles.push({ slug: assessment.role.slug, title: assessment.role.title, category: assessment.role.category, kind: 'expert', primaryOnetCode: assessment.role.onetCodes[0] ?? null });
  }
  return buildReadModel({
    occupations: source.occupations,
    roles,
    assessments: [...baselines.map((record) => revisionOf(record.assessment)), ...experts.map(revisionOf)],
    titles: [
      ...source.titles.map((title) => ({ title: title.title, kind: title.kind, onetCode: title.onetCode, roleSlug: null })),
      ...experts.flatMap((assessment) => assessment.role.aliases.map((alias) => ({ title: alias, kind: 'alias' as const, onetCode: assessment.role.onetCodes[0] ?? null, roleSlug: assessment.role.slug }))),
    ],
    sources: source.sources,
  });
}
