import { CURRENT_METHODOLOGY, type MethodologyDefinition } from '../../methodology/index.ts';
import { firstPublishedAt, recentlyChanged, zoneDistribution } from '../../features/read-model/read-model.queries.ts';
import { formatDate, formatScore } from '../format.ts';
import type { AssessmentEntry, ReadModel } from '../../features/read-model/read-model.ts';
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

/** The role the home page shows as an example answer: a job most readers know. */
const EXAMPLE_KEY = 'registered-nurses/all-levels';

const LIST_LENGTH = 10;
const RECENT_LENGTH = 8;

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

function recentEmptyText(model: ReadModel): string {
  const first = firstPublishedAt(model);
  return first ? `No assessment has changed since the catalog was first published on ${formatDate(first)}. Published changes will be listed here as they happen.` : 'Nothing is published yet.';
}

function exampleOf(model: ReadModel, experts: readonly AssessmentEntry[]): RoleSummary | null {
  const entry = model.assessments.get(EXAMPLE_KEY) ?? experts[0] ?? model.ranked[0];
  return entry ? summarize(entry) : null;
}

/** Builds the home page: zone distribution, recently updated, the ten most and least resistant, and the expert assessments. */
export function buildHomeView(model: ReadModel): HomeView {
  const entries = [...model.assessments.values()];
  const experts = model.ranked.filter((entry) => entry.status === 'expert');
  return {
    total: entries.length,
    expertCount: experts.length,
    baselineCount: entries.length - experts.length,
    zoneBar: buildZoneBar(zoneDistribution(model)),
    // The home page explains the methodology new assessments are scored under.
    zoneRanges: describeZoneRanges(CURRENT_METHODOLOGY),
    recent: recentlyChanged(model, RECENT_LENGTH).map((entry) => ({ ...summarize(entry), changeText: describeChange(entry) })),
    recentEmptyText: recentEmptyText(model),
    mostResistant: model.ranked.slice(0, LIST_LENGTH).map(summarize),
    leastResistant: model.ranked.slice(-LIST_LENGTH).reverse().map(summarize),
    experts: experts.map((entry) => ({ ...summarize(entry), verdict: entry.assessment.verdict ?? '' })),
    example: exampleOf(model, experts),
  };
}
