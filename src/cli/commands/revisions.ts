import { config } from '../../config/config.ts';
import type { RevisionLine, RevisionSummary } from '../../features/revisions/revisions.schemas.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { withPublishing } from '../publishing-access.ts';
import type { PublishingSettings } from './publish.ts';
import { reportPublishingFailure } from './publishing-output.ts';
import { formatScore } from '../../presentation/format.ts';

/** Turns a revision into the line `jobzone revisions --json` prints. */
export function toRevisionLine(revision: RevisionSummary): RevisionLine {
  return {
    revision: revision.revision,
    publishedAt: new Date(revision.publishedAt).toISOString(),
    author: revision.author,
    note: revision.note,
    score: revision.score,
    zone: revision.zone,
    subLabel: revision.subLabel,
  };
}

/** Builds the command over a store's settings; the CLI uses the process configuration. */
export function createRevisionsCommand(settings: PublishingSettings = config): Command {
  return {
    usage: `Usage: jobzone revisions <role-slug>[/<seniority>] [--json]

Lists every published revision of an assessment, newest first: number, date, author, note,
score, zone and sub-label. The seniority may be left out when the role is assessed at one
seniority only.

Options:
  --json      print [{"revision", "publishedAt", "author", "note", "score", "zone", "subLabel"}] (publishedAt in ISO 8601)
  -h, --help  show this help

Exit codes: 0 listed, 1 not found or the store is unavailable, 2 usage error.`,
    async run(args, io) {
      const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
      if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing the assessment, e.g. registered-nurses/all-levels' : 'revisions takes one assessment');
      try {
        const listed = await withPublishing(settings, (message) => io.stderr(`${message}\n`), (access) => access.service.listRevisions(positionals[0] ?? ''));
        const lines = listed.revisions.map(toRevisionLine);
        if (values.json) {
          io.stdout(`${JSON.stringify(lines, null, 2)}\n`);
          return EXIT.ok;
        }
        io.stdout(`${listed.roleSlug}/${listed.seniority}: ${lines.length} revision${lines.length === 1 ? '' : 's'}\n`);
        for (const line of lines) {
          io.stdout(`  ${String(line.revision).padStart(3)}  ${line.publishedAt.slice(0, 16).replace('T', ' ')}  ${formatScore(line.score).padStart(5)} ${line.zone} (${line.subLabel})  ${line.author}: ${line.note}\n`);
        }
        return EXIT.ok;
      } catch (error) {
        return reportPublishingFailure(error, 'revisions', io);
      }
    },
  };
}

export const revisionsCommand: Command = createRevisionsCommand();
