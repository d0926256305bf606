import { asc, and, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { dataSnapshotFilesTable, dataSnapshotsTable } from './open-data.table.ts';

/** A file of a monthly snapshot without its body, for listings. */
export interface SnapshotFileListing {
  month: string;
  fileName: string;
  contentType: string;
  rows: number;
  bytes: number;
}

/** A monthly snapshot and its files. */
export interface SnapshotListing {
  month: string;
  createdAt: Date;
  readModelBuiltAt: Date;
  methodologyVersion: string;
  files: SnapshotFileListing[];
}

/** What one snapshot holds when it is written. */
export interface NewSnapshot {
  month: string;
  createdAt: Date;
  readModelBuiltAt: Date;
  methodologyVersion: string;
  files: readonly { fileName: string; contentType: string; rows: number; body: string }[];
}

/**
 * Writes a month's snapshot unless that month already has one, in one transaction: the month row is
 * claimed first, so of two processes racing only one writes files and a month never mixes two builds.
 * Returns whether this call wrote it.
 */
export async function insertSnapshotOnce(db: Database, snapshot: NewSnapshot): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(dataSnapshotsTable)
      .values({ month: snapshot.month, createdAt: snapshot.createdAt, readModelBuiltAt: snapshot.readModelBuiltAt, methodologyVersion: snapshot.methodologyVersion })
      .onConflictDoNothing()
      .returning({ month: dataSnapshotsTable.month });
    if (claimed.length === 0) return false;
    for (const file of snapshot.files) {
      await tx.insert(dataSnapshotFilesTable).values({ month: snapshot.month, fileName: file.fileName, contentType: file.contentType, rows: file.rows, bytes: Buffer.byteLength(file.body, 'utf8'), body: file.body });
    }
    return true;
  });
}

/** Lists every snapshot, newest month first, with its files (without bodies). */
export async function listSnapshots(db: Database): Promise<SnapshotListing[]> {
  const snapshots = await db.select().from(dataSnapshotsTable).orderBy(asc(dataSnapshotsTable.month));
  const files = await db
    .select({ month: dataSnapshotFilesTable.month, fileName: dataSnapshotFilesTable.fileName, contentType: dataSnapshotFilesTable.contentType, rows: dataSnapshotFilesTable.rows, bytes: dataSnapshotFilesTable.bytes })
    .from(dataSnapshotFilesTable)
    .orderBy(asc(dataSnapshotFilesTable.month), asc(dataSnapshotFilesTable.fileName));
  return snapshots.reverse().map((snapshot) => ({ ...snapshot, files: files.filter((file) => file.month === snapshot.month) }));
}

/** Reads one file of a snapshot, or null when the month or file does not exist. */
export async function readSnapshotFile(db: Database, month: string, fileName: string): Promise<{ contentType: string; body: string } | null> {
  const [row] = await db
    .select({ contentType: dataSnapshotFilesTable.contentType, body: dataSnapshotFilesTable.body })
    .from(dataSnapshotFilesTable)
    .where(and(eq(dataSnapshotFilesTable.month, month), eq(dataSnapshotFilesTable.fileName, fileName)));
  return row ?? null;
}
