import { config, type Config } from '../../config/config.ts';
import type { SyncSummary } from '../../features/catalog/catalog.usecases.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { withPublishing } from '../publishing-access.ts';
import { reportPublishingFailure } from './publishing-output.ts';

function formatSummary(summary: SyncSummary, location: string): string {
  const lines = [
    `Catalog in ${location} is up to date with the committed catalog.`,
    `  New assessments published        ${summary.revisionsPublished}`,
    `  Baselines republished (changed)  ${summary.republished}`,
  ];
  if (summary.keptEdited.length > 0) {
    lines.push(`  Left as edited by someone else   ${summary.keptEdited.length}: ${summary.keptEdited.slice(0, 10).join(', ')}${summary.keptEdited.length > 10 ? ', …' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Builds the command over a store's settings; the CLI uses the process configuration. */
export function createCatalogLoadCommand(settings: Pick<Config, 'dataDir' | 'databaseUrl'> = config): Command {
  return {
    usage: `Usage: jobzone catalog load [--json]

Brings the store up to the committed catalog (catalog/ and content/assessments): loads everything into an
empty store; in a loaded one adds new occupations, roles and titles and publishes every data-derived
baseline the committed catalog changed as a new revision. Its note names the baseline method version and
the inputs that moved; history, diffs, movers and feeds show it and subscribers are notified by the usual
rules. A baseline someone else has published a revision of is left as it is and listed. Running it again
changes nothing. \`npm start\` runs the same step when the committed catalog is newer than the store.

Options:
  --json      print {occupations, roles, revisionsPublished, titles, indexValues, sources, republished, keptEdited}
  -h, --help  show this help

Exit codes: 0 done, 1 the store or the catalog cannot be read or the catalog is invalid (nothing written), 2 usage error.`,
    async run(args, io) {
      const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
      if (positionals.length > 0) throw new UsageError(`load takes no arguments, found "${positionals[0]}"`);
      try {
        const { summary, location } = await withPublishing(
          settings,
          (message) => io.stderr(`${message}\n`),
          async (access) => ({ summary: await access.service.syncCatalog(), location: access.via }),
        );
        io.stdout(values.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary, location));
        return EXIT.ok;
      } catch (error) {
        return reportPublishingFailure(error, 'catalog load', io);
      }
    },
  };
}

export const catalogLoadCommand: Command = createCatalogLoadCommand();
