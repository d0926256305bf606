import { readCatalogToLoad, type CatalogToLoad } from '../../catalog/catalog-source.ts';
import { sampleCatalog } from '../../catalog/test-support/sample-catalog.ts';
import { explainScore, scoreAssessment, toScoreJson, type Assessment, type Zone } from '../../../methodology/index.ts';
import { buildReadModel, type ReadModel, type ReadModelInput } from '../../read-model/read-model.ts';

const FIRST_DAY = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

function roleOf(assessment: Assessment, onetCode: string | null, kind: 'baseline' | 'expert') {
  return { slug: assessment.role.slug, title: assessment.role.title, category: assessment.role.category, kind, primaryOnetCode: onetCode };
}

/** Turns a catalog into read-model input the way the store would, publishing the nth assessment on day n of 2026. */
export function readModelInputOf(catalog: CatalogToLoad): ReadModelInput {
  const documents = [
    ...catalog.baselines.map(({ onetCode, assessment }) => ({ assessment, role: roleOf(assessment, onetCode, 'baseline') })),
    ...catalog.experts.map(({ assessment }) => ({ assessment, role: roleOf(assessment, assessment.role.onetCodes[0] ?? null, 'expert') })),
  ];
  const roles = new Map(documents.map(({ role }) => [role.slug, role]));
  return {
    occupations: catalog.occupations,
    roles: [...roles.values()],
    assessments: documents.map(({ assessment }, index) => ({
      roleSlug: assessment.role.slug,
      seniority: assessment.role.seniority,
      document: assessment,
      figures: toScoreJson(scoreAssessment(assessment), explainScore(assessment)),
      revision: { number: 1, publishedAt: new Date(FIRST_DAY + index * DAY), author: 'test', note: 'Published for a test.', methodologyVersion: 'aijri-1' },
    })),
    titles: [
      ...catalog.titles.map((title) => ({ title: title.title, kind: title.kind, onetCode: title.onetCode, roleSlug: null })),
      ...catalog.experts.flatMap(({ assessment }) => assessment.role.aliases.map((alias) => ({ title: alias, kind: 'alias' as const, onetCode: assessment.role.onetCodes[0] ?? null, roleSlug: assessment.role.slug }))),
    ],
    sources: catalog.sources,
  };
}

/** Builds a read model of a few sample occupations, each landing in the zone given. */
export function sampleReadModel(entries: readonly { onetCode: string; title: string; zone: Zone; category?: string }[]): ReadModel {
  const catalog = sampleCatalog(entries);
  for (const [index, baseline] of catalog.baselines.entries()) {
    const category = entries[index]?.category;
    if (category) baseline.assessment.role.category = category;
  }
  return buildReadModel(readModelInputOf(catalog));
}

let committed: Promise<ReadModel> | null = null;

/** Builds (once per test file) the read model of the committed catalog and the expert assessment files. */
export function committedReadModel(): Promise<ReadModel> {
  committed ??= readCatalogToLoad().then((catalog) => buildReadModel(readModelInputOf(catalog)));
  return committed;
}
