import { config } from '../../config/config.ts';
import { METHODOLOGIES } from '../../methodology/index.ts';
import { RESCORE_AUTHOR } from '../../features/revisions/revisions.schemas.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { withPublishing } from '../publishing-access.ts';
import { authorOf, optionalNote, type PublishingSettings } from './publish.ts';
import { formatPlan, reportPublishingFailure } from './publishing-output.ts';

/** Builds the command over a store's settings; the CLI uses the process configuration. */
export function createMethodologyCommand(settings: PublishingSettings = config): Command {
  const usage = `Usage: jobzone methodology rescore --version <v> [--note "<text>"] [--author <name>] [--dry-run]

Re-scores every published assessment with a methodology version and publishes the results as new
revisions whose note names the version, in one step (all or none). Known versions: ${Object.keys(METHODOLOGIES).join(', ')}.

Options:
  --version <v>    the methodology version to score with
  --note <text>    added to the note "Re-scored with methodology <v>"
  --author <name>  who publishes (default "${RESCORE_AUTHOR}")
  --dry-run        list each assessment's score, zone and sub-label change; write nothing
  --json           print the changes as JSON
  -h, --help       show this help

Exit codes: 0 re-scored (or dry run shown), 1 unknown version, conflict or store unavailable, 2 usage error.`;
  return {
    usage,
    async run(args, io) {
      const [subcommand, ...rest] = args;
      if (subcommand !== 'rescore') throw new UsageError(subcommand === undefined ? 'missing the subcommand: jobzone methodology rescore --version <v>' : `unknown subcommand "${subcommand}"; use: jobzone methodology rescore`);
      const { values, positionals } = parseCommandArgs(rest, {
        version: { type: 'string' },
        note: { type: 'string' },
        author: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      });
      if (positionals.length > 0) throw new UsageError(`methodology rescore takes options only, found "${positionals[0]}"`);
      const version = values.version;
      if (!version) throw new UsageError(`--version is required: one of ${Object.keys(METHODOLOGIES).join(', ')}`);
      const note = optionalNote(values.note);
      const author = values.author === undefined ? undefined : authorOf(values.author, '');
      try {
        return await withPublishing(settings, (message) => io.stderr(`${message}\n`), async (access) => {
          if (values['dry-run']) {
            const plan = await access.service.planRescore(version);
            io.stdout(values.json ? `${JSON.stringify(plan.changes, null, 2)}\n` : `Dry run: nothing is written.\n${formatPlan(plan.changes)}`);
            return EXIT.ok;
          }
          const { plan, published } = await access.service.rescore(version, { note, author });
          if (values.json) io.stdout(`${JSON.stringify(published, null, 2)}\n`);
          else io.stdout(`${formatPlan(plan.changes)}Re-scored ${published.length} assessments with ${version}: ${published.length} revisions published in one step.\n`);
          return EXIT.ok;
        });
      } catch (error) {
        return reportPublishingFailure(error, 'methodology rescore', io);
      }
    },
  };
}

export const methodologyCommand: Command = createMethodologyCommand();
