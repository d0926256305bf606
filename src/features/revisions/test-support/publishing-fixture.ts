import { AssessmentSchema, type Assessment, type AssessmentInput } from '../../../methodology/index.ts';
import type { Database } from '../../../store/database.ts';
import { loadCommittedCatalog } from '../../catalog/catalog.usecases.ts';
import { sampleCatalog } from '../../catalog/test-support/sample-catalog.ts';

/** The occupations of the sample catalog. */
export const SAMPLE_OCCUPATIONS = [
  { onetCode: '29-1141.00', title: 'Registered Nurses', zone: 'Green' },
  { onetCode: '43-4051.00', title: 'Customer Service Representatives', zone: 'Yellow' },
  { onetCode: '41-9041.00', title: 'Telemarketers', zone: 'Red' },
] as const;

/** Loads three sample baselines: registered-nurses (Green), customer-service-representatives (Yellow), telemarketers (Red), all in "Sample Occupations". */
export async function loadSampleCatalog(db: Database): Promise<void> {
  await loadCommittedCatalog(db, sampleCatalog(SAMPLE_OCCUPATIONS));
}

const judged = (score: number) => ({ score, rationale: 'Judged for a test.' });
const evidence = (score: number) => ({ score, text: 'Evidence for a test.' });

/** Builds an expert assessment of a new role mapped to the registered nurses occupation. */
export function expertAssessment(changes: Omit<Partial<AssessmentInput>, 'role'> & { role?: Partial<AssessmentInput['role']> } = {}): Assessment {
  const { role, ...rest } = changes;
  return AssessmentSchema.parse({
    status: 'expert',
    role: { slug: 'ward-nurse', title: 'Ward Nurse', seniority: 'mid-level', category: 'Healthcare', onetCodes: ['29-1141.00'], ...role },
    tasks: [
      { name: 'Care for patients on the ward', share: 60, score: 1, rationale: 'Hands-on care.' },
      { name: 'Chart observations', share: 40, score: 4, rationale: 'Documentation tools draft it.' },
    ],
    protective: { physicality: judged(3), interpersonal: judged(3), moralJudgment: judged(2) },
    growth: judged(0),
    evidence: { jobPostings: evidence(1), companyActions: evidence(0), wages: evidence(1), toolMaturity: evidence(-1), expertConsensus: evidence(1) },
    barriers: { regulatory: judged(2), physical: judged(2), union: judged(1), liability: judged(2), cultural: judged(1) },
    reviewed: '2026-11-01',
    ...rest,
  });
}
