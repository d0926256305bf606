import { config, type Config } from '../../config/config.ts';
import type { CatalogStats } from '../../features/catalog/catalog.schemas.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { withPublishing } from '../publishing-access.ts';
import { reportPublishingFailure } from './publishing-output.ts';

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
        const { stats, location } = await withPublishing(
          settings,
          (message) => io.stderr(`${message}\n`),
          async (access) => ({ stats: await access.service.catalogStats(), location: access.via }),
        );
        io.stdout(values.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats, location));
        return EXIT.ok;
      } catch (error) {
        return reportPublishingFailure(error, 'catalog stats', io);
      }
    },
  };
}

export const catalogStatsCommand: Command = createCatalogStatsCommand();
