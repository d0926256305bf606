import { resolve } from 'node:path';
import { config, type Config } from '../../config/config.ts';
import { readAssessmentFile } from '../../features/assessments/assessment-files.ts';
import { formatFileProblem } from '../../features/assessments/assessment-yaml.ts';
import { DEFAULT_AUTHOR } from '../../features/revisions/revisions.schemas.ts';
import { describeForbiddenCharacter, MULTI_LINE_EXPECTED, SINGLE_LINE_EXPECTED, TEXT_LIMITS } from '../../methodology/index.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { withPublishing } from '../publishing-access.ts';
import { formatPublished, reportPublishingFailure } from './publishing-output.ts';

/** Settings the publishing commands read: where the store is and who publishes by default. */
export type PublishingSettings = Pick<Config, 'dataDir' | 'databaseUrl' | 'author' | 'remote'>;

/** Parses a revision number option ("--expect-revision 3"). */
export function parseRevisionNumber(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${option}: expected a revision number (0 for a new assessment), found "${value}"`);
  return Number(value);
}

const MAX_NOTE_LENGTH = TEXT_LIMITS.rationale;
const MAX_AUTHOR_LENGTH = TEXT_LIMITS.title;

/** Checks a free-text option the store keeps (--note, --author): bounded, and without control characters. */
export function checkTextOption(value: string, option: string, options: { max: number; multiline: boolean }): string {
  if (value.length > options.max) throw new UsageError(`${option}: found ${value.length.toLocaleString('en-US')} characters; expected at most ${options.max.toLocaleString('en-US')}`);
  const forbidden = describeForbiddenCharacter(value, options.multiline);
  if (forbidden) throw new UsageError(`${option}: found ${forbidden}; expected ${options.multiline ? MULTI_LINE_EXPECTED : SINGLE_LINE_EXPECTED}`);
  return value;
}

/** Reads the mandatory --note. */
export function requireNote(note: string | undefined): string {
  if (note === undefined || note.trim() === '') throw new UsageError('--note is required: say what changed and why, e.g. --note "New evidence on job postings"');
  return checkTextOption(note, '--note', { max: MAX_NOTE_LENGTH, multiline: true });
}

/** Reads the optional --note of commands that have a default. */
export function optionalNote(note: string | undefined): string | undefined {
  return note === undefined ? undefined : checkTextOption(note, '--note', { max: MAX_NOTE_LENGTH, multiline: true });
}

/** Reads --author, falling back to the given default. */
export function authorOf(author: string | undefined, fallback: string): string {
  return author === undefined ? fallback : checkTextOption(author, '--author', { max: MAX_AUTHOR_LENGTH, multiline: false });
}

/** Builds the command over a store's settings; the CLI uses the process configuration. */
export function createPublishCommand(settings: PublishingSettings = config): Command {
  return {
    usage: `Usage: jobzone publish <file.yaml> --note "<what changed and why>" [--author <name>] [--notify] [--expect-revision N]

Validates and scores the assessment file and publishes it as a new, immutable revision of its
role and seniority (creating both on first publication). The file is refused, and nothing is
written, when another revision was published since the one it was exported from (the file's
basedOnRevision, or --expect-revision): export the latest again and reapply your change.
Works while "npm start" runs: the command then goes through the running server.

Options:
  --note <text>          what changed and why (required; shown in the history and in emails)
  --author <name>        who publishes (default: JOBZONE_AUTHOR, else "${DEFAULT_AUTHOR}")
  --notify               tell subscribers even if the score barely moves
  --expect-revision <N>  the revision this file is an edit of (0 for a new assessment)
  --json                 print the published revision as JSON
  -h, --help             show this help

Exit codes: 0 published, 1 invalid file, conflict or store unavailable, 2 usage error.`,
    async run(args, io) {
      const { values, positionals } = parseCommandArgs(args, {
        note: { type: 'string' },
        author: { type: 'string' },
        notify: { type: 'boolean' },
        'expect-revision': { type: 'string' },
        json: { type: 'boolean' },
      });
      if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing the assessment file to publish' : 'publish takes one file; publish several at once with "jobzone evidence set" or one by one');
      const note = requireNote(values.note);
      const expectedRevision = parseRevisionNumber(values['expect-revision'], '--expect-revision');
      const file = positionals[0] ?? '';
      const parsed = await readAssessmentFile(resolve(io.cwd, file));
      if (!parsed.ok) {
        for (const problem of parsed.problems) io.stderr(`${formatFileProblem({ ...problem, file })}\n`);
        io.stderr(`jobzone publish: ${file} is not a valid assessment; nothing was published\n`);
        return EXIT.invalid;
      }
      const author = authorOf(values.author, settings.author ?? DEFAULT_AUTHOR);
      try {
        const [published] = await withPublishing(settings, (message) => io.stderr(`${message}\n`), (access) =>
          access.service.publish([{ document: parsed.assessment, expectedRevision, source: file }], { note, author, notify: values.notify ?? false }),
        );
        if (!published) throw new Error('the publication wrote no revision');
        io.stdout(values.json ? `${JSON.stringify(published, null, 2)}\n` : `${formatPublished(published)}\n`);
        return EXIT.ok;
      } catch (error) {
        return reportPublishingFailure(error, 'publish', io);
      }
    },
  };
}

export const publishCommand: Command = createPublishCommand();
