import type { DataSource } from '../../data-pipeline/catalog-records.ts';
import { INDEX_DEFINITIONS } from '../../data-pipeline/build/index-values.ts';
import type { AboutDataInput } from '../../features/site-pages/about-data-input.ts';

/** The sentence O*NET's licence asks every product that uses its data to show, word for word. */
export const ONET_ATTRIBUTION =
  'This product includes information from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license.';

/** One published AI-exposure index: what it measures, who published it and when. */
export interface IndexDescription {
  key: string;
  name: string;
  measures: string;
  year: string | null;
  sourceName: string | null;
  coverage: number;
}

/** The "About the data" page. */
export interface AboutDataView {
  sources: DataSource[];
  indices: IndexDescription[];
  onetAttribution: string;
  occupationCount: number;
  baselineCount: number;
  expertCount: number;
}

/** Builds the "About the data" page from the gathered sources and counts and the catalog's index definitions. */
export function buildAboutDataView({ sources, indexCoverage, occupationCount, baselineCount, expertCount }: AboutDataInput): AboutDataView {
  const bySource = new Map(sources.map((source) => [source.key, source]));
  return {
    sources: [...sources],
    indices: INDEX_DEFINITIONS.map((index) => {
      const source = bySource.get(index.sourceKey);
      return { key: index.key, name: index.name, measures: index.measures, year: source?.year ?? null, sourceName: source?.name ?? null, coverage: indexCoverage.get(index.key) ?? 0 };
    }),
    onetAttribution: bySource.get('onet')?.attribution ?? ONET_ATTRIBUTION,
    occupationCount,
    baselineCount,
    expertCount,
  };
}
