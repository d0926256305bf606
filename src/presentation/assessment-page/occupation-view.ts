import { INDEX_DEFINITIONS } from '../../data-pipeline/build/index-values.ts';
import type { OccupationEntry } from '../../features/read-model/read-model.ts';
import type { AssessmentPageView, FactRow, IndexRow } from './assessment-view.types.ts';
import { buildPercentileStrip } from '../chart-geometry.ts';
import { formatChangePercent, formatCount, formatDollars, formatOrdinal, formatScore } from '../format.ts';
import { renderInlineMarkdown } from '../markdown.ts';
import type { AssessmentPageInput } from '../../features/assessment-page/assessment-page-input.ts';
import { buildExpertBaselineView } from './expert-baseline-view.ts';
import { roleLinkOf } from './role-link.ts';
import { describeFigureNote, isGroupFigureNote } from '../site-pages/shared-figures.ts';
import type { ScoreBand } from './header-view.ts';

/** Lists the occupation's labour-market facts with their sources, each saying when BLS published it for the whole SOC group. */
export function factRows(occupation: OccupationEntry, groupTitle: string | null = null): FactRow[] {
  const rows: FactRow[] = [];
  const add = <T>(label: string, figure: { value: T; source: string; note?: string | undefined } | null, format: (value: T) => string) => {
    if (figure) rows.push({ label, value: format(figure.value), source: figure.source, note: describeFigureNote(figure.note, occupation, groupTitle) });
  };
  add('Median annual wage, May 2024', occupation.medianWage2024, formatDollars);
  add('Median annual wage, May 2021', occupation.medianWage2021, formatDollars);
  add('Employment, 2024', occupation.employment2024, formatCount);
  add('Projected employment, 2034', occupation.projectedEmployment2034, formatCount);
  add('Projected change, 2024–34', occupation.projectedChangePercent, formatChangePercent);
  add('Openings each year (projected)', occupation.annualOpenings, formatCount);
  add('Typical education for entry', occupation.typicalEducation, (value: string) => value);
  return rows;
}

const indexOrder = (key: string) => {
  const position = INDEX_DEFINITIONS.findIndex((index) => index.key === key);
  return position === -1 ? INDEX_DEFINITIONS.length : position;
};

/** Lists the occupation's published AI-exposure index values, in the catalog's order, with percentiles. */
export function indexRows(occupation: OccupationEntry): IndexRow[] {
  const sorted = [...occupation.indices].sort((a, b) => indexOrder(a.index) - indexOrder(b.index) || a.index.localeCompare(b.index));
  return sorted.map((value) => {
    const known = INDEX_DEFINITIONS.find((index) => index.key === value.index);
    return {
      key: value.index,
      name: known?.name ?? value.index,
      year: /(19|20)\d{2}/.exec(value.index)?.[0] ?? null,
      measures: known?.measures ?? '',
      valueText: Number(value.value.toPrecision(3)).toString().replace(/^-/, '−'),
      percentile: value.percentile,
      percentileText: formatOrdinal(value.percentile),
      crosswalked: value.crosswalked,
    };
  });
}

type OccupationViews = Pick<AssessmentPageView, 'indices' | 'labour' | 'onet'>;

/** Builds the published indices, labour-market figures and O*NET link of the occupation the role maps to. */
export function buildOccupationViews(input: AssessmentPageInput): OccupationViews {
  const { occupation, entry } = input;
  if (!occupation) return { indices: null, labour: null, onet: null };
  const isBaseline = entry.status === 'baseline';
  const rows = indexRows(occupation);
  const strip = buildPercentileStrip(rows.map((row) => ({ key: row.key, label: row.name, percentile: row.percentile, percentileText: row.percentileText })));
  const facts = factRows(occupation, input.socGroupTitle);
  const baselineLink = input.occupationBaseline ? roleLinkOf(input.occupationBaseline) : null;
  return {
    indices:
      rows.length === 0
        ? null
        : {
            rows,
            dots: strip.dots,
            ariaLabel: strip.ariaLabel,
            occupationTitle: occupation.title,
            note: 'A higher percentile means more exposed to AI by that index’s own measure. These indices are shown for comparison only; they are never blended into the AIJRI score.',
            crosswalkNote: rows.some((row) => row.crosswalked)
              ? 'Marked values were published for older occupation codes (SOC 2010) and carried across the BLS crosswalk to this occupation’s SOC 2018 code.'
              : null,
          },
    labour: facts.length === 0 ? null : { rows: facts, note: isBaseline ? null : `Figures for the O*NET occupation this role maps to, ${occupation.title}; they cover more than this role alone.` },
    onet: {
      code: occupation.onetCode,
      title: occupation.title,
      descriptionHtml: renderInlineMarkdown(occupation.description),
      onetUrl: `https://www.onetonline.org/link/summary/${occupation.onetCode}`,
      baseline: baselineLink,
      comparison: input.occupationBaseline && baselineLink && !isBaseline ? buildExpertBaselineView(entry.assessment, input.occupationBaseline.assessment, occupation.onetCode, baselineLink) : null,
      expertRoles: input.occupationExperts.map(roleLinkOf),
      jobZone: occupation.jobZone,
    },
  };
}

/** Picks the few figures a reader wants first: the band, wage, employment, outlook and the O*NET code. */
export function buildKeyFacts(views: OccupationViews, band: ScoreBand): AssessmentPageView['keyFacts'] {
  const facts: AssessmentPageView['keyFacts'] = [
    { label: 'Uncertainty band', value: `${formatScore(band.low)}–${formatScore(band.high)}`, note: band.zoneStable ? 'zone holds' : 'zone can change' },
  ];
  const said = new Set<string>();
  const pick = (label: string, shown: string) => {
    const row = views.labour?.rows.find((item) => item.label === label);
    if (!row) return;
    const group = isGroupFigureNote(row.note) ? row.note : null;
    facts.push({ label: shown, value: row.value, note: group ? `${row.source}; ${said.has(group) ? 'same group' : group}` : row.source });
    if (group) said.add(group);
  };
  pick('Median annual wage, May 2024', 'Median wage (US)');
  pick('Employment, 2024', 'Employed (US, 2024)');
  pick('Projected change, 2024–34', 'Projected change to 2034');
  if (views.onet) facts.push({ label: 'O*NET occupation', value: views.onet.code, note: views.onet.title });
  return facts;
}
