import type { DataSource } from '../../data-pipeline/catalog-records.ts';
import type { DataPageInput } from '../../features/open-data/data-page-input.ts';
import { ONET_ATTRIBUTION } from '../site-pages/about-data-view.ts';
import { bulkFileName, DATASET_SPECS, FIGURES_LICENCE, type BulkFormat, type DatasetSpec } from '../../features/open-data/bulk-files.ts';
import { dataMetadataOf, type DataMetadata } from '../../features/open-data/citation.ts';
import { jsonLdText } from './json-ld.ts';
import { snapshotFolderOf } from '../../features/open-data/open-data.usecases.ts';

/** A file as the /data page lists it. */
export interface FileLink {
  name: string;
  href: string;
  format: string;
  sizeText: string;
}

/** The /data page: the files, the data dictionary, row counts, snapshots, licences and the Dataset JSON-LD. */
export interface DataPageView {
  datasets: (Omit<DatasetSpec, 'columns'> & { rows: number; files: FileLink[]; columns: { name: string; type: string; meaning: string }[] })[];
  snapshots: { month: string; createdText: string; files: FileLink[] }[];
  licence: typeof FIGURES_LICENCE;
  sources: DataSource[];
  onetAttribution: string;
  meta: DataMetadata;
  jsonLd: string;
}

const FORMAT_LABELS: Record<BulkFormat, string> = { csv: 'CSV', 'csv-metadata': 'CSV metadata (JSON)', jsonl: 'JSON Lines' };
const FORMATS: readonly BulkFormat[] = ['csv', 'csv-metadata', 'jsonl'];
const ENCODING_FORMATS: Record<BulkFormat, string> = { csv: 'text/csv', 'csv-metadata': 'application/json', jsonl: 'application/jsonl' };

/** Writes a byte size for readers ("1.4 MB", "812 KB"). */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Builds the /data page from the gathered row counts, sources, prepared current files and snapshots. */
export function buildDataPageView({ rowCounts: counts, builtAt, sources, files, snapshots }: DataPageInput, publicUrl: string): DataPageView {
  const pageUrl = new URL('/data', publicUrl).href;
  const meta = dataMetadataOf({ title: 'jobzone open data: assessments, tasks and judgement inputs', url: pageUrl, asOf: builtAt });
  const datasets = DATASET_SPECS.map((spec) => ({
    key: spec.key,
    title: spec.title,
    description: spec.description,
    rows: counts[spec.key],
    columns: spec.columns.map(({ name, type, meaning }) => ({ name, type, meaning })),
    files: FORMATS.map((format) => {
      const name = bulkFileName(spec.key, format);
      return { name, href: `/data/${name}`, format: FORMAT_LABELS[format], sizeText: sizeText(files.get(name)?.size ?? 0) };
    }),
  }));
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: 'jobzone AI Job Resistance Index assessments',
    description: 'Every published AI Job Resistance Index (AIJRI) assessment of jobzone: scores, zones and headline figures, the task split, and every judgement input with its provenance. Regenerated with each publication; a dated snapshot is kept per month.',
    url: pageUrl,
    license: FIGURES_LICENCE.url,
    isAccessibleForFree: true,
    creator: { '@type': 'Organization', name: 'jobzone', url: new URL('/', publicUrl).href },
    dateModified: builtAt.toISOString(),
    version: meta.methodologyVersion,
    citation: meta.citation.text,
    measurementTechnique: new URL('/methodology', publicUrl).href,
    isBasedOn: sources.map((source) => ({ '@type': 'CreativeWork', name: source.name, publisher: source.publisher, license: source.license })),
    variableMeasured: datasets[0]?.columns.map((column) => column.name) ?? [],
    distribution: datasets.flatMap((dataset) =>
      dataset.files.map((file, index) => ({
        '@type': 'DataDownload',
        name: file.name,
        encodingFormat: ENCODING_FORMATS[FORMATS[index] ?? 'csv'],
        contentUrl: new URL(file.href, publicUrl).href,
      })),
    ),
  };
  return {
    datasets,
    snapshots: snapshots.map((snapshot) => ({
      month: snapshot.month,
      createdText: snapshot.createdAt.toISOString().slice(0, 10),
      files: snapshot.files.map((file) => ({ name: file.fileName, href: `${snapshotFolderOf(snapshot.month)}/${file.fileName}`, format: file.fileName.endsWith('.jsonl') ? 'JSON Lines' : file.fileName.endsWith('.json') ? 'CSV metadata (JSON)' : 'CSV', sizeText: sizeText(file.bytes) })),
    })),
    licence: FIGURES_LICENCE,
    sources: [...sources],
    onetAttribution: sources.find((source) => source.key === 'onet')?.attribution ?? ONET_ATTRIBUTION,
    meta,
    jsonLd: jsonLdText(jsonLd),
  };
}

/** The plain-text 404 for a file that is not published. */
export function notFoundFile(name: string): Response {
  const shown = name.slice(0, 120).replace(/[^\w./-]/g, '?');
  return new Response(`No data file "${shown}" is published. The files are listed at /data.\n`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
