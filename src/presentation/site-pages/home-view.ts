import { CURRENT_METHODOLOGY, type MethodologyDefinition } from '../../methodology/index.ts';
import { formatDate, formatScore } from '../format.ts';
import type { AssessmentEntry } from '../../features/read-model/read-model.ts';
import type { HomeInput } from '../../features/site-pages/home-input.ts';
import { summarize, type RoleSummary } from './role-summary.ts';
import { buildZoneBar, type ZoneBar } from './zone-bar.ts';

/** Everything the home page shows. */
export interface HomeView {
  total: number;
  expertCount: number;
  baselineCount: number;
  zoneBar: ZoneBar;
  zoneRanges: { zone: string; headline: string; range: string }[];
  /** Assessments whose latest revision changed them, newest first, each with its own date and what moved. */
  recent: (RoleSummary & { changeText: string })[];
  /** Said instead of the list when nothing has changed since the catalog was first published. */
  recentEmptyText: string;
  mostResistant: RoleSummary[];
  leastResistant: RoleSummary[];
  experts: (RoleSummary & { verdict: string })[];
  /** One answer shown under the search box, so a first-time reader sees what an answer looks like. */
  example: RoleSummary | null;
}

const LIST_LENGTH = 10;

/** Describes each zone's score range and headline word from the methodology definition. */
export function describeZoneRanges(definition: MethodologyDefinition): HomeView['zoneRanges'] {
  const { zones, ranges } = definition;
  return [
    { zone: 'Green', headline: zones.headline.Green, range: `${zones.greenFrom} to ${ranges.score.max}` },
    { zone: 'Yellow', headline: zones.headline.Yellow, range: `${zones.yellowFrom} to under ${zones.greenFrom}` },
    { zone: 'Red', headline: zones.headline.Red, range: `${ranges.score.min} to under ${zones.yellowFrom}` },
  ];
}

function describeChange(entry: AssessmentEntry): string {
  const previous = entry.revisions.at(-2)?.figures.score;
  if (previous === undefined) return '';
  const now = entry.figures.score;
  return formatScore(previous) === formatScore(now) ? `score unchanged at ${formatScore(now)}` : `score ${formatScore(previous)} → ${formatScore(now)}`;
}

function recentEmptyText(first: Date | null): string {
  return first ? `No assessment has changed since the catalog was first published on ${formatDate(first)}. Published changes will be listed here as they happen.` : 'Nothing is published yet.';
}

function exampleOf(input: HomeInput, experts: readonly AssessmentEntry[]): RoleSummary | null {
  const entry = input.example ?? experts[0] ?? input.ranked[0];
  return entry ? summarize(entry) : null;
}

/** Builds the home page: zone distribution, recently updated, the ten most and least resistant, and the expert assessments. */
export function buildHomeView(input: HomeInput): HomeView {
  const experts = input.ranked.filter((entry) => entry.status === 'expert');
  return {
    total: input.total,
    expertCount: experts.length,
    baselineCount: input.total - experts.length,
    zoneBar: buildZoneBar(input.zoneCounts),
    // The home page explains the methodology new assessments are scored under.
    zoneRanges: describeZoneRanges(CURRENT_METHODOLOGY),
    recent: input.recent.map((entry) => ({ ...summarize(entry), changeText: describeChange(entry) })),
    recentEmptyText: recentEmptyText(input.firstPublishedAt),
    mostResistant: input.ranked.slice(0, LIST_LENGTH).map(summarize),
    leastResistant: input.ranked.slice(-LIST_LENGTH).reverse().map(summarize),
    experts: experts.map((entry) => ({ ...summarize(entry), verdict: entry.assessment.verdict ?? '' })),
    example: exampleOf(input, experts),
  };
}
