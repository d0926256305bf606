import { config, type Config } from '../../config/config.ts';
import { CatalogFileError } from '../../catalog/committed-catalog.ts';
import { withLoadedCatalog } from '../../features/catalog/catalog-store.ts';
import { CatalogError } from '../../features/catalog/catalog.errors.ts';
import type { CatalogStats } from '../../features/catalog/catalog.schemas.ts';
import { getCatalogStats } from '../../features/catalog/catalog.usecases.ts';
import { StoreError } from '../../store/database.ts';
import { EXIT, UsageError, type CliIo, type Command, type ExitCode } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';

/** Prints the message of an error the user can act on and returns exit code 1; rethrows anything else. */
export function reportStoreFailure(error: unknown, command: string, io: CliIo): ExitCode {
  if (error instanceof StoreError || error instanceof CatalogError || error instanceof CatalogFileError) {
    io.stderr(`jobzone ${command}: ${error.message}\n`);
    return EXIT.invalid;
  }
  throw error;
}

const number = (value: number) => value.toLocaleString('en-US');

function formatStats(stats: CatalogStats, location: string): string {
  return [
    `Catalog in ${location}`,
    `  Occupations  ${number(stats.occupations)}`,
    `  Assessments  ${number(stats.assessments)}: ${number(stats.baseline)} data-derived baselines (not reviewed), ${number(stats.expert)} expert`,
    `  Titles       ${number(stats.titles)}`,
    `  Zones        Green ${number(stats.byZone.Green)} · Yellow ${number(stats.byZone.Yellow)} · Red ${number(stats.byZone.Red)}`,
    '',
  ].join('\n');
}

/** Builds the command over a store's settings; the CLI uses the process configuration. */
export function createCatalogStatsCommand(settings: Pick<Config, 'dataDir' | 'databaseUrl'> = config): Command {
  return {
    name: 'stats',
    summary: 'Count occupations, assessments, titles and zones in the store',
    usage: `Usage: jobzone catalog stats [--json]

Counts what the store holds: occupations, assessments (data-derived baselines and expert
assessments), titles, and assessments per zone of their current revision. Uses PostgreSQL when
DATABASE_URL is set, otherwise the embedded PGlite database in JOBZONE_DATA_DIR (default ./data).
An empty store is first loaded from the committed catalog; progress goes to stderr.

Options:
  --json      print {occupations, assessments, baseline, expert, titles, byZone: {Green, Yellow, Red}}
  -h, --help  show this help

Exit codes: 0 counted, 1 the store or the catalog cannot be read, 2 usage error.`,
    async run(args, io) {
      const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
      if (positionals.length > 0) throw new UsageError(`stats takes no arguments, found "${positionals[0]}"`);
      try {
        const { stats, location } = await withLoadedCatalog(
          settings,
          (message) => io.stderr(`${message}\n`),
          async (store) => ({ stats: await getCatalogStats(store.db), location: `${store.location} (${store.driver === 'pglite' ? 'PGlite' : 'PostgreSQL'})` }),
        );
        io.stdout(values.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats, location));
        return EXIT.ok;
      } catch (error) {
        return reportStoreFailure(error, 'catalog stats', io);
      }
    },
  };
}

export const catalogStatsCommand: Command = createCatalogStatsCommand();
