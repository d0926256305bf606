import type { MethodologyDefinition, Zone } from '../../methodology/index.ts';
import { formatDate, formatScore, formatShortDate } from '../format.ts';

/** One revision on the timeline. */
export interface TimelineInput {
  revision: number;
  publishedAt: Date;
  score: number;
  zone: Zone;
}

/** The geometry of a score timeline: x in percent of the width, y in pixels. */
export interface TimelineChart {
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bands: { zone: Zone; zoneClass: 'green' | 'yellow' | 'red'; y: number; height: number; label: string }[];
  ticks: { y: number; label: string }[];
  points: { revision: number; x: number; y: number; scoreText: string; zoneClass: 'green' | 'yellow' | 'red'; title: string; showLabel: boolean }[];
  segments: { x1: number; y1: number; x2: number; y2: number }[];
  dates: { x: number; text: string; anchor: 'start' | 'middle' | 'end' }[];
  ariaLabel: string;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Lays out a score timeline: the zone bands, one point per revision in order, a line joining them and the first and last dates. */
export function buildTimelineChart(
  revisions: readonly TimelineInput[],
  options: { height?: number; roleName?: string } = {},
  definition: MethodologyDefinition,
): TimelineChart {
  const height = options.height ?? 200;
  const plot = { left: 9, right: 97, top: 12, bottom: height - 26 };
  const { min, max } = definition.ranges.score;
  const yellowFrom = Number(definition.zones.yellowFrom);
  const greenFrom = Number(definition.zones.greenFrom);
  const y = (score: number) => round2(plot.bottom - ((Math.min(max, Math.max(min, score)) - min) / (max - min)) * (plot.bottom - plot.top));
  const band = (zone: Zone, from: number, to: number, label: string) => ({ zone, zoneClass: zone.toLowerCase() as 'green' | 'yellow' | 'red', y: y(to), height: round2(y(from) - y(to)), label });
  const bands = [
    band('Green', greenFrom, max, `Green, protected: ${greenFrom} and above`),
    band('Yellow', yellowFrom, greenFrom, `Yellow, exposed: ${yellowFrom} to under ${greenFrom}`),
    band('Red', min, yellowFrom, `Red, at risk: below ${yellowFrom}`),
  ];
  const count = revisions.length;
  const x = (index: number) => (count <= 1 ? round2((plot.left + plot.right) / 2) : round2(plot.left + 3 + (index / (count - 1)) * (plot.right - plot.left - 6)));
  // Labels on every point crowd a long history; then only the first, the last and zone changes carry one.
  const labelAll = count <= 10;
  const points = revisions.map((revision, index) => ({
    revision: revision.revision,
    x: x(index),
    y: y(revision.score),
    scoreText: formatScore(revision.score),
    zoneClass: revision.zone.toLowerCase() as 'green' | 'yellow' | 'red',
    title: `Revision ${revision.revision}, ${formatDate(revision.publishedAt)}: ${formatScore(revision.score)} (${revision.zone})`,
    showLabel: labelAll || index === 0 || index === count - 1 || revisions[index - 1]?.zone !== revision.zone,
  }));
  const segments = points.slice(1).map((point, index) => ({ x1: points[index]!.x, y1: points[index]!.y, x2: point.x, y2: point.y }));
  const first = revisions[0];
  const last = revisions.at(-1);
  const dates =
    first && last
      ? count === 1
        ? [{ x: x(0), text: formatShortDate(first.publishedAt), anchor: 'middle' as const }]
        : [
            { x: x(0), text: formatShortDate(first.publishedAt), anchor: 'start' as const },
            { x: x(count - 1), text: formatShortDate(last.publishedAt), anchor: 'end' as const },
          ]
      : [];
  const who = options.roleName ? ` of ${options.roleName}` : '';
  const ariaLabel =
    first && last
      ? count === 1
        ? `Score timeline${who}: one revision, ${formatScore(first.score)} (${first.zone}) on ${formatDate(first.publishedAt)}.`
        : `Score timeline${who}: ${count} revisions, from ${formatScore(first.score)} (${first.zone}) on ${formatDate(first.publishedAt)} to ${formatScore(last.score)} (${last.zone}) on ${formatDate(last.publishedAt)}.`
      : `Score timeline${who}: no revisions.`;
  return {
    height,
    plot,
    bands,
    ticks: [min, yellowFrom, greenFrom, max].map((value) => ({ y: y(value), label: String(value) })),
    points,
    segments,
    dates,
    ariaLabel,
  };
}
