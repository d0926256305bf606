import { config, type Config } from '../../config/config.ts';
import type { ShownAssessment } from '../../features/catalog/catalog.schemas.ts';
import { withPublishing } from '../publishing-access.ts';
import { seniorityLabel } from '../../presentation/seniority-labels.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { reportPublishingFailure } from './publishing-output.ts';
import { formatScore } from '../../presentation/format.ts';

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

function formatShown(shown: ShownAssessment, key: string): string {
  const seniority = seniorityLabel(shown.seniority);
  const status = shown.status === 'baseline' ? 'data-derived baseline, not reviewed' : 'expert assessment';
  const code = shown.onetCode ? ` (${shown.onetCode})` : '';
  const topTasks = [...shown.tasks].sort((a, b) => b.share - a.share).slice(0, 5);
  return [
    `${shown.title}${code} — ${seniority}`,
    `${status} · revision ${shown.revision.number} by ${shown.revision.author}, ${shown.revision.publishedAt.slice(0, 10)} · methodology ${shown.methodologyVersion}`,
    '',
    `AIJRI ${formatScore(shown.score)}/100 · ${shown.label} · ${shown.headline}`,
    `Uncertainty band ${formatScore(shown.band.low)}–${formatScore(shown.band.high)}; the zone ${shown.band.zoneStable ? 'holds' : 'can change'} if one judgement moves one step.`,
    `Task resistance ${shown.taskResistance.toFixed(2)}/5.0 · evidence ${signed(shown.totals.evidence)}/10 · barriers ${shown.totals.barriers}/10 · growth ${signed(shown.totals.growth)} · protective ${shown.totals.protective}/9`,
    `Time in tasks scoring 3+: ${shown.shareAtLeast3}% · 4+: ${shown.shareAtLeast4}% · displacement ${shown.split.displacement}%, augmentation ${shown.split.augmentation}%, not involved ${shown.split.notInvolved}%`,
    '',
    `Largest tasks (of ${shown.tasks.length}):`,
    ...topTasks.map((task) => `  ${String(task.share).padStart(5)}%  score ${task.score}  ${task.name}`),
    '',
    `Every figure: jobzone catalog show ${key} --json`,
    '',
  ].join('\n');
}

/** Builds the command over a store's settings; the CLI uses the process configuration. */
export function createCatalogShowCommand(settings: Pick<Config, 'dataDir' | 'databaseUrl'> = config): Command {
  return {
    usage: `Usage: jobzone catalog show <slug | O*NET-SOC code> [--json]

Shows the current assessment of an occupation (its data-derived baseline), found by slug
("registered-nurses") or O*NET-SOC code ("29-1141.00"), or of an expert role by its slug.
An empty store is first loaded from the committed catalog; progress goes to stderr.

Options:
  --json      print slug, title, onetCode, status and every figure of "jobzone score --json"
  -h, --help  show this help

Exit codes: 0 shown, 1 not found or the store cannot be read, 2 usage error.`,
    async run(args, io) {
      const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
      if (positionals.length !== 1) throw new UsageError(positionals.length ? 'show takes exactly one slug or code' : 'missing the slug or O*NET-SOC code to show');
      const [key = ''] = positionals;
      try {
        const shown = await withPublishing(settings, (message) => io.stderr(`${message}\n`), (access) => access.service.showAssessment(key));
        io.stdout(values.json ? `${JSON.stringify(shown, null, 2)}\n` : formatShown(shown, key));
        return EXIT.ok;
      } catch (error) {
        return reportPublishingFailure(error, 'catalog show', io);
      }
    },
  };
}

export const catalogShowCommand: Command = createCatalogShowCommand();
