import type { DataSource } from '../../data-pipeline/catalog-records.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { inputRowsOf, type DatasetSpec } from './bulk-files.ts';
import type { PreparedFile } from './file-answers.ts';
import type { SnapshotListing } from './open-data.repository.ts';

/** What the /data page shows, gathered before the page is built. */
export interface DataPageInput {
  /** The rows of each dataset, exactly as the files hold them. */
  rowCounts: Record<DatasetSpec['key'], number>;
  /** When the read model the files were written from was built. */
  builtAt: Date;
  sources: readonly DataSource[];
  /** The prepared current files, by file name. */
  files: ReadonlyMap<string, PreparedFile>;
  snapshots: readonly SnapshotListing[];
}

/** Counts the rows of each dataset in the read model, exactly as the files hold them. */
export function rowCountsOf(model: ReadModel): Record<DatasetSpec['key'], number> {
  let tasks = 0;
  let inputs = 0;
  for (const entry of model.assessments.values()) {
    tasks += entry.figures.tasks.length;
    inputs += inputRowsOf(entry).length;
  }
  return { assessments: model.assessments.size, tasks, inputs };
}

/** Gathers the row counts, build time and sources of the read model with the prepared files and snapshots. */
export function gatherDataPageInput(model: ReadModel, files: ReadonlyMap<string, PreparedFile>, snapshots: readonly SnapshotListing[]): DataPageInput {
  return { rowCounts: rowCountsOf(model), builtAt: model.builtAt, sources: model.sources, files, snapshots };
}
