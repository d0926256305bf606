import { methodologyOf, scoreAssessment, type Assessment } from '../../methodology/index.ts';

/** One input where an expert assessment and its occupation's baseline differ, as shown side by side. */
export interface DifferingInput {
  input: string;
  label: string;
  expert: string;
  baseline: string;
}

/** An expert assessment beside the data-derived baseline of the O*NET occupation it maps to. */
export interface ExpertBaselineComparison {
  onetCode: string;
  expert: { slug: string; title: string; score: number; label: string };
  baseline: { slug: string; title: string; score: number; label: string; method: string };
  /** Totals first (task exposure, evidence, barriers, growth, protective), then every single input that differs. */
  inputs: DifferingInput[];
}

const LABELS: Record<string, string> = {
  'protective.physicality': 'Embodied physicality',
  'protective.interpersonal': 'Deep interpersonal connection',
  'protective.moralJudgment': 'Goal-setting & moral judgment',
  'evidence.jobPostings': 'Job postings',
  'evidence.companyActions': 'Company actions',
  'evidence.wages': 'Wages',
  'evidence.toolMaturity': 'AI tool maturity',
  'evidence.expertConsensus': 'Expert consensus',
  'barriers.regulatory': 'Regulatory / licensing',
  'barriers.physical': 'Physical presence',
  'barriers.union': 'Union',
  'barriers.liability': 'Liability',
  'barriers.cultural': 'Cultural / ethical',
};

const signed = (value: number) => `${value > 0 ? '+' : ''}${value}`;

/** Compares an expert assessment with the baseline of its occupation: headline figures and the inputs that differ. */
export function compareExpertWithBaseline(expert: Assessment, baseline: Assessment, onetCode: string): ExpertBaselineComparison {
  const a = scoreAssessment(expert, methodologyOf(expert.methodology));
  const b = scoreAssessment(baseline, methodologyOf(baseline.methodology));
  const inputs: DifferingInput[] = [];
  const total = (input: string, label: string, x: number, y: number, format: (value: number) => string = String) => {
    if (x !== y) inputs.push({ input, label, expert: format(x), baseline: format(y) });
  };
  total('taskExposure', 'Task exposure (1–5, weighted)', a.taskExposure, b.taskExposure, (value) => value.toFixed(2));
  total('evidence', 'Evidence total (−10..+10)', a.totals.evidence, b.totals.evidence, signed);
  total('barriers', 'Barrier total (0–10)', a.totals.barriers, b.totals.barriers);
  total('growth', 'Growth correlation', a.totals.growth, b.totals.growth, signed);
  total('protective', 'Protective total (0–9)', a.totals.protective, b.totals.protective);
  for (const group of ['evidence', 'barriers', 'protective'] as const) {
    const x = expert[group] as Record<string, { score: number }>;
    const y = baseline[group] as Record<string, { score: number }>;
    for (const key of Object.keys(x)) {
      const input = `${group}.${key}`;
      total(input, LABELS[input] ?? input, x[key]?.score ?? 0, y[key]?.score ?? 0, group === 'evidence' ? signed : String);
    }
  }
  return {
    onetCode,
    expert: { slug: expert.role.slug, title: expert.role.title, score: a.score, label: a.label },
    baseline: { slug: baseline.role.slug, title: baseline.role.title, score: b.score, label: b.label, method: baseline.baselineMethod?.version ?? 'baseline-1' },
    inputs,
  };
}
