import type { Assessment } from '../../methodology/index.ts';
import { buildRangeBar } from '../chart-geometry.ts';
import { formatSigned } from '../format.ts';
import { renderMarkdown } from '../markdown.ts';
import type { AssessmentPageInput } from '../../features/assessment-page/assessment-page-input.ts';
import type { AssessmentPageView, EvidenceRow } from './assessment-view.types.ts';
import { provenanceTag } from './role-link.ts';

/** Builds the market-evidence section: each signal on its range with its sources, and the balance. */
export function buildEvidence(input: AssessmentPageInput): AssessmentPageView['evidence'] {
  const { methodology } = input;
  const { assessment, figures } = input.entry;
  const total = figures.totals.evidence;
  const rows: EvidenceRow[] = methodology.evidence.map(({ key, label, description }) => {
    const item = assessment.evidence[key];
    return {
      key,
      label,
      description,
      score: item.score,
      scoreText: formatSigned(item.score),
      bar: buildRangeBar(item.score, methodology.ranges.evidence.min, methodology.ranges.evidence.max),
      textHtml: renderMarkdown(item.text),
      sources: item.sources.map((source) => ({ title: source.title, url: source.url ?? null })),
      provenance: provenanceTag(item.provenance),
    };
  });
  const count = methodology.evidence.length;
  return {
    rows,
    total,
    totalText: formatSigned(total),
    bar: buildRangeBar(total, methodology.ranges.evidence.min * count, methodology.ranges.evidence.max * count),
    ariaLabel: `Market-signal balance ${formatSigned(total)} on a scale from −10 (all negative) to +10 (all positive).`,
  };
}

/** Lists the assessment's sources, or the ones its evidence names when it lists none of its own, and its resources. */
export function buildSources(assessment: Assessment): Pick<AssessmentPageView, 'sources' | 'sourcesFromEvidence' | 'resources'> {
  const resources = assessment.resources.map((source) => ({ title: source.title, url: source.url ?? null }));
  const own = assessment.sources.map((source) => ({ title: source.title, url: source.url ?? null }));
  if (own.length > 0) return { sources: own, sourcesFromEvidence: false, resources };
  const seen = new Set<string>();
  const named = Object.values(assessment.evidence)
    .flatMap((item) => item.sources)
    .filter((source) => !seen.has(source.title) && seen.add(source.title))
    .map((source) => ({ title: source.title, url: source.url ?? null }));
  return { sources: named, sourcesFromEvidence: named.length > 0, resources };
}
