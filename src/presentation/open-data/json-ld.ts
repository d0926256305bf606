import type { AssessmentEntry } from '../../features/read-model/read-model.ts';

/** Serialises JSON-LD for a `<script type="application/ld+json">` element; "<" is escaped so "</script>" in data cannot end the element. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}

const ONET_SOC_CODE_SET = { '@type': 'CategoryCodeSet', name: 'O*NET-SOC', url: 'https://www.onetcenter.org/taxonomy.html' } as const;

/** Describes a role page as a schema.org Occupation (with its O*NET-SOC code) and the assessment as a Review carrying a 0–100 Rating and its method. */
export function roleJsonLd(entry: AssessmentEntry, pageUrl: string, publicUrl: string): Record<string, unknown> {
  const occupationId = `${pageUrl}#occupation`;
  const { figures } = entry;
  const methodologyUrl = new URL('/methodology', publicUrl).href;
  const occupation: Record<string, unknown> = {
    '@type': 'Occupation',
    '@id': occupationId,
    name: entry.title,
    url: pageUrl,
    ...(entry.onetCode ? { occupationalCategory: { '@type': 'CategoryCode', codeValue: entry.onetCode, inCodeSet: ONET_SOC_CODE_SET } } : {}),
  };
  const review = {
    '@type': 'Review',
    name: `AI Job Resistance Index assessment of ${entry.title} (${entry.seniority})`,
    url: pageUrl,
    itemReviewed: { '@id': occupationId },
    author: { '@type': 'Organization', name: 'jobzone', url: publicUrl },
    datePublished: entry.revision.publishedAt.toISOString(),
    isBasedOn: methodologyUrl,
    reviewRating: {
      '@type': 'Rating',
      name: 'AI Job Resistance Index (AIJRI)',
      ratingValue: figures.score,
      bestRating: 100,
      worstRating: 0,
      reviewAspect: 'Resistance to displacement by AI',
      ratingExplanation: `${figures.zone} zone (${figures.subLabel}), score ${figures.score} of 100, sensitivity band ${figures.band.low}–${figures.band.high}; ${entry.status === 'expert' ? 'an expert assessment' : 'a data-derived baseline, not reviewed'} under methodology ${entry.revision.methodologyVersion} (${methodologyUrl}).`,
    },
  };
  return { '@context': 'https://schema.org', '@graph': [occupation, review] };
}
