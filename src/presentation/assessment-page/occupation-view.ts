import { INDEX_DEFINITIONS } from '../../catalog/build/index-values.ts';
import type { OccupationEntry } from '../../features/read-model/read-model.ts';
import type { FactRow, IndexRow } from './assessment-view.types.ts';
import { formatChangePercent, formatCount, formatDollars, formatOrdinal } from '../format.ts';

/** Lists the occupation's labour-market facts with their sources. */
export function factRows(occupation: OccupationEntry): FactRow[] {
  const rows: FactRow[] = [];
  const add = <T>(label: string, figure: { value: T; source: string; note?: string | undefined } | null, format: (value: T) => string) => {
    if (figure) rows.push({ label, value: format(figure.value), source: figure.source, note: figure.note ?? null });
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
