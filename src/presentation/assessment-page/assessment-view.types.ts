import type { TaskTableRow } from '../task-table.ts';
import type { Provenance, Zone } from '../../methodology/index.ts';
import type { PercentileDot, RangeBarGeometry, ScoreScaleGeometry, SplitSegment } from '../chart-geometry.ts';

export type ZoneClass = 'green' | 'yellow' | 'red';

/** Where a baseline input came from, compactly: "from data · high" with the detail to unfold. */
export interface ProvenanceTag {
  basis: Provenance['basis'];
  short: string;
  source: string;
  detail: string | null;
  confidence: Provenance['confidence'];
}

/** Another assessment as a link with its current score and zone. */
export interface RoleLink {
  title: string;
  seniorityLabel: string;
  href: string;
  scoreText: string;
  zone: Zone;
  zoneClass: ZoneClass;
  label: string;
  word: string;
  isBaseline: boolean;
}

export interface JudgementRow {
  key: string;
  label: string;
  description: string;
  score: number;
  scoreText: string;
  max: number;
  rationaleHtml: string;
  provenance: ProvenanceTag | null;
}

/** A row of the page's task table: the shared task-table row plus what the page adds. */
export interface TaskRow extends TaskTableRow {
  scoreMeaning: string;
  rationaleHtml: string;
  provenance: ProvenanceTag | null;
}

export interface EvidenceRow {
  key: string;
  label: string;
  description: string;
  score: number;
  scoreText: string;
  bar: RangeBarGeometry;
  textHtml: string;
  sources: { title: string; url: string | null }[];
  provenance: ProvenanceTag | null;
}

export interface SensitivityStepView {
  toValueText: string;
  scoreText: string;
  deltaText: string;
  zone: Zone;
  zoneChanges: boolean;
}

export interface SensitivityRow {
  group: string;
  label: string;
  valueText: string;
  largestMoveText: string;
  up: SensitivityStepView | null;
  down: SensitivityStepView | null;
}

export interface NotThisRoleView {
  title: string;
  reasonHtml: string;
  current: RoleLink | null;
  quotedScoreText: string | null;
  searchHref: string;
}

export interface QuotedPeerView {
  title: string;
  quotedScoreText: string | null;
  current: RoleLink | null;
}

export interface IndexRow {
  key: string;
  name: string;
  year: string | null;
  measures: string;
  valueText: string;
  percentile: number;
  percentileText: string;
  crosswalked: boolean;
}

export interface FactRow {
  label: string;
  value: string;
  source: string;
  note: string | null;
}

/** A task named in the summary, shortened to fit a line, with what AI does to it. */
export interface SummaryTask {
  name: string;
  fullName: string;
  shareText: string;
  meaning: string;
}

export interface AssessmentSummaryView {
  /** One sentence built from the role's own tasks and outlook. */
  sentence: string;
  mostExposed: SummaryTask[];
  leastExposed: SummaryTask[];
  /** What the zone word (or the borderline) means, with its horizon. */
  zoneMeaning: string;
  horizon: string;
  subLabelMeaning: string | null;
  /** Set when the quick screen disagrees with the full score; shown beside the score. */
  quickScreenNote: string | null;
  /** The one neutral line an unreviewed baseline carries. */
  estimateLine: string | null;
  /** What "AI" covers, when the baseline method says so. */
  aiScope: string | null;
  reportHref: string;
  /** Related roles that score higher, nearest relation first. */
  higherScoring: RoleLink[];
}

/** Everything the assessment page shows, prepared for rendering. */
export interface AssessmentPageView {
  meta: { title: string; description: string; canonicalPath: string; ogType: 'article' };
  key: string;
  role: {
    slug: string;
    title: string;
    seniority: string;
    seniorityLabel: string;
    category: string;
    categoryHref: string;
    aliases: string[];
    isBaseline: boolean;
    statusLabel: string;
    /** Baselines only: the method version that derived them and what it counts as AI. */
    baselineMethod: { version: string; aiScope: string } | null;
  };
  headline: {
    zone: Zone;
    zoneClass: ZoneClass;
    word: string;
    subLabel: string;
    /** The sub-label the headline shows; null when an automated estimate would headline an urgency sub-label. */
    subLabelShown: string | null;
    label: string;
    scoreText: string;
    /** The single-step band, "46.2–51.0". */
    rangeText: string;
    /** The zones the band spans when it crosses a zone boundary, higher first. */
    borderline: [Zone, Zone] | null;
    /** "Green (Stable)", or "Borderline Green/Yellow" when the band crosses a boundary. */
    title: string;
    text: string;
    formulaScoreText: string;
    overridden: boolean;
  };
  /** What a reader sees first, in plain words, before any evidence or calculation. */
  summary: AssessmentSummaryView;
  /** The few figures a reader wants first, beside the headline. */
  keyFacts: { label: string; value: string; note: string | null }[];
  seniorities: { slug: string; label: string; href: string; current: boolean; scoreText: string; zone: Zone; zoneClass: ZoneClass }[];
  verdictHtml: string;
  glance: { key: string; label: string; description: string; valueText: string; rangeText: string; bar: RangeBarGeometry }[];
  composition: {
    rows: { key: string; label: string; weightText: string; valueText: string; bar: RangeBarGeometry }[];
    sumText: string;
    scoreText: string;
    note: string;
  };
  scale: ScoreScaleGeometry;
  band: { lowText: string; highText: string; zoneStable: boolean; sentence: string; scale: ScoreScaleGeometry };
  definition: {
    rows: { label: string; html: string }[];
    notThisRole: NotThisRoleView[];
    seniorityNoteHtml: string;
  };
  protective: { rows: JudgementRow[]; total: number; totalText: string };
  growth: JudgementRow & { meaning: string };
  quickScreen: { protective: number; growth: number; sum: number; line: string; label: string; agrees: boolean; fullLabel: string; sentence: string };
  tasks: {
    rows: TaskRow[];
    /** The rows shown at once: the largest tasks by share of time (all of them when there are few). */
    leading: TaskRow[];
    /** The remaining rows, shown behind a disclosure. */
    more: TaskRow[];
    shareTotalText: string;
    exposureText: string;
    resistanceText: string;
    resistanceLine: string;
  };
  split: {
    displacement: number;
    augmentation: number;
    notInvolved: number;
    shareAtLeast3: number;
    shareAtLeast4: number;
    segments: SplitSegment[];
    ariaLabel: string;
    sentence: string;
  };
  reinstatementHtml: string;
  evidence: { rows: EvidenceRow[]; total: number; totalText: string; bar: RangeBarGeometry; ariaLabel: string };
  barriers: { rows: JudgementRow[]; total: number; totalText: string };
  growthCheckHtml: string;
  composite: { inputs: { label: string; value: string }[]; rawLine: string; scoreLine: string; zoneLine: string; clampNote: string | null };
  subLabel: { rows: { metric: string; value: string }[]; label: string; rule: string };
  override: {
    accepted: boolean;
    line: string;
    justificationHtml: string;
    peerCheckHtml: string;
    livePeers: RoleLink[];
    quotedPeers: QuotedPeerView[];
    categoryName: string;
    /** Where the live peers come from: the role's category, or the O*NET group it maps to when the category has no other role. */
    peerGroup: string;
  };
  sensitivity: { top: SensitivityRow[]; rest: SensitivityRow[]; protective: { label: string; valueText: string }[]; intro: string };
  indices: { rows: IndexRow[]; dots: PercentileDot[]; ariaLabel: string; note: string; crosswalkNote: string | null; occupationTitle: string } | null;
  labour: { rows: FactRow[]; note: string | null } | null;
  onet: {
    code: string;
    title: string;
    descriptionHtml: string;
    onetUrl: string;
    baseline: RoleLink | null;
    /** Expert pages only: the assessment beside the baseline of its occupation. */
    comparison: ExpertBaselineView | null;
    expertRoles: RoleLink[];
    jobZone: number | null;
  } | null;
  commentary: {
    scoreVsRealityHtml: string;
    whatTheNumbersMiss: { title: string; html: string }[];
    whoShouldWorryHtml: string;
    roleInFuture: { year: number | null; html: string } | null;
    survivalStrategy: string[];
    timelineHtml: string;
  } | null;
  sources: { title: string; url: string | null }[];
  /** True when the assessment lists no sources of its own and these are the ones its evidence names. */
  sourcesFromEvidence: boolean;
  resources: { title: string; url: string | null }[];
  baseline: { provenanceCounts: { data: number; default: number; assessor: number }; inputs: number } | null;
  methodology: {
    version: string;
    name: string;
    href: string;
    reviewedText: string;
    reviewedIso: string;
    revisionNumber: number;
    publishedText: string;
  };
  reportHref: string;
}

/** The expert page's small "beside the baseline" section: both scores and the inputs where they differ. */
export interface ExpertBaselineView {
  baseline: RoleLink;
  baselineMethod: string;
  summary: string;
  rows: { label: string; expert: string; baseline: string }[];
}
