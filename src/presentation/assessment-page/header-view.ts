import { zoneOf, type MethodologyDefinition, type Zone } from '../../methodology/index.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { categorySlug, type AssessmentEntry } from '../../features/read-model/read-model.ts';
import { buildScoreScale } from '../chart-geometry.ts';
import { formatScore } from '../format.ts';
import { markdownToPlainText, renderMarkdown } from '../markdown.ts';
import type { AssessmentPageInput } from '../../features/assessment-page/assessment-page-input.ts';
import type { AssessmentPageView } from './assessment-view.types.ts';
import { assessmentPath, zoneClassOf } from './role-link.ts';

/** The single-step band around the formula score and whether every step stays in its zone. */
export interface ScoreBand {
  low: number;
  high: number;
  zoneStable: boolean;
}

const ZONE_ORDER: readonly Zone[] = ['Green', 'Yellow', 'Red'];
/** Sub-labels that announce urgency; an automated estimate never headlines them. */
const URGENCY_SUB_LABELS: ReadonlySet<string> = new Set(['Urgent', 'Imminent']);
const BASELINE_PREFIX = /^Data-derived baseline, not reviewed\.\s*/;

/** True when the entry is an unreviewed, data-derived baseline. */
export const isUnreviewedBaseline = (entry: AssessmentEntry) => entry.status === 'baseline' && !entry.assessment.reviewed;

/** True when the page shows an unreviewed, data-derived baseline. */
export const isAutomatedEstimate = (input: AssessmentPageInput) => isUnreviewedBaseline(input.entry);

/** The sub-label a headline may state: none when an automated estimate would announce urgency as fact. */
export function headlinedSubLabel(entry: AssessmentEntry): string | null {
  return isUnreviewedBaseline(entry) && URGENCY_SUB_LABELS.has(entry.figures.subLabel) ? null : entry.figures.subLabel;
}

/** Names the zones a band spans when it crosses a zone boundary, higher zone first; null when it stays in one. */
export function borderlineZones(band: ScoreBand, methodology: MethodologyDefinition): [Zone, Zone] | null {
  const spanned = new Set([zoneOf(band.low, methodology), zoneOf(band.high, methodology)]);
  if (spanned.size < 2) return null;
  const [upper, lower] = ZONE_ORDER.filter((zone) => spanned.has(zone));
  return upper && lower ? [upper, lower] : null;
}

/** Builds the headline: zone (or "Borderline A/B" when the band crosses a boundary), the shown sub-label and the range. */
export function buildHeadline(input: AssessmentPageInput, band: ScoreBand): AssessmentPageView['headline'] {
  const { figures } = input.entry;
  const scoreText = formatScore(figures.score);
  const rangeText = `${formatScore(band.low)}–${formatScore(band.high)}`;
  const borderline = borderlineZones(band, input.methodology);
  const subLabelShown = headlinedSubLabel(input.entry);
  const title = borderline ? `Borderline ${borderline[0]}/${borderline[1]}` : subLabelShown ? `${figures.zone} (${subLabelShown})` : figures.zone;
  return {
    zone: figures.zone,
    zoneClass: zoneClassOf(figures.zone),
    word: figures.headline,
    subLabel: figures.subLabel,
    subLabelShown,
    label: figures.label,
    scoreText,
    rangeText,
    borderline,
    title,
    text: `${title}, ${rangeText} · ${scoreText}/100`,
    formulaScoreText: formatScore(figures.formulaScore),
    overridden: figures.override !== null,
  };
}

function buildDescription(headlineText: string, title: string, level: string, verdict: string | undefined): string {
  const plain = markdownToPlainText(verdict).replace(BASELINE_PREFIX, '');
  const text = `${title} (${level}): ${headlineText}. ${plain}`.trim();
  if (text.length <= 300) return text;
  const cut = text.slice(0, 297);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** Builds the page's meta, role identity, seniority switcher, verdict, scale and band. */
export function buildHeaderViews(input: AssessmentPageInput, band: ScoreBand, headline: AssessmentPageView['headline']) {
  const { entry, methodology } = input;
  const { assessment, figures } = entry;
  const isBaseline = entry.status === 'baseline';
  const level = seniorityLabel(entry.seniority);
  const name = `${entry.title} (${level})`;
  const seniorities = input.seniorities.map((other) => ({
    slug: other.seniority,
    label: seniorityLabel(other.seniority),
    href: assessmentPath(entry.roleSlug, other.seniority),
    current: other.seniority === entry.seniority,
    scoreText: formatScore(other.figures.score),
    zone: other.figures.zone,
    zoneClass: zoneClassOf(other.figures.zone),
  }));
  const zoneWord = headline.borderline ? `borderline ${headline.borderline.join('/')}` : figures.zone;
  const bandText = `If any one judgement were one step different, the score would lie between ${formatScore(band.low)} and ${formatScore(band.high)}.`;
  return {
    meta: {
      title: `Will AI replace ${entry.title}? ${level} — AIJRI ${headline.scoreText} (${headline.subLabelShown && !headline.borderline ? `${zoneWord}, ${headline.subLabelShown}` : zoneWord})`,
      description: buildDescription(headline.text, entry.title, level, assessment.verdict),
      canonicalPath: assessmentPath(entry.roleSlug, entry.seniority),
      ogType: 'article' as const,
    },
    key: entry.key,
    role: {
      slug: entry.roleSlug,
      title: entry.title,
      seniority: entry.seniority,
      seniorityLabel: level,
      category: entry.category,
      categoryHref: `/browse/${categorySlug(entry.category)}`,
      aliases: assessment.role.aliases,
      isBaseline,
      statusLabel: isBaseline ? 'Data-derived baseline' : 'Expert assessment',
      baselineMethod: isBaseline && assessment.baselineMethod ? { version: assessment.baselineMethod.version, aiScope: assessment.baselineMethod.aiScope } : null,
    },
    seniorities: seniorities.length > 1 ? seniorities : [],
    verdictHtml: renderMarkdown(isBaseline ? assessment.verdict?.replace(BASELINE_PREFIX, '') : assessment.verdict),
    scale: buildScoreScale({ score: figures.score, name }, methodology),
    band: {
      lowText: formatScore(band.low),
      highText: formatScore(band.high),
      zoneStable: band.zoneStable,
      sentence: band.zoneStable
        ? `${bandText} The zone holds: every single-step change stays ${figures.zone}.`
        : `${bandText} The zone does not hold: at least one single-step change moves the role out of ${figures.zone}.`,
      scale: buildScoreScale({ score: figures.formulaScore, band, name }, methodology),
    },
  };
}
