import { describeFailure } from '../store/store-failure.ts';
import { EXIT, UsageError, type CliIo, type Command, type ExitCode } from './cli-io.ts';
import { catalogCommand } from './commands/catalog.ts';
import { importPageCommand } from './commands/import-page.ts';
import { mcpCommand } from './commands/mcp.ts';
import { schemaCommand } from './commands/schema.ts';
import { scoreCommand } from './commands/score.ts';
import { searchCommand } from './commands/search.ts';
import { validateCommand } from './commands/validate.ts';
import { evidenceCommand } from './commands/evidence.ts';
import { exportCommand } from './commands/export.ts';
import { methodologyCommand } from './commands/methodology-rescore.ts';
import { publishCommand } from './commands/publish.ts';
import { revisionsCommand } from './commands/revisions.ts';
import { tokensCommand } from './commands/tokens.ts';
import { usersCommand } from './commands/users.ts';

export const COMMANDS: readonly Command[] = [
  scoreCommand,
  validateCommand,
  importPageCommand,
  catalogCommand,
  searchCommand,
  schemaCommand,
  publishCommand,
  evidenceCommand,
  exportCommand,
  revisionsCommand,
  methodologyCommand,
  mcpCommand,
  usersCommand,
  tokensCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return `jobzone — AI job-displacement assessments with the AI Job Resistance Index (AIJRI)

Usage: jobzone <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run "jobzone <command> --help" for a command's options. The method is specified in
docs/methodology.md; assessment files are described in docs/assessment-file.md.
`;
}

/** Runs one jobzone command line and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = COMMANDS.find((command) => command.name === args[0]);
    io.stdout(topic ? `${topic.usage}\n` : overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`jobzone: unknown command "${name}"\n\n${overview()}`);
    return EXIT.usage;
  }
  if (!command.handlesHelp && (args.includes('--help') || args.includes('-h'))) {
    io.stdout(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`jobzone ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    io.stderr(`jobzone ${command.name}: unexpected failure: ${describeFailure(error)}\nPlease report this with the command you ran.\n`);
    return EXIT.invalid;
  }
}
