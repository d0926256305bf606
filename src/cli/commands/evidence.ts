import { config } from '../../config/config.ts';
import { EVIDENCE_KEYS, TEXT_LIMITS } from '../../methodology/index.ts';
import { DEFAULT_AUTHOR } from '../../features/revisions/revisions.schemas.ts';
import { parseEvidenceDimension, type AssessmentSelection } from '../../features/revisions/bulk-changes.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { withPublishing } from '../publishing-access.ts';
import { authorOf, checkTextOption, optionalNote, requireNote, type PublishingSettings } from './publish.ts';
import { formatPlan, formatPublished, reportPublishingFailure } from './publishing-output.ts';

function parseValue(value: string | undefined): number {
  if (value === undefined) throw new UsageError('--value is required: a whole number from -2 to 2');
  if (!/^[+-]?\d+$/.test(value.trim()) || Number(value) < -2 || Number(value) > 2) throw new UsageError(`--value: expected a whole number from -2 to 2, found "${value}"`);
  return Number(value);
}

// node's parser reads "-1" after --value as an option; joining them keeps "--value -1" working.
function joinNegativeValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    const next = args[index + 1];
    if (arg === '--value' && next !== undefined && /^-\d+$/.test(next)) {
      joined.push(`--value=${next}`);
      index += 1;
    } else joined.push(arg);
  }
  return joined;
}

/** Builds the command over a store's settings; the CLI uses the process configuration. */
export function createEvidenceCommand(settings: PublishingSettings = config): Command {
  const usage = `Usage: jobzone evidence set --dimension <name> --value <n> (--category <c> | --roles <slugs>) --note "<why>" [--author <name>] [--dry-run]

Sets one evidence dimension to one value across many assessments and publishes them all as new
revisions in one step: all of them or, on any problem or conflict, none. The dry run lists each
assessment's score, zone and sub-label change (before → after) and writes nothing.

Options:
  --dimension <name>  ${EVIDENCE_KEYS.join(', ')} (or a label such as job-postings, wage-trends)
  --value <n>         the new score, a whole number from -2 to 2
  --category <c>      every assessment of a category, by name ("Healthcare") or slug ("healthcare")
  --roles <slugs>     comma-separated role slugs, each optionally with /<seniority>
  --text <text>       replace the evidence text of the dimension too
  --note <text>       what changed and why (required)
  --author <name>     who publishes (default: JOBZONE_AUTHOR, else "${DEFAULT_AUTHOR}")
  --notify            tell subscribers even if scores barely move
  --dry-run           show what would change; write nothing
  --json              print the changes as JSON
  -h, --help          show this help

Exit codes: 0 published (or dry run shown), 1 not found, conflict or store unavailable, 2 usage error.`;
  return {
    usage,
    async run(args, io) {
      const [subcommand, ...rest] = args;
      if (subcommand !== 'set') throw new UsageError(subcommand === undefined ? 'missing the subcommand: jobzone evidence set …' : `unknown subcommand "${subcommand}"; use: jobzone evidence set …`);
      const { values, positionals } = parseCommandArgs(joinNegativeValues(rest), {
        dimension: { type: 'string' },
        value: { type: 'string' },
        category: { type: 'string' },
        roles: { type: 'string' },
        text: { type: 'string' },
        note: { type: 'string' },
        author: { type: 'string' },
        notify: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      });
      if (positionals.length > 0) throw new UsageError(`evidence set takes options only, found "${positionals[0]}"`);
      if (values.dimension === undefined) throw new UsageError(`--dimension is required: one of ${EVIDENCE_KEYS.join(', ')}`);
      const dimension = parseEvidenceDimension(values.dimension);
      if (!dimension) throw new UsageError(`--dimension: "${values.dimension}" is not an evidence dimension; use one of ${EVIDENCE_KEYS.join(', ')}`);
      const value = parseValue(values.value);
      if ((values.category === undefined) === (values.roles === undefined)) throw new UsageError('give exactly one of --category <c> or --roles <slugs>');
      const selection: AssessmentSelection = values.category !== undefined ? { category: values.category } : { roles: (values.roles ?? '').split(',') };
      const dryRun = values['dry-run'] ?? false;
      const note = dryRun ? (optionalNote(values.note) ?? '') : requireNote(values.note);
      const author = authorOf(values.author, settings.author ?? DEFAULT_AUTHOR);
      const text = values.text === undefined ? undefined : checkTextOption(values.text, '--text', { max: TEXT_LIMITS.rationale, multiline: true });
      const change = { dimension, value, selection, ...(text ? { text } : {}) };
      try {
        return await withPublishing(settings, (message) => io.stderr(`${message}\n`), async (access) => {
          if (dryRun) {
            const plan = await access.service.planEvidence(change);
            io.stdout(values.json ? `${JSON.stringify(plan.changes, null, 2)}\n` : `Dry run: nothing is written.\n${formatPlan(plan.changes)}`);
            return EXIT.ok;
          }
          const { published } = await access.service.setEvidence(change, { note, author, notify: values.notify ?? false });
          if (values.json) io.stdout(`${JSON.stringify(published, null, 2)}\n`);
          else io.stdout(`${published.map(formatPublished).join('\n')}\n${published.length} revision${published.length === 1 ? '' : 's'} published in one step.\n`);
          return EXIT.ok;
        });
      } catch (error) {
        return reportPublishingFailure(error, 'evidence set', io);
      }
    },
  };
}

export const evidenceCommand: Command = createEvidenceCommand();
