import type { Provenance, Zone } from '../../methodology/index.ts';
import type { AssessmentEntry } from '../../features/read-model/read-model.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { formatScore } from '../format.ts';
import { renderInlineMarkdown } from '../markdown.ts';
import type { JudgementRow, ProvenanceTag, RoleLink, ZoneClass } from './assessment-view.types.ts';

const PROVENANCE_BASIS: Record<Provenance['basis'], string> = { data: 'from data', default: 'neutral default', assessor: 'assessor' };

/** Returns the CSS class word of a zone. */
export const zoneClassOf = (zone: Zone): ZoneClass => zone.toLowerCase() as ZoneClass;

/** Replaces a leading hyphen with a true minus sign. */
export const minusSign = (text: string) => text.replace(/^-/, '−');

/** Returns the path of an assessment page. */
export function assessmentPath(roleSlug: string, seniority: string): string {
  return `/roles/${roleSlug}/${seniority}`;
}

/** Describes an assessment as a link with its current score and zone. */
export function roleLinkOf(entry: AssessmentEntry): RoleLink {
  return {
    title: entry.title,
    seniorityLabel: seniorityLabel(entry.seniority),
    href: assessmentPath(entry.roleSlug, entry.seniority),
    scoreText: formatScore(entry.figures.score),
    zone: entry.figures.zone,
    zoneClass: zoneClassOf(entry.figures.zone),
    label: entry.figures.label,
    word: entry.figures.headline,
    isBaseline: entry.status === 'baseline',
  };
}

/** Describes where a baseline input came from, compactly, with the detail to unfold. */
export function provenanceTag(provenance: Provenance | undefined): ProvenanceTag | null {
  if (!provenance) return null;
  return {
    basis: provenance.basis,
    short: `${PROVENANCE_BASIS[provenance.basis]} · ${provenance.confidence}`,
    source: provenance.source,
    detail: provenance.detail ?? null,
    confidence: provenance.confidence,
  };
}

/** Lists scored judgements (protective principles, barriers) with their rationale and provenance. */
export function judgementRows<K extends string>(
  dimensions: readonly { key: K; label: string; description: string }[],
  values: Record<K, { score: number; rationale: string; provenance?: Provenance | undefined }>,
  max: number,
): JudgementRow[] {
  return dimensions.map(({ key, label, description }) => ({
    key,
    label,
    description,
    score: values[key].score,
    scoreText: String(values[key].score),
    max,
    rationaleHtml: renderInlineMarkdown(values[key].rationale),
    provenance: provenanceTag(values[key].provenance),
  }));
}
