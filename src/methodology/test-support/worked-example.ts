import type { ScoringInput } from '../score.ts';

const judged = (score: number) => ({ score, rationale: 'as published' });

/** The inputs of methodology §3 (Multimodal AI Engineer, Mid-level). */
export const workedExample = {
  tasks: [
    { name: 'Design cross-modal fusion architectures for novel use cases', share: 20, score: 2 },
    { name: 'Implement and train multimodal models (VLMs, audio-visual, embeddings)', share: 25, score: 2 },
    { name: 'Fine-tune and adapt multimodal foundation models', share: 15, score: 3 },
    { name: 'Build multimodal data pipelines and dataset curation', share: 15, score: 3 },
    { name: 'Deploy and monitor multimodal systems in production (MLOps)', share: 15, score: 3 },
    { name: 'Evaluate multimodal model quality and cross-modal coherence', share: 10, score: 1 },
  ],
  protective: { physicality: judged(0), interpersonal: judged(0), moralJudgment: judged(2) },
  growth: judged(2),
  evidence: { jobPostings: judged(2), companyActions: judged(2), wages: judged(1), toolMaturity: judged(1), expertConsensus: judged(2) },
  barriers: { regulatory: judged(1), physical: judged(0), union: judged(0), liability: judged(1), cultural: judged(1) },
  override: null,
} satisfies ScoringInput;

/** Returns a copy of the worked example with some inputs replaced. */
export function workedExampleWith(changes: Partial<ScoringInput>): ScoringInput {
  return { ...structuredClone(workedExample), ...changes };
}

/** Every figure methodology §3 publishes for the worked example, in the shape of `jobzone score --json`. */
export const workedExampleFigures = {
  score: 64,
  formulaScore: 64,
  zone: 'Green',
  subLabel: 'Accelerated',
  label: 'Green (Accelerated)',
  taskExposure: 2.35,
  taskResistance: 3.65,
  raw: 5.6178,
  modifiers: { evidence: 1.32, barrier: 1.06, growth: 1.1 },
  totals: { protective: 2, growth: 2, evidence: 8, barriers: 3 },
  split: { displacement: 0, augmentation: 90, notInvolved: 10 },
  shareAtLeast3: 45,
  shareAtLeast4: 0,
  quickScreen: { sum: 4, label: 'Likely Green Zone (Accelerated)', agrees: true },
  composition: { taskResistance: 36.5, evidence: 16, barriers: 4.5, protective: 2.2, growth: 5 },
  override: null,
  methodologyVersion: 'aijri-1',
} as const;

/** The worked example as a complete assessment document, as an assessment file holds it. */
export const workedExampleAssessment = {
  status: 'expert' as const,
  role: { slug: 'multimodal-ai-engineer', title: 'Multimodal AI Engineer', seniority: 'mid-level', category: 'AI/ML Engineering' },
  ...workedExample,
  tasks: workedExample.tasks.map((task) => ({ ...task, rationale: 'as published' })),
  evidence: Object.fromEntries(Object.entries(workedExample.evidence).map(([key, item]) => [key, { score: item.score, text: 'as published', sources: [] }])),
};
