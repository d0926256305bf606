import { aijri1 } from '../../methodology/index.ts';
import type { Database } from '../../store/database.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { createByteBoundedLru } from '../render-cache/byte-bounded-lru.ts';
import { BULK_FILE_NAMES, buildBulkFiles } from './bulk-files.ts';
import { answerWithFile, CURRENT_FILE_CACHE_CONTROL, prepareFile, SNAPSHOT_CACHE_CONTROL, type PreparedFile } from './file-answers.ts';
import { insertSnapshotOnce, listSnapshots, readSnapshotFile, type SnapshotListing } from './open-data.repository.ts';

/** The folder of a month's snapshot under the site, e.g. "/data/snapshots/2026-12". */
export function snapshotFolderOf(month: string): string {
  return `/data/snapshots/${month}`;
}

/** The UTC month of a moment, YYYY-MM. */
export function monthOf(moment: Date): string {
  return moment.toISOString().slice(0, 7);
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A snapshot file above this size is not stored: it would make the store grow by more than a month is worth. */
export const MAX_SNAPSHOT_FILE_BYTES = 64 * 1024 * 1024;

/** The bulk files of the current read model and the monthly snapshots, held ready for the web tier. */
export interface OpenData {
  /** The current files, built once per read-model version and compressed once. */
  currentFiles: (model: ReadModel) => Promise<ReadonlyMap<string, PreparedFile>>;
  /** The snapshots known to this process, newest first. */
  snapshots: () => readonly SnapshotListing[];
  /** One file of a monthly snapshot, read from the store once and then kept in memory. */
  snapshotFile: (month: string, fileName: string) => Promise<PreparedFile | null>;
  /** Writes this month's snapshot from the model when the month has none yet; returns whether it did. */
  recordMonthlySnapshot: (model: ReadModel, now?: Date) => Promise<boolean>;
}

/** Creates the open-data holder over the store; the snapshot list is read once here and after each write. */
export async function createOpenData(db: Database, publicUrl: string): Promise<OpenData> {
  let listing = await listSnapshots(db);
  let built: { version: number; files: Promise<ReadonlyMap<string, PreparedFile>> } | null = null;
  // Snapshot files never change, so a file read once is kept; the bound keeps a year of them in memory at most.
  const snapshotCache = createByteBoundedLru<PreparedFile>({ maxBytes: 48 * 1024 * 1024, maxEntryBytes: 24 * 1024 * 1024 }, (file) => file.size);

  const currentFiles = (model: ReadModel) => {
    if (built?.version !== model.version) {
      const files = buildBulkFiles(model, { publicUrl, folder: '/data' });
      built = {
        version: model.version,
        files: Promise.all(files.map((file) => prepareFile(file.name, file.contentType, file.body, `v${model.version}`))).then((prepared) => new Map(prepared.map((file) => [file.name, file]))),
      };
    }
    return built.files;
  };

  return {
    currentFiles,
    snapshots: () => listing,
    async snapshotFile(month, fileName) {
      if (!MONTH.test(month) || !BULK_FILE_NAMES.includes(fileName)) return null;
      if (!listing.some((snapshot) => snapshot.month === month)) return null;
      const key = `${month}/${fileName}`;
      const cached = snapshotCache.get(key);
      if (cached) return cached;
      const row = await readSnapshotFile(db, month, fileName);
      if (!row) return null;
      const file = await prepareFile(fileName, row.contentType, row.body, month);
      snapshotCache.set(key, file);
      return file;
    },
    async recordMonthlySnapshot(model, now = new Date()) {
      const month = monthOf(now);
      if (listing.some((snapshot) => snapshot.month === month)) return false;
      const files = buildBulkFiles(model, { publicUrl, folder: snapshotFolderOf(month) }).filter((file) => Buffer.byteLength(file.body, 'utf8') <= MAX_SNAPSHOT_FILE_BYTES);
      const written = await insertSnapshotOnce(db, {
        month,
        createdAt: now,
        readModelBuiltAt: model.builtAt,
        methodologyVersion: aijri1.version,
        files: files.map((file) => ({ fileName: file.name, contentType: file.contentType, rows: file.rows, body: file.body })),
      });
      listing = await listSnapshots(db);
      return written;
    },
  };
}

/** Answers GET /data/<file>: the current file with its ETag, or null when no such file is published. */
export async function answerCurrentFile(openData: OpenData, model: ReadModel, fileName: string, request: Request): Promise<Response | null> {
  const file = (await openData.currentFiles(model)).get(fileName);
  return file ? answerWithFile(file, request, CURRENT_FILE_CACHE_CONTROL) : null;
}

/** Answers GET /data/snapshots/<month>/<file>, or null when that month or file has no snapshot. */
export async function answerSnapshotFile(openData: OpenData, month: string, fileName: string, request: Request): Promise<Response | null> {
  const file = await openData.snapshotFile(month, fileName);
  return file ? answerWithFile(file, request, SNAPSHOT_CACHE_CONTROL) : null;
}
