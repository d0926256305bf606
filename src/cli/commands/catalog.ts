import { EXIT, type Command } from '../cli-io.ts';
import { catalogBuildCommand } from './catalog-build.ts';
import { catalogDiffCommand } from './catalog-diff.ts';
import { catalogLoadCommand } from './catalog-load.ts';
import { catalogReportCommand } from './catalog-report.ts';
import { catalogShowCommand } from './catalog-show.ts';
import { catalogStatsCommand } from './catalog-stats.ts';

/** The catalog's subcommands; each lives in its own module beside this one. */
const SUBCOMMANDS: readonly Command[] = [
  catalogBuildCommand,
  catalogLoadCommand,
  catalogDiffCommand,
  catalogReportCommand,
  catalogStatsCommand,
  catalogShowCommand,
];

function overview(): string {
  const width = Math.max(0, ...SUBCOMMANDS.map((command) => command.name.length));
  return `Usage: jobzone catalog <subcommand> [options]

The catalog: every O*NET occupation with a data-derived baseline, plus expert assessments.

Subcommands:
${SUBCOMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run "jobzone catalog <subcommand> --help" for its options.`;
}

export const catalogCommand: Command = {
  name: 'catalog',
  summary: 'Build, load, inspect and report on the catalog of occupations',
  handlesHelp: true,
  get usage() {
    return overview();
  },
  async run(args, io) {
    const [name, ...rest] = args;
    if (name === '--help' || name === '-h') {
      io.stdout(`${overview()}\n`);
      return EXIT.ok;
    }
    const subcommand = SUBCOMMANDS.find((candidate) => candidate.name === name);
    if (!subcommand) {
      io.stderr(`${name ? `jobzone catalog: unknown subcommand "${name}"\n\n` : ''}${overview()}\n`);
      return EXIT.usage;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${subcommand.usage}\n`);
      return EXIT.ok;
    }
    return subcommand.run(rest, io);
  },
};
