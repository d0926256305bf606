import { methodologyOf, scoreAssessment, type Assessment } from '../../methodology/index.ts';

type BarrierKey = keyof Assessment['barriers'];
type EvidenceKey = keyof Assessment['evidence'];

/** The score's layers in the order the report adds them: tasks, then each barrier, then each evidence signal, then growth. */
export const LAYERS: readonly { label: string; barrier?: BarrierKey; evidence?: EvidenceKey; growth?: true }[] = [
  { label: 'task layer alone' },
  { label: '+ physical presence', barrier: 'physical' },
  { label: '+ cultural', barrier: 'cultural' },
  { label: '+ regulatory (licensing)', barrier: 'regulatory' },
  { label: '+ liability', barrier: 'liability' },
  { label: '+ union', barrier: 'union' },
  { label: '+ expert consensus', evidence: 'expertConsensus' },
  { label: '+ job postings (BLS projections)', evidence: 'jobPostings' },
  { label: '+ wages', evidence: 'wages' },
  { label: '+ AI tool maturity', evidence: 'toolMaturity' },
  { label: '+ company actions', evidence: 'companyActions' },
  { label: '+ growth correlation (= the published score)', growth: true },
];

/**
 * The assessment with only the first `count` layers kept and every later one held at 0: adding the layers one at a
 * time shows which of them moves the score towards the exposure indices and which away (ADR 0094).
 */
export function withLayers(assessment: Assessment, count: number): Assessment {
  const kept = LAYERS.slice(0, Math.max(1, Math.min(count, LAYERS.length)));
  const barriers = new Set(kept.flatMap((layer) => (layer.barrier ? [layer.barrier] : [])));
  const evidence = new Set(kept.flatMap((layer) => (layer.evidence ? [layer.evidence] : [])));
  const growth = kept.some((layer) => layer.growth);
  return {
    ...assessment,
    barriers: Object.fromEntries(Object.entries(assessment.barriers).map(([key, value]) => [key, barriers.has(key as BarrierKey) ? value : { ...value, score: 0 }])) as Assessment['barriers'],
    evidence: Object.fromEntries(Object.entries(assessment.evidence).map(([key, value]) => [key, evidence.has(key as EvidenceKey) ? value : { ...value, score: 0 }])) as Assessment['evidence'],
    growth: growth ? assessment.growth : { ...assessment.growth, score: 0 },
  };
}

/** Scores of each baseline with the first 1 … LAYERS.length layers, one list per step. */
export function layerScores(assessments: readonly { onetCode: string; assessment: Assessment }[]): { label: string; scores: { onetCode: string; value: number }[] }[] {
  return LAYERS.map((layer, index) => ({
    label: layer.label,
    scores: assessments.map(({ onetCode, assessment }) => ({ onetCode, value: scoreAssessment(withLayers(assessment, index + 1), methodologyOf(assessment.methodology)).score })),
  }));
}
