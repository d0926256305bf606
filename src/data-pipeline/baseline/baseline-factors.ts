import type { Assessment, Provenance } from '../../methodology/index.ts';
import type { IndexValue } from '../catalog-records.ts';
import { mean } from '../build/percentiles.ts';
import type { CuratedRow, LicensingRow, UnionRow } from '../curated/curated-tables.ts';
import { BASELINE } from './baseline-constants.ts';
import type { OccupationSignals, Signal, ToolUse } from './occupation-signals.ts';

type Judged = { score: number; rationale: string; provenance: Provenance };
type EvidenceItem = Assessment['evidence']['jobPostings'];

/** Counts how many ascending lower bounds a value reaches: the level on a 0..bounds.length scale. */
export function levelFrom(value: number, lowerBounds: readonly number[]): number {
  return lowerBounds.filter((bound) => value >= bound).length;
}

/** Maps a value onto −2..+2 by four ascending upper bounds (≤ first → −2 … above last → +2). */
export function signedLevel(value: number, upperBounds: readonly [number, number, number, number]): number {
  const [a, b, c, d] = upperBounds;
  if (value <= a) return -2;
  if (value <= b) return -1;
  if (value < c) return 0;
  if (value < d) return 1;
  return 2;
}

const fromSignal = (signal: Signal, confidence: Provenance['confidence']): Provenance => ({ basis: 'data', source: signal.source, confidence, detail: signal.detail });

/** Returns the neutral value used where no data speaks to a factor. */
export function neutralDefault(score: number, what: string, missing: string): Judged {
  return {
    score,
    rationale: `No data on ${what}; neutral default.`,
    provenance: { basis: 'default', source: 'neutral default', confidence: 'low', detail: missing },
  };
}

/** Derives the three protective principles from O*NET activities and the job zone. */
export function deriveProtective(signals: OccupationSignals, facts: CuratedFacts = { licensing: null, union: null }): Assessment['protective'] {
  const physical = signals.physicalActivity;
  const physicality: Judged = physical
    ? {
        score: levelFrom(physical.value, BASELINE.physicality),
        rationale: `Physical work activity importance ${physical.value}/100.`,
        provenance: fromSignal(physical, physical.crosswalked ? 'low' : 'medium'),
      }
    : neutralDefault(1, 'physical work activities', 'no O*NET OnLine physical-activity rating for this occupation');
  const people = signals.interpersonal;
  const interpersonal: Judged = people
    ? {
        score: levelFrom(people.value, BASELINE.interpersonal),
        rationale: `Assisting and caring for others (personal, medical or emotional care) importance ${people.value}/100.`,
        provenance: fromSignal(people, 'low'),
      }
    : neutralDefault(1, 'interpersonal work activities', 'no O*NET OnLine 2020 rating reached this occupation through the crosswalk');
  // Method 2: the decisions a role answers for (liability from the curated licensing table) and the people it
  // directs, not the years of preparation: the job zone rose with exposure to language models, so it is no proxy for protection.
  let moralJudgment: Judged;
  const guiding = signals.guidingSubordinates;
  const licensing = facts.licensing;
  if (licensing === null && guiding === null) moralJudgment = neutralDefault(1, 'accountability and leadership', 'no licensing row and no guiding-subordinates rating');
  else {
    const guidingPart = guiding === null ? 0 : levelFrom(guiding.value, [BASELINE.guidingSubordinates.half, BASELINE.guidingSubordinates.full]) / 2;
    const score = Math.min(3, Math.floor((licensing?.liability ?? 0) + guidingPart + 0.5));
    moralJudgment = {
      score,
      rationale: `${licensing ? `Liability level ${licensing.liability} of 2` : 'No licensing row'}${guiding ? `; guiding subordinates importance ${guiding.value}/100` : ''}.`,
      provenance: {
        basis: licensing ? 'assessor' : 'data',
        source: [licensing?.citation, guiding?.source].filter((part) => part !== undefined).join('; '),
        confidence: 'low',
        detail: [licensing ? `liability ${licensing.liability} (curated licensing table, match ${licensing.match})` : null, guiding?.detail ?? null].filter((part) => part !== null).join('; '),
      },
    };
  }
  return { physicality, interpersonal, moralJudgment };
}

/** The curated rows that speak to one occupation's licensing, liability and union coverage (src/data-pipeline/curated). */
export interface CuratedFacts {
  licensing: LicensingRow | null;
  union: UnionRow | null;
}

const curatedProvenance = (row: CuratedRow, detail: string): Provenance => ({
  basis: 'assessor',
  source: row.citation,
  confidence: row.confidence,
  detail: `${detail}; curated table ${row.file.slice(row.file.lastIndexOf('/') + 1)}:${row.line} (match ${row.match})`,
});

/** Maps a union membership rate (percent) onto the union barrier 0–2. */
export function unionLevel(ratePercent: number): number {
  return levelFrom(ratePercent, BASELINE.unionRate);
}

/** Derives physical presence from hands-on work, vehicle operation and close bodily contact with people. */
function derivePhysicalPresence(signals: OccupationSignals): Judged {
  const rules = BASELINE.physicalPresence;
  const candidates: { level: number; reason: string; signal: Signal }[] = [];
  const hands = signals.strongestPhysical;
  if (hands) candidates.push({ level: levelFrom(hands.value, rules.handsOn), reason: `hands-on or machine work importance ${hands.value}/100`, signal: hands });
  const vehicles = signals.operatingVehicles;
  if (vehicles) candidates.push({ level: levelFrom(vehicles.value, rules.handsOn), reason: `operating vehicles or equipment importance ${vehicles.value}/100`, signal: vehicles });
  const proximity = signals.physicalProximity;
  const disease = signals.exposedToDisease;
  if (proximity && disease) {
    const contact = Math.min(proximity.value, disease.value);
    candidates.push({
      level: levelFrom(contact, rules.bodilyContact),
      reason: `close contact with people (proximity ${proximity.value}, exposure to disease ${disease.value})`,
      signal: { ...proximity, source: `${proximity.source}; ${disease.source}` },
    });
  }
  if (proximity) candidates.push({ level: proximity.value >= rules.proximityAlone ? 1 : 0, reason: `physical proximity to others ${proximity.value}/100`, signal: proximity });
  if (candidates.length === 0) return neutralDefault(BASELINE.neutralBarrier, 'physical presence', 'no O*NET OnLine physical-activity or work-context rating for this occupation');
  const best = candidates.reduce((top, candidate) => (candidate.level > top.level ? candidate : top));
  return {
    score: best.level,
    rationale: `Strongest presence signal: ${best.reason}.`,
    provenance: fromSignal(best.signal, best.signal.crosswalked ? 'low' : 'medium'),
  };
}

/**
 * What each liability level means on a baseline page (ADR 0093): 2 is signing off on your own licence; carrying out what
 * another licensee prescribes is 1, however much is at stake.
 */
const LIABILITY_MEANING = [
  'No personal liability beyond ordinary employment',
  'Answerable for safety, money or results under supervision or regulation, or for carrying out what another licensee prescribes',
  "Makes and signs off decisions about others' life, health, safety or legal rights on their own licence or certificate",
] as const;

/** What each cultural level says about the people served. */
const CULTURAL_MEANING = ['caring is a small part of the work', 'people often expect a human', 'people expect a human'] as const;

/** Derives the five barriers: physical presence and cultural expectation from O*NET, licensing, liability and union coverage from the curated tables. */
export function deriveBarriers(signals: OccupationSignals, facts: CuratedFacts = { licensing: null, union: null }): Assessment['barriers'] {
  const caring = signals.assistingAndCaring;
  const cultural: Judged = caring
    ? {
        score: levelFrom(caring.value, BASELINE.culturalBarrier),
        rationale: `Caring for others importance ${caring.value}/100: ${CULTURAL_MEANING[levelFrom(caring.value, BASELINE.culturalBarrier)]}.`,
        provenance: fromSignal(caring, 'low'),
      }
    : neutralDefault(BASELINE.neutralBarrier, 'care work', 'no O*NET OnLine 2020 rating reached this occupation through the crosswalk');
  const licensing = facts.licensing;
  const regulatory: Judged = licensing
    ? {
        score: licensing.licence,
        rationale: `${['No licence required', 'Certification or a licence for part of the work', 'A licence is required to practise'][licensing.licence]}: ${licensing.requirement}.`,
        provenance: curatedProvenance(licensing, `licence level ${licensing.licence}`),
      }
    : neutralDefault(BASELINE.neutralBarrier, 'licensing', 'no row of the curated licensing table matches this occupation');
  const liability: Judged = licensing
    ? {
        score: licensing.liability,
        rationale: `${LIABILITY_MEANING[licensing.liability]}.`,
        provenance: curatedProvenance(licensing, `liability level ${licensing.liability}`),
      }
    : neutralDefault(BASELINE.neutralBarrier, 'liability', 'no row of the curated licensing table matches this occupation');
  const unionRow = facts.union;
  const union: Judged = unionRow
    ? unionRow.ratePercent !== null
      ? {
          score: unionLevel(unionRow.ratePercent),
          rationale: `${unionRow.ratePercent}% of workers in the occupation group are union members.`,
          provenance: curatedProvenance(unionRow, `membership rate ${unionRow.ratePercent}% (${unionRow.note}); ≥ ${BASELINE.unionRate[1]}% → 2, ≥ ${BASELINE.unionRate[0]}% → 1`),
        }
      : {
          score: unionRow.level ?? BASELINE.neutralBarrier,
          rationale: `Collective bargaining: ${unionRow.note}.`,
          provenance: curatedProvenance(unionRow, `level ${unionRow.level}`),
        }
    : neutralDefault(BASELINE.neutralBarrier, 'union coverage', 'no row of the curated union table matches this occupation');
  return { regulatory, physical: derivePhysicalPresence(signals), union, liability, cultural };
}

const PROJECTIONS = { title: 'BLS Employment Projections 2024–34 (a projection; no job-postings data exists in the sources)' };
const OEWS = { title: 'BLS OEWS, May 2021 and May 2024' };
const ANTHROPIC = { title: 'Anthropic Economic Index (2025)' };

function defaultEvidence(what: string, missing: string): EvidenceItem {
  const neutral = neutralDefault(0, what, missing);
  return { score: 0, text: neutral.rationale, sources: [], provenance: neutral.provenance };
}

/**
 * The researchers whose exposure measures stand for expert consensus, each counted once. The Eloundou et al. labels are
 * left out because the task layer already reads both of their label sets; Frey & Osborne (2013) measure computerisation
 * including mobile robots, so they speak only where physical automation is in scope for the occupation.
 */
export const CONSENSUS_SOURCES = {
  languageModels: [
    { name: 'Felten, Raj & Seamans (AIOE 2021, LM-AIOE 2023)', indices: ['felten-2021-aioe', 'felten-2023-lm-aioe'] },
    { name: 'Tomlinson et al. 2025 (Microsoft)', indices: ['microsoft-2025-ai-applicability'] },
  ],
  physicalAutomation: { name: 'Frey & Osborne 2013', indices: ['frey-osborne-2013'] },
} as const;

/** One consensus source's exposure percentile for an occupation (the mean where a source published several versions). */
export interface ConsensusVoice {
  name: string;
  percentile: number;
}

function voiceOf(source: { name: string; indices: readonly string[] }, indices: readonly IndexValue[]): ConsensusVoice | null {
  const values = indices.filter((value) => source.indices.includes(value.index));
  return values.length === 0 ? null : { name: source.name, percentile: mean(values.map((value) => value.percentile)) };
}

/** Reads one exposure percentile onto −2..+2 by the consensus bounds: high exposure is negative evidence, low exposure positive. */
export function consensusLevel(percentile: number): number {
  const rules = BASELINE.consensusPercentile;
  return percentile >= rules.minusTwo ? -2 : percentile >= rules.minusOne ? -1 : percentile <= rules.plusTwo ? 2 : percentile <= rules.plusOne ? 1 : 0;
}

/**
 * Returns the expert consensus on exposure: the mean percentile of the language-model sources and their spread; where
 * physical automation is in scope and Frey & Osborne see more exposure, their percentile instead (the threat in scope).
 * `agrees` is false where two language-model sources, each read alone, do not lean the same way (ADR 0093).
 */
export function consensusOf(
  indices: readonly IndexValue[],
  physicalAutomationInScope = false,
): { mean: number; spread: number; count: number; voices: ConsensusVoice[]; physical: ConsensusVoice | null; agrees: boolean } | null {
  const voices = CONSENSUS_SOURCES.languageModels.map((source) => voiceOf(source, indices)).filter((voice): voice is ConsensusVoice => voice !== null);
  const physical = physicalAutomationInScope ? voiceOf(CONSENSUS_SOURCES.physicalAutomation, indices) : null;
  if (voices.length === 0 && physical === null) return null;
  const average = voices.length === 0 ? 0 : mean(voices.map((voice) => voice.percentile));
  const spread = voices.length === 0 ? 0 : Math.sqrt(mean(voices.map((voice) => (voice.percentile - average) ** 2)));
  const usesPhysical = physical !== null && (voices.length === 0 || physical.percentile > average);
  const leanings = new Set(voices.map((voice) => Math.sign(consensusLevel(Math.round(voice.percentile)))));
  return {
    agrees: usesPhysical || voices.length < 2 || (leanings.size === 1 && !leanings.has(0)),
    mean: Math.round(usesPhysical ? physical.percentile : average),
    spread: Math.round(spread),
    count: voices.length + (physical ? 1 : 0),
    voices,
    physical: usesPhysical ? physical : null,
  };
}

const signed = (value: number) => `${value > 0 ? '+' : ''}${value}`;

/** Writes a whole number as an English ordinal: 1st, 2nd, 3rd, 11th, 92nd. */
export function ordinal(value: number): string {
  const lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${value}th`;
  return `${value}${['th', 'st', 'nd', 'rd'][value % 10] ?? 'th'}`;
}

/** Maps a wage change relative to its peers (points) onto Wage Trends: a one-point lean where it is clearly out of line, else 0. */
export function wageLean(relative: number): number {
  const { leanFrom } = BASELINE.relativeWageChange;
  return relative >= leanFrom ? 1 : relative <= -leanFrom ? -1 : 0;
}

/** Derives the five evidence signals from projections, wages, observed AI use and the published indices. */
export function deriveEvidence(signals: OccupationSignals, toolUse: ToolUse, peerWageChange: { change: number; group: string } | null): Assessment['evidence'] {
  const change = signals.projectedChange;
  const jobPostings: EvidenceItem =
    change === null
      ? defaultEvidence('projected employment', 'no BLS projection for this SOC code')
      : {
          score: Math.min(BASELINE.projectedGrowthAtMost, signedLevel(change, BASELINE.projectedChange as unknown as [number, number, number, number])),
          text: `BLS projection (not postings): ${signed(change)}% employment 2024–34 (all occupations +3.1%)${
            change >= (BASELINE.projectedChange[3] as number) ? '; projected growth leans one point at most: it is demand for the work, not shelter from AI' : ''
          }.`,
          sources: [PROJECTIONS],
          provenance: { basis: 'data', source: PROJECTIONS.title, confidence: 'medium', detail: 'BLS projection standing in for job-posting trends' },
        };

  const wage = signals.wageChange;
  const wages: EvidenceItem =
    wage === null || peerWageChange === null
      ? defaultEvidence(
          'wage change',
          wage === null ? 'median and mean wage missing in one of the two BLS vintages' : 'fewer than five other BLS wage series to compare with',
        )
      : (() => {
          const relative = Math.round((wage.percent - peerWageChange.change) * 10) / 10;
          const statistic = wage.statistic === 'median' ? 'Median wage' : 'Mean wage (BLS top-codes the median)';
          const score = wageLean(relative);
          const reading =
            score === 0
              ? `within ${BASELINE.relativeWageChange.leanFrom} points of its peers: no lean`
              : `${score > 0 ? 'ahead of' : 'behind'} its peers by ${BASELINE.relativeWageChange.leanFrom}+ points: a one-point lean (2021→2024 mostly predates generative AI)`;
          return {
            score,
            text: `${statistic} ${signed(wage.percent)}% 2021→2024, ${signed(relative)} points against its peers' median change (${signed(peerWageChange.change)}%), ${peerWageChange.group}: ${reading}.`,
            sources: [OEWS],
            provenance: {
              basis: 'data' as const,
              source: OEWS.title,
              confidence: wage.statistic === 'median' ? ('medium' as const) : ('low' as const),
              detail: `${wage.statistic} $${wage.from} → $${wage.to} (BLS line ${wage.series}); peer group ${peerWageChange.group}`,
            },
          };
        })();

  let toolMaturity: EvidenceItem;
  if (toolUse.handOverPercent === null || toolUse.classifiedShare < BASELINE.toolHandOverSpeaksFrom) {
    // Absence of a match is absence of evidence: no point either way.
    toolMaturity = defaultEvidence('observed AI use', toolUse.matchedTasks === 0 ? 'no task of this occupation matched the Anthropic Economic Index task list' : `tasks with classified Claude conversations cover ${toolUse.classifiedShare}% of working time, under the ${BASELINE.toolHandOverSpeaksFrom}% from which their split speaks for the occupation`);
  } else {
    const handOver = toolUse.handOverPercent;
    const rules = BASELINE.toolHandOverPercent;
    const score = handOver >= rules.minusTwo ? -2 : handOver >= rules.minusOne ? -1 : handOver <= rules.plusOne ? 1 : 0;
    toolMaturity = {
      score,
      text: `Where Claude is used on its tasks, users hand the task over in ${handOver}% of conversations and work on it with Claude in ${Math.round((100 - handOver) * 10) / 10}% (tasks with observed use: ${toolUse.classifiedShare}% of working time).`,
      sources: [ANTHROPIC],
      provenance: {
        basis: 'data',
        source: ANTHROPIC.title,
        confidence: 'medium',
        detail: `${toolUse.matchedTasks} tasks matched; directive and feedback-loop use against iteration, validation and learning`,
      },
    };
  }

  const consensus = consensusOf(signals.indices, signals.physicalAutomationInScope);
  let expertConsensus: EvidenceItem;
  if (consensus === null) expertConsensus = defaultEvidence('published exposure indices', 'no published index covers this occupation');
  else {
    // A consensus needs the sources to lean the same way: where one sees the role exposed and the other sheltered, or
    // one sees neither, their mean is a split, not a consensus (ADR 0093).
    const meanLevel = consensusLevel(consensus.mean);
    const split = !consensus.agrees && meanLevel !== 0;
    const score = split ? 0 : meanLevel;
    const agreement = consensus.spread <= BASELINE.consensusAgreement.high ? 'high' : consensus.spread <= BASELINE.consensusAgreement.medium ? 'medium' : 'low';
    const names = [...consensus.voices, ...(consensus.physical ? [consensus.physical] : [])].map((voice) => `${voice.name} ${Math.round(voice.percentile)}`);
    const basis = consensus.physical
      ? `Frey & Osborne put its computerisation (robots and autonomous vehicles are in scope) at the ${ordinal(consensus.mean)} percentile, above the language-model sources`
      : !split
        ? `${consensus.voices.length} independent ${consensus.voices.length === 1 ? 'source puts' : 'sources put'} its language-model exposure at the ${ordinal(consensus.mean)} percentile on average (spread ${consensus.spread})`
        : `The independent sources do not lean the same way (${consensus.voices.map((voice) => `${voice.name} ${ordinal(Math.round(voice.percentile))} percentile`).join(', ')}): no consensus, no point`;
    expertConsensus = {
      score,
      text: `${basis}.`,
      sources: [{ title: 'Published AI-exposure indices (Felten, Raj & Seamans; Tomlinson et al.; Frey & Osborne where physical automation is in scope)' }],
      provenance: {
        basis: 'data',
        source: 'Published AI-exposure indices',
        confidence: consensus.voices.length >= 2 ? agreement : 'low',
        detail: names.join(', '),
      },
    };
  }

  return {
    jobPostings,
    companyActions: defaultEvidence('employer actions', 'no hiring or layoff data in the sources'),
    wages,
    toolMaturity,
    expertConsensus,
  };
}

/** Derives the growth correlation: does demand move with AI exposure? Only where the indices say AI touches the role. */
export function deriveGrowth(signals: OccupationSignals): Assessment['growth'] {
  const consensus = consensusOf(signals.indices, signals.physicalAutomationInScope);
  const change = signals.projectedChange;
  if (consensus === null || change === null) {
    const missing = consensus === null ? 'no published index covers this occupation' : 'no BLS projection for this SOC code';
    return neutralDefault(0, 'AI-linked demand', missing);
  }
  const rules = BASELINE.growth;
  let score = 0;
  if (consensus.mean >= rules.exposedFrom) {
    if (change >= rules.strongBoost && consensus.mean >= rules.stronglyExposedFrom) score = 2;
    else if (change >= rules.boost) score = 1;
    else if (change <= rules.strongShrink && consensus.mean >= rules.stronglyExposedFrom) score = -2;
    else if (change <= rules.shrink) score = -1;
  }
  const exposed = consensus.mean >= rules.exposedFrom;
  const rationale = !exposed
    ? `${ordinal(consensus.mean)} exposure percentile: AI is not what drives demand.`
    : score === 0
      ? `Exposed (${ordinal(consensus.mean)} percentile), BLS projects ${signed(change)}%: no clear link to AI.`
      : `Exposed (${ordinal(consensus.mean)} percentile), BLS projects ${signed(change)}%: demand ${score > 0 ? 'grows' : 'shrinks'} with AI.`;
  return {
    score,
    rationale,
    provenance: {
      basis: 'data',
      source: 'BLS projections; published indices',
      confidence: 'low',
      detail: `${signed(change)}% by 2034, exposure percentile ${consensus.mean}`,
    },
  };
}
