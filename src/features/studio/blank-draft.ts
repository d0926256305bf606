import { BARRIER_KEYS, EVIDENCE_KEYS, PROTECTIVE_KEYS, CURRENT_METHODOLOGY, type AssessmentInput } from '../../methodology/index.ts';

/** What a blank draft needs to know about its role. */
export interface BlankRole {
  slug: string;
  title: string;
  seniority: string;
  category: string;
}

const TO_WRITE = 'To be written.';

/** Builds a new expert assessment with neutral inputs and one task, for an assessor to fill in. */
export function blankAssessment(role: BlankRole): AssessmentInput {
  const judged = (score: number) => ({ score, rationale: TO_WRITE });
  return {
    methodology: CURRENT_METHODOLOGY.version,
    status: 'expert',
    role: { slug: role.slug, title: role.title, seniority: role.seniority, category: role.category, aliases: [], onetCodes: [], notThisRole: [] },
    tasks: [{ name: 'Main task of the role', share: 100, score: 3, rationale: TO_WRITE }],
    protective: Object.fromEntries(PROTECTIVE_KEYS.map((key) => [key, judged(0)])) as AssessmentInput['protective'],
    growth: judged(0),
    evidence: Object.fromEntries(EVIDENCE_KEYS.map((key) => [key, { score: 0, text: TO_WRITE, sources: [] as { title: string }[] }])) as unknown as AssessmentInput['evidence'],
    barriers: Object.fromEntries(BARRIER_KEYS.map((key) => [key, judged(0)])) as AssessmentInput['barriers'],
    override: null,
  };
}
