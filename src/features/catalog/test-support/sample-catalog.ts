import type { DataSource, OccupationRecord, TitleRecord } from '../../../data-pipeline/catalog-records.ts';
import { AssessmentSchema, type Assessment, type Zone } from '../../../methodology/index.ts';
import type { CatalogToLoad } from '../catalog-source.ts';

const judged = (score: number) => ({ score, rationale: 'Sample value for a test.' });

// One task at 100% makes the zone easy to pick: score 1 → 56.2 Green, 3 → 31.0 Yellow, 5 → 5.8 Red.
const TASK_SCORE_FOR_ZONE: Record<Zone, number> = { Green: 1, Yellow: 3, Red: 5 };

/** Builds a valid baseline assessment of an occupation that lands in the given zone. */
export function sampleBaselineAssessment(onetCode: string, slug: string, title: string, zone: Zone): Assessment {
  return AssessmentSchema.parse({
    status: 'baseline',
    role: { slug, title, seniority: 'all-levels', category: 'Sample Occupations', onetCodes: [onetCode] },
    tasks: [{ name: `Do the work of ${title}`, share: 100, score: TASK_SCORE_FOR_ZONE[zone], rationale: 'Sample task.' }],
    protective: { physicality: judged(1), interpersonal: judged(1), moralJudgment: judged(0) },
    growth: judged(0),
    evidence: { jobPostings: { score: 0, text: 'No data.' }, companyActions: { score: 0, text: 'No data.' }, wages: { score: 0, text: 'No data.' }, toolMaturity: { score: 0, text: 'No data.' }, expertConsensus: { score: 0, text: 'No data.' } },
    barriers: { regulatory: judged(0), physical: judged(0), union: judged(0), liability: judged(0), cultural: judged(0) },
  });
}

/** Builds an occupation record with the given code and title and no facts. */
export function sampleOccupation(onetCode: string, title: string): OccupationRecord {
  return {
    onetCode,
    socCode: onetCode.slice(0, 7),
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
    title,
    description: `${title} do sample work.`,
    category: 'Sample Occupations',
    jobZone: 3,
    employment2024: { value: 1000, source: 'BLS OEWS May 2024' },
    medianWage2024: null,
    medianWage2021: null,
    projectedEmployment2034: null,
    projectedChangePercent: null,
    annualOpenings: null,
    typicalEducation: null,
    indices: [{ index: 'sample-index', value: 0.5, percentile: 50, crosswalked: false }],
    relatedOnetCodes: [],
  };
}

const SAMPLE_SOURCE: DataSource = {
  key: 'sample',
  name: 'Sample data for tests',
  publisher: 'jobzone',
  year: '2026',
  license: 'CC0',
  attribution: 'none',
  files: ['sample.tsv'],
};

/** Builds a small catalog of occupations, each with a baseline in the given zone, an O*NET title and an alternate title. */
export function sampleCatalog(entries: readonly { onetCode: string; title: string; zone: Zone }[]): CatalogToLoad {
  const occupations = entries.map(({ onetCode, title }) => sampleOccupation(onetCode, title));
  const titles: TitleRecord[] = entries.flatMap(({ onetCode, title }) => [
    { onetCode, title, kind: 'onet' as const },
    { onetCode, title: `${title} Specialist`, kind: 'alternate' as const },
  ]);
  const baselines = entries.map(({ onetCode, title, zone }, index) => ({
    onetCode,
    assessment: sampleBaselineAssessment(onetCode, occupations[index]?.slug ?? onetCode, title, zone),
  }));
  return { occupations, titles, baselines, sources: [SAMPLE_SOURCE], experts: [] };
}

/** Builds a catalog of n occupations with codes 11-0001.00, 11-0002.00, … cycling through the zones. */
export function generatedCatalog(size: number): CatalogToLoad {
  const zones: Zone[] = ['Green', 'Yellow', 'Red'];
  return sampleCatalog(
    Array.from({ length: size }, (_, index) => ({
      onetCode: `11-${String(index + 1).padStart(4, '0')}.00`,
      title: `Sample Occupation ${index + 1}`,
      zone: zones[index % zones.length] ?? 'Green',
    })),
  );
}
