import { CatalogFileError } from '../../data-pipeline/committed-catalog.ts';
import { CatalogError } from '../../features/catalog/catalog.errors.ts';
import type { PublishedRevision } from '../../features/revisions/published-revision.ts';
import { RevisionError } from '../../features/revisions/revisions.errors.ts';
import type { PlannedChange } from '../../features/revisions/revisions.schemas.ts';
import { ServerUnavailableError } from '../../server/internal-client.ts';
import { StoreError } from '../../store/database.ts';
import { EXIT, type CliIo, type ExitCode } from '../cli-io.ts';
import { RemoteAccessError } from '../remote-publishing.ts';
import { formatScore } from '../../presentation/format.ts';

/** Prints the message of an error the user can act on (conflict, invalid input, store unavailable) and returns exit code 1; rethrows anything else. */
export function reportPublishingFailure(error: unknown, command: string, io: CliIo): ExitCode {
  if (error instanceof RevisionError || error instanceof StoreError || error instanceof ServerUnavailableError || error instanceof RemoteAccessError || error instanceof CatalogError || error instanceof CatalogFileError) {
    io.stderr(`jobzone ${command}: ${error.message}\n`);
    return EXIT.invalid;
  }
  throw error;
}

const signed = (value: number) => (value > 0 ? `+${value.toFixed(1)}` : value < 0 ? `-${Math.abs(value).toFixed(1)}` : '±0.0');
const headline = (figures: { score: number; zone: string; subLabel: string }) => `${formatScore(figures.score)} ${figures.zone} (${figures.subLabel})`;

/** Describes one published revision in one line: which, by whom, and how the headline moved. */
export function formatPublished(revision: PublishedRevision): string {
  const key = `${revision.roleSlug}/${revision.seniority}`;
  const after = headline(revision.after);
  if (!revision.before) return `Published ${key} revision ${revision.after.revisionNumber} (new): ${after}`;
  const delta = Math.round((revision.after.score - revision.before.score) * 10) / 10;
  return `Published ${key} revision ${revision.after.revisionNumber}: ${headline(revision.before)} → ${after} (${signed(delta)})`;
}

/** Lists planned changes as a table: assessment, score, zone and sub-label before → after. */
export function formatPlan(changes: readonly PlannedChange[]): string {
  const rows = changes.map((change) => {
    const delta = Math.round((change.after.score - change.before.score) * 10) / 10;
    const zone = change.before.zone === change.after.zone ? change.after.zone : `${change.before.zone} → ${change.after.zone}`;
    const subLabel = change.before.subLabel === change.after.subLabel ? change.after.subLabel : `${change.before.subLabel} → ${change.after.subLabel}`;
    return [`${change.roleSlug}/${change.seniority}`, `${formatScore(change.before.score)} → ${formatScore(change.after.score)} (${signed(delta)})`, zone, subLabel];
  });
  const header = ['assessment', 'score', 'zone', 'sub-label'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const zoneChanges = changes.filter((change) => change.before.zone !== change.after.zone).length;
  const labelChanges = changes.filter((change) => change.before.subLabel !== change.after.subLabel).length;
  return [
    line(header),
    ...rows.map(line),
    '',
    `${changes.length} assessment${changes.length === 1 ? '' : 's'}: ${zoneChanges} zone change${zoneChanges === 1 ? '' : 's'}, ${labelChanges} sub-label change${labelChanges === 1 ? '' : 's'}.`,
    '',
  ].join('\n');
}
