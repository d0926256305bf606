import type { Assessment } from '../../methodology/index.ts';
import { formatDate, formatScore, formatSigned, isoDate } from '../format.ts';
import { renderMarkdown } from '../markdown.ts';
import type { AssessmentPageInput } from '../../features/assessment-page/assessment-page-input.ts';
import type { AssessmentPageView } from './assessment-view.types.ts';
import { roleLinkOf } from './role-link.ts';

const symbols = (rule: string) => rule.replace(/>=/g, '≥').replace(/<=/g, '≤');

/** Writes the composite formula out line by line, as the CLI prints it. */
export function buildComposite(input: AssessmentPageInput): AssessmentPageView['composite'] {
  const { methodology } = input;
  const { figures } = input.entry;
  const { totals, modifiers } = figures;
  const { zones } = methodology;
  const two = (value: number) => value.toFixed(2);
  const unclamped = ((figures.raw - Number(methodology.rawFloor)) / Number(methodology.rawDivisor)) * 100;
  return {
    inputs: [
      { label: 'Task Resistance Score', value: `${two(figures.taskResistance)}/5.0` },
      { label: 'Evidence Modifier', value: `1.0 + (${formatSigned(totals.evidence).replace('+', '')} × ${methodology.evidenceStep}) = ${two(modifiers.evidence)}` },
      { label: 'Barrier Modifier', value: `1.0 + (${totals.barriers} × ${methodology.barrierStep}) = ${two(modifiers.barrier)}` },
      { label: 'Growth Modifier', value: `1.0 + (${formatSigned(totals.growth).replace('+', '')} × ${methodology.growthStep}) = ${two(modifiers.growth)}` },
    ],
    rawLine: `Raw: ${two(figures.taskResistance)} × ${two(modifiers.evidence)} × ${two(modifiers.barrier)} × ${two(modifiers.growth)} = ${figures.raw.toFixed(4)}`,
    scoreLine: `JobZone Score: (${figures.raw.toFixed(4)} − ${methodology.rawFloor}) / ${methodology.rawDivisor} × 100 = ${formatScore(figures.formulaScore)}/100`,
    zoneLine: `Zone: ${figures.zone.toUpperCase()} (Green ≥ ${zones.greenFrom}, Yellow ${zones.yellowFrom}–${Number(zones.greenFrom) - 1}, Red < ${zones.yellowFrom})`,
    clampNote: unclamped > 100.05 || unclamped < -0.05 ? `The formula gives ${formatScore(unclamped)}; scores are clamped to 0–100.` : null,
  };
}

/** States the sub-label rule that fired with the figures it read. */
export function buildSubLabel(input: AssessmentPageInput): AssessmentPageView['subLabel'] {
  const { figures } = input.entry;
  return {
    rows: [
      { metric: 'Share of task time scoring 3+', value: `${figures.shareAtLeast3}%` },
      { metric: 'Share of task time scoring 4+', value: `${figures.shareAtLeast4}%` },
      { metric: 'AI growth correlation', value: formatSigned(figures.totals.growth) },
      { metric: 'Score', value: formatScore(figures.score) },
    ],
    label: figures.label,
    rule: symbols(figures.subLabelRule),
  };
}

/** Builds the override line and the peer check: live peers and the peers the assessor quoted. */
export function buildPeers(input: AssessmentPageInput): AssessmentPageView['override'] {
  const { assessment, figures, category } = input.entry;
  const override = figures.override
    ? { accepted: false, line: `Assessor override: ${formatScore(figures.override.score)} replaces the formula score ${formatScore(figures.formulaScore)}.`, justificationHtml: renderMarkdown(figures.override.justification) }
    : { accepted: true, line: 'Assessor override: none — formula score accepted.', justificationHtml: '' };
  return {
    ...override,
    peerCheckHtml: renderMarkdown(assessment.peerCheck?.text),
    livePeers: input.peers.entries.map(roleLinkOf),
    quotedPeers: (assessment.peerCheck?.peers ?? []).map((peer, index) => {
      const found = input.quotedPeers[index] ?? null;
      return { title: peer.title, quotedScoreText: peer.score === undefined ? null : formatScore(peer.score), current: found ? roleLinkOf(found) : null };
    }),
    categoryName: category,
    peerGroup: input.peers.group,
  };
}

function countProvenance(assessment: Assessment): NonNullable<AssessmentPageView['baseline']> {
  const counts = { data: 0, default: 0, assessor: 0 };
  const inputs = [...assessment.tasks, ...Object.values(assessment.protective), assessment.growth, ...Object.values(assessment.evidence), ...Object.values(assessment.barriers)];
  for (const item of inputs) if (item.provenance) counts[item.provenance.basis] += 1;
  return { provenanceCounts: counts, inputs: inputs.length };
}

/** Builds the provenance of the page: method, review, revision and, for a baseline, where its inputs came from. */
export function buildProvenance(input: AssessmentPageInput): Pick<AssessmentPageView, 'baseline' | 'methodology' | 'reportHref'> {
  const { entry, methodology } = input;
  const isBaseline = entry.status === 'baseline';
  const reviewed = entry.assessment.reviewed ?? null;
  const published = entry.revision.publishedAt;
  return {
    baseline: isBaseline ? countProvenance(entry.assessment) : null,
    methodology: {
      version: entry.figures.methodologyVersion,
      name: methodology.name,
      href: '/methodology',
      reviewedText: reviewed ? `Last reviewed ${formatDate(reviewed)}` : isBaseline ? `Computed ${formatDate(published)}; not reviewed` : `Published ${formatDate(published)}`,
      reviewedIso: reviewed ?? isoDate(published),
      revisionNumber: entry.revision.number,
      publishedText: formatDate(published),
    },
    reportHref: `/report?role=${encodeURIComponent(entry.roleSlug)}/${encodeURIComponent(entry.seniority)}`,
  };
}
