import { EXIT, type Command, type CommandEntry } from '../cli-io.ts';

/** The catalog's subcommands; each lives in its own module beside this one and is imported when it runs. */
const SUBCOMMANDS: readonly CommandEntry[] = [
  { name: 'build', summary: 'Derive the committed catalog (occupations, titles, baselines) from the raw public data', load: async () => (await import('./catalog-build.ts')).catalogBuildCommand },
  { name: 'load', summary: 'Bring the store up to the committed catalog, republishing changed baselines', load: async () => (await import('./catalog-load.ts')).catalogLoadCommand },
  { name: 'diff', summary: 'List per occupation how baselines changed between two catalogs', load: async () => (await import('./catalog-diff.ts')).catalogDiffCommand },
  { name: 'report', summary: 'Write the sanity report of the committed catalog (zones, extremes, correlations)', load: async () => (await import('./catalog-report.ts')).catalogReportCommand },
  { name: 'stats', summary: 'Count occupations, assessments, titles and zones in the store', load: async () => (await import('./catalog-stats.ts')).catalogStatsCommand },
  { name: 'show', summary: 'Show the current assessment of an occupation or role', load: async () => (await import('./catalog-show.ts')).catalogShowCommand },
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
    const entry = SUBCOMMANDS.find((candidate) => candidate.name === name);
    if (!entry) {
      io.stderr(`${name ? `jobzone catalog: unknown subcommand "${name}"\n\n` : ''}${overview()}\n`);
      return EXIT.usage;
    }
    const subcommand = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${subcommand.usage}\n`);
      return EXIT.ok;
    }
    return subcommand.run(rest, io);
  },
};
