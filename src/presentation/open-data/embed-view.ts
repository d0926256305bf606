import { methodologyOf } from '../../methodology/index.ts';
import { headlinedSubLabel } from '../assessment-page/header-view.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import type { AssessmentEntry } from '../../features/read-model/read-model.ts';
import type { AssessmentAt } from '../../features/read-model/assessment-at.ts';
import { OEMBED_URL_MAX_LENGTH, type RolePageAddress } from '../../features/open-data/oembed-input.ts';
import { escapeXml } from '../escape.ts';
import { badgeDescription } from './badge.ts';
import { briefOf } from '../site-pages/role-summary.ts';
import { formatScore } from '../format.ts';

/** What the embeddable card shows. */
export interface EmbedCardView {
  title: string;
  seniorityLabel: string;
  scoreText: string;
  /** "46.1–51.0": where the score would lie if any one judgement moved one step. */
  rangeText: string;
  /** One short plain sentence on what the score means. */
  plainLine: string;
  zone: AssessmentEntry['figures']['zone'];
  zoneClass: string;
  subLabel: string;
  headline: string;
  statusText: string;
  /** Where 0–100 the score sits, in percent, for the scale marker. */
  position: number;
  /** The scale's colour stops: where Yellow and Green begin, in percent. */
  scaleStyle: string;
  pageUrl: string;
  badgeUrl: string;
  description: string;
  asOfText: string;
}

/** The default size of the card's iframe. */
export const EMBED_SIZE = { width: 400, height: 220 } as const;
const MIN_SIZE = { width: 240, height: 160 } as const;

/** The page address of an assessment. */
export function rolePageUrl(publicUrl: string, entry: AssessmentEntry): string {
  return new URL(`/roles/${entry.roleSlug}/${entry.seniority}`, publicUrl).href;
}

/** Builds the card of /embed/roles/<slug>/<seniority> from the gathered assessment, or null when none was found. */
export function buildEmbedCardView({ entry }: AssessmentAt, publicUrl: string): EmbedCardView | null {
  if (!entry) return null;
  const pageUrl = rolePageUrl(publicUrl, entry);
  const { zones } = methodologyOf(entry.figures.methodologyVersion);
  return {
    title: entry.title,
    seniorityLabel: seniorityLabel(entry.seniority),
    scoreText: formatScore(entry.figures.score),
    ...briefOf(entry),
    zone: entry.figures.zone,
    zoneClass: `zone zone--${entry.figures.zone.toLowerCase()}`,
    subLabel: headlinedSubLabel(entry) ?? '',
    headline: entry.figures.headline,
    statusText: entry.status === 'expert' ? 'Expert assessment' : 'Automated estimate, not reviewed',
    position: Math.min(100, Math.max(0, entry.figures.score)),
    scaleStyle: `--yellow-from: ${Number(zones.yellowFrom)}%; --green-from: ${Number(zones.greenFrom)}%`,
    pageUrl,
    badgeUrl: `${pageUrl}/badge.svg`,
    description: badgeDescription(entry),
    asOfText: entry.revision.publishedAt.toISOString().slice(0, 10),
  };
}

/** The oEmbed answer (type rich) for one of our role pages. */
export interface OembedResponse {
  version: '1.0';
  type: 'rich';
  provider_name: 'jobzone';
  provider_url: string;
  title: string;
  author_name: 'jobzone';
  html: string;
  width: number;
  height: number;
  cache_age: number;
}

export type OembedResult = { status: 200; body: OembedResponse } | { status: 400 | 404 | 501; message: string };

/** A well-formed /oembed request for one of our role pages: the caller's size limits. */
export interface OembedRequest {
  status: 'page';
  maxWidth: number | null;
  maxHeight: number | null;
}

function dimension(raw: string | null, name: string): number | null | string {
  if (raw === null || raw === '') return null;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) === 0) return `${name} must be a whole number of pixels above 0, got "${raw.slice(0, 20)}"`;
  return Number(raw);
}

/**
 * Reads /oembed?url=…, given the role page its gathering found the url to name: only our role pages
 * are embeddable. Returns the caller's size limits, or the answer for a request that names no such page.
 */
export function parseOembedRequest(params: URLSearchParams, page: RolePageAddress | null): OembedRequest | Exclude<OembedResult, { status: 200 }> {
  const format = params.get('format');
  if (format !== null && format !== 'json') return { status: 501, message: `Only format=json is served, got "${format.slice(0, 20)}".` };
  const raw = params.get('url');
  if (!raw) return { status: 400, message: 'The url parameter is required: the address of a jobzone role page, e.g. /roles/registered-nurses/all-levels.' };
  if (raw.length > OEMBED_URL_MAX_LENGTH) return { status: 400, message: `The url parameter may be at most ${OEMBED_URL_MAX_LENGTH} characters.` };
  const maxWidth = dimension(params.get('maxwidth'), 'maxwidth');
  const maxHeight = dimension(params.get('maxheight'), 'maxheight');
  if (typeof maxWidth === 'string') return { status: 400, message: maxWidth };
  if (typeof maxHeight === 'string') return { status: 400, message: maxHeight };
  if (!page) return { status: 404, message: 'The url is not an address of a jobzone role page.' };
  return { status: 'page', maxWidth, maxHeight };
}

/** Builds the oEmbed answer for the gathered assessment of a parsed request; maxwidth and maxheight shrink the iframe, never below a readable minimum. */
export function buildOembedAnswer(publicUrl: string, { maxWidth, maxHeight }: OembedRequest, entry: AssessmentEntry | null): OembedResult {
  if (!entry) return { status: 404, message: 'No assessment is published at that address.' };
  const width = Math.max(MIN_SIZE.width, Math.min(EMBED_SIZE.width, maxWidth ?? EMBED_SIZE.width));
  const height = Math.max(MIN_SIZE.height, Math.min(EMBED_SIZE.height, maxHeight ?? EMBED_SIZE.height));
  const src = new URL(`/embed/roles/${entry.roleSlug}/${entry.seniority}`, publicUrl).href;
  const title = `${entry.title} (${seniorityLabel(entry.seniority)}) — AI Job Resistance Index`;
  return {
    status: 200,
    body: {
      version: '1.0',
      type: 'rich',
      provider_name: 'jobzone',
      provider_url: new URL('/', publicUrl).href,
      title,
      author_name: 'jobzone',
      html: `<iframe src="${escapeXml(src)}" width="${width}" height="${height}" title="${escapeXml(title)}" loading="lazy" style="border:0;max-width:100%"></iframe>`,
      width,
      height,
      cache_age: 3600,
    },
  };
}

/** The oEmbed discovery link of a role page. */
export function oembedDiscoveryHref(publicUrl: string, entry: AssessmentEntry): string {
  return new URL(`/oembed?url=${encodeURIComponent(rolePageUrl(publicUrl, entry))}&format=json`, publicUrl).href;
}
