import type { PublishedFigures } from './types.ts';

/**
 * Builds synthetic published pages in the layout of the real ones (glued table rows, display
 * blocks, the composite section), so tests can vary one thing at a time. The prose is invented.
 */

export type TaskLabel = 'Displaced' | 'Augmented' | 'Not Involved';

export interface TaskSpec {
  name: string;
  share: number;
  score: number;
  /** The Weighted column as the page shows it, computed by hand. */
  weighted: string;
  label: TaskLabel;
}

/** Figures worked out by hand from the methodology rules, written as the page shows them. */
export interface HandFigures {
  exposure: string;
  resistance: string;
  split: readonly [displacement: number, augmentation: number, notInvolved: number];
  evidenceModifier: string;
  barrierModifier: string;
  growthModifier: string;
  raw: string;
  formulaScore: string;
  /** The headline score: the override when there is one, else the formula score. */
  score: string;
  composition: readonly [taskResistance: string, evidence: string, barriers: string, protective: string, growth: string];
  shareAtLeast3: number;
  shareAtLeast4?: number;
  quickScreen: string;
  subLabelRule: string;
}

export interface PageSpec {
  title: string;
  seniority: string;
  category: string;
  zone: 'GREEN' | 'YELLOW' | 'RED';
  subLabel: string;
  aliasLine?: string;
  notThisRole?: string;
  protective: readonly [number, number, number];
  growth: number;
  tasks: readonly TaskSpec[];
  evidence: readonly [number, number, number, number, number];
  evidenceText?: Partial<Record<0 | 1 | 2 | 3 | 4, string>>;
  barriers: readonly [number, number, number, number, number];
  spacedBarrierLabels?: boolean;
  omitBreakdown?: boolean;
  figures: HandFigures;
  /** What follows "Assessor override: "; defaults to no override with a peer sentence. */
  override?: string;
  sources?: readonly string[];
}

const HEADLINE = { GREEN: 'PROTECTED', YELLOW: 'EXPOSED', RED: 'AT RISK' } as const;
const TABLE_LABEL: Record<TaskLabel, string> = { Displaced: 'DISPLACEMENT', Augmented: 'AUGMENTATION', 'Not Involved': 'NOT INVOLVED' };
const EVIDENCE_LABELS = ['Job Posting Trends', 'Company Actions', 'Wage Trends', 'AI Tool Maturity', 'Expert Consensus'] as const;
const BARRIER_LABELS = ['Regulatory/Licensing', 'Physical Presence', 'Union/Collective Bargaining', 'Liability/Accountability', 'Cultural/Ethical'] as const;
const BARRIER_DISPLAY = ['Regulatory', 'Physical', 'Union Power', 'Liability', 'Cultural'] as const;

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));
const total = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);
const displayScore = (spec: PageSpec) => spec.figures.score;

function header(spec: PageSpec): string[] {
  const score = displayScore(spec);
  return [
    `Will AI Replace ${spec.title} Jobs?`,
    '',
    `${spec.seniority} ${spec.category} Live Tracked This assessment is actively monitored and updated as AI capabilities change.`,
    `${spec.zone} (${spec.subLabel})`,
    '0.0',
    '/100',
    'Score at a Glance',
    'Overall',
    '0.0 /100',
    HEADLINE[spec.zone],
    'Task ResistanceHow resistant daily tasks are to AI automation.',
    '0/5',
    'EvidenceReal-world market signals.',
    '+0/10',
    `Score Composition ${score}/100`,
    `${spec.title} (${spec.seniority}): ${score}`,
    '',
    `This role is ${HEADLINE[spec.zone].toLowerCase()} in our reading. The assessment below explains why — and what's still changing.`,
    '',
    `An invented verdict for ${spec.title}: the figures on this page were worked out by hand for importer tests.`,
    '',
  ];
}

function roleDefinition(spec: PageSpec): string[] {
  return [
    'Role Definition',
    '',
    'FieldValue',
    `Job Title${spec.title}`,
    `Seniority Level${spec.seniority}`,
    `Primary FunctionCarries out the invented duties of a ${spec.title}.`,
    `What This Role Is NOT${spec.notThisRole ?? 'NOT a Stage Magician (performs tricks rather than this work).'}`,
    'Typical Experience2-6 years in a comparable post.',
    ...(spec.aliasLine ? [spec.aliasLine] : []),
    '',
    'Seniority note: Other levels would land in a neighbouring band.',
    '',
  ];
}

function protective(spec: PageSpec): string[] {
  const [physical, interpersonal, moral] = spec.protective;
  const sum = total(spec.protective);
  return [
    'Protective Principles + AI Growth Correlation',
    '',
    'Human-Only Factors',
    'Embodied Physicality',
    'Some physical presence',
    `Protective Total: ${sum}/9`,
    'PrincipleScore (0-3)Rationale',
    `Embodied Physicality${physical}Reasoning about bodies in rooms.`,
    `Deep Interpersonal Connection${interpersonal}Reasoning about relationships.`,
    `Goal-Setting & Moral Judgment${moral}Reasoning about judgement calls.`,
    `Protective Total${sum}/9`,
    `AI Growth Correlation${spec.growth}Reasoning about demand as AI spreads.`,
    '',
    `Quick screen result: Protective ${sum} + Correlation ${spec.growth} = ${spec.figures.quickScreen}. Proceed to confirm.`,
    '',
  ];
}

function breakdown(spec: PageSpec): string[] {
  if (spec.omitBreakdown) return [];
  const bySize = [...spec.tasks].sort((a, b) => b.share - a.share);
  const shown = spec.figures.split.filter((share) => share > 0).map((share) => `${share}%`);
  return [
    'Work Impact Breakdown',
    ...shown,
    'Displaced Augmented Not Involved',
    ...bySize.flatMap((task) => [task.name, `${task.share}%`, `${task.score}/5 ${task.label}`]),
  ];
}

function tasks(spec: PageSpec): string[] {
  const { figures } = spec;
  const [displacement, augmentation, notInvolved] = figures.split;
  return [
    'Task Decomposition (Agentic AI Scoring)',
    '',
    ...breakdown(spec),
    'TaskTime %Score (1-5)WeightedAug/DispRationale',
    ...spec.tasks.map((task) => `${task.name}${task.share}%${task.score}${task.weighted}${TABLE_LABEL[task.label]}Why ${task.name.toLowerCase()} scores ${task.score}.`),
    `Total100%${figures.exposure}`,
    '',
    `Task Resistance Score: 6.00 - ${figures.exposure} = ${figures.resistance}/5.0`,
    '',
    `Displacement/Augmentation split: ${displacement}% displacement, ${augmentation}% augmentation, ${notInvolved}% not involved.`,
    '',
    'Reinstatement check (Acemoglu): A few new checking duties appear as tools spread.',
    '',
  ];
}

function evidence(spec: PageSpec): string[] {
  const sum = total(spec.evidence);
  return [
    'Evidence Score',
    '',
    'Market Signal Balance',
    `${signed(sum)}/10`,
    ...EVIDENCE_LABELS.flatMap((label, index) => [label, signed(spec.evidence[index] ?? 0)]),
    'DimensionScore (-2 to 2)Evidence',
    ...EVIDENCE_LABELS.map((label, index) => `${label}${spec.evidence[index]}${spec.evidenceText?.[index as 0] ?? `Invented signal about ${label.toLowerCase()}.`}`),
    `Total${sum}`,
    '',
  ];
}

function barriers(spec: PageSpec): string[] {
  const sum = total(spec.barriers);
  const label = (text: string) => (spec.spacedBarrierLabels ? text.replace('/', ' / ') : text);
  return [
    'Barrier Assessment',
    '',
    'Structural Barriers to AI',
    `Some ${sum}/10`,
    ...BARRIER_DISPLAY.flatMap((display, index) => [display, `${spec.barriers[index]}/2`]),
    '',
    'BarrierScore (0-2)Rationale',
    ...BARRIER_LABELS.map((text, index) => `${label(text)}${spec.barriers[index]}Invented reason about ${text.toLowerCase()}.`),
    `Total${sum}/10`,
    '',
  ];
}

function growthCheck(spec: PageSpec): string[] {
  return [
    'AI Growth Correlation Check',
    '',
    `Confirmed at ${spec.growth}. Two reasons:`,
    '',
    '  1. The first invented reason.',
    '  2. The second invented reason.',
    '',
  ];
}

function composite(spec: PageSpec): string[] {
  const { figures } = spec;
  const [tr, ev, ba, pr, gr] = figures.composition;
  const term = (name: string, value: number, step: string, result: string) => `${name} Modifier1.0 + (${value} x ${step}) = ${result}`;
  const waterfall: [string, string][] = [['Task Resistance', tr], ['Evidence', ev], ['Barriers', ba], ['Protective', pr], ['AI Growth', gr]];
  return [
    'JobZone Composite Score (AIJRI)',
    '',
    'Score Waterfall',
    `${displayScore(spec)}/100`,
    ...waterfall.flatMap(([label, value]) => [label, `${value.startsWith('-') ? '' : '+'}${value}pts`]),
    'Total',
    displayScore(spec),
    'InputValue',
    `Task Resistance Score${figures.resistance}/5.0`,
    term('Evidence', total(spec.evidence), '0.04', figures.evidenceModifier),
    term('Barrier', total(spec.barriers), '0.02', figures.barrierModifier),
    term('Growth', spec.growth, '0.05', figures.growthModifier),
    '',
    `Raw: ${figures.resistance} x ${figures.evidenceModifier} x ${figures.barrierModifier} x ${figures.growthModifier} = ${figures.raw}`,
    '',
    `JobZone Score: (${figures.raw} - 0.54) / 7.93 x 100 = ${figures.formulaScore}/100`,
    '',
    `Zone: ${spec.zone} (Green >= 48, Yellow 25-47, Red <25)`,
    '',
    ...subLabelTable(spec),
    `Assessor override: ${spec.override ?? 'None — formula score accepted. It sits near Stage Magician (12.3, unrelated) as a sanity check.'}`,
    '',
  ];
}

function subLabelTable(spec: PageSpec): string[] {
  const { figures } = spec;
  const zoneWord = spec.zone.charAt(0) + spec.zone.slice(1).toLowerCase();
  return [
    'Sub-Label Determination',
    '',
    'MetricValue',
    `% of task time scoring 3+${figures.shareAtLeast3}%`,
    ...(figures.shareAtLeast4 === undefined ? [] : [`% of task time scoring 4+${figures.shareAtLeast4}%`]),
    `AI Growth Correlation${spec.growth}`,
    `Sub-label${zoneWord} (${spec.subLabel}) — ${figures.subLabelRule}`,
    '',
  ];
}

function commentary(spec: PageSpec): string[] {
  return [
    'Assessor Commentary',
    '',
    'Score vs Reality Check',
    '',
    'The score matches what an invented panel expected.',
    '',
    "What the Numbers Don't Capture",
    '',
    '  • Sample blind spot. The invented figures leave out regional differences.',
    '  • Second blind spot. Titles drift between employers.',
    '',
    "Who Should Worry (and Who Shouldn't)",
    '',
    'People doing the routine half of the job should plan ahead.',
    '',
    'People doing the judgement half are better placed.',
    '',
    'What This Means',
    '',
    `The role in 2030: A ${spec.title} spends more time checking tool output.`,
    '',
    'Survival strategy:',
    '',
    '  1. Learn the tools first.',
    '  2. Keep the judgement work.',
    '',
    'Timeline: Three to five years.',
    '',
    'Sources',
    '',
    ...(spec.sources ?? []),
    '',
    'Useful Resources',
    '',
    `Get updates on ${spec.title} (${spec.seniority})`,
    '',
    'No spam. Unsubscribe anytime.',
  ];
}

/** Returns the figures a page built from the spec states, as the importer should read them. */
export function figuresOf(spec: PageSpec): PublishedFigures {
  const { figures } = spec;
  const [taskResistance, evidence, barriers, protective, growth] = figures.composition.map(Number) as [number, number, number, number, number];
  const [displacement, augmentation, notInvolved] = figures.split;
  const quickScreenSum = total(spec.protective) + spec.growth;
  const overrideMatch = /^(?:Adjusted to )?(\d+\.\d) — (.+)$/.exec(spec.override ?? '');
  return {
    score: Number(figures.score),
    formulaScore: Number(figures.formulaScore),
    zone: spec.zone === 'GREEN' ? 'Green' : spec.zone === 'YELLOW' ? 'Yellow' : 'Red',
    subLabel: spec.subLabel,
    taskExposure: Number(figures.exposure),
    taskResistance: Number(figures.resistance),
    raw: Number(figures.raw),
    modifiers: { evidence: Number(figures.evidenceModifier), barrier: Number(figures.barrierModifier), growth: Number(figures.growthModifier) },
    totals: { protective: total(spec.protective), growth: spec.growth, evidence: total(spec.evidence), barriers: total(spec.barriers) },
    split: { displacement, augmentation, notInvolved },
    shareAtLeast3: figures.shareAtLeast3,
    shareAtLeast4: figures.shareAtLeast4 ?? null,
    quickScreen: { sum: quickScreenSum, label: figures.quickScreen },
    composition: { taskResistance, evidence, barriers, protective, growth },
    taskWeighted: spec.tasks.map((task) => Number(task.weighted)),
    override: overrideMatch?.[1] && overrideMatch[2] ? { score: Number(overrideMatch[1]), justification: overrideMatch[2] } : null,
  };
}

/** Builds the text of a synthetic published page from a spec. */
export function buildPage(spec: PageSpec): string {
  return [header, roleDefinition, protective, tasks, evidence, barriers, growthCheck, composite, commentary].flatMap((part) => part(spec)).join('\n');
}
