import { foreignKey, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** One monthly snapshot of the bulk files: written once, on the first read-model build of the month, never changed. */
export const dataSnapshotsTable = pgTable('data_snapshots', {
  /** The UTC month, YYYY-MM. */
  month: text('month').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** When the read model the files were built from was built. */
  readModelBuiltAt: timestamp('read_model_built_at', { withTimezone: true }).notNull(),
  methodologyVersion: text('methodology_version').notNull(),
});

/** The files of one monthly snapshot, as text (PostgreSQL compresses large values on its own). */
export const dataSnapshotFilesTable = pgTable(
  'data_snapshot_files',
  {
    month: text('month').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    rows: integer('rows').notNull(),
    bytes: integer('bytes').notNull(),
    body: text('body').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.month, table.fileName] }),
    foreignKey({ columns: [table.month], foreignColumns: [dataSnapshotsTable.month] }).onDelete('cascade'),
  ],
);
