import { describeFailure } from '../store/store-failure.ts';
import { EXIT, UsageError, type CliIo, type CommandEntry, type ExitCode } from './cli-io.ts';

/** Every command, in the order the overview lists them; a module is imported only when its command runs. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'score', summary: 'Score an assessment file or a published page and show the full calculation', load: async () => (await import('./commands/score.ts')).scoreCommand },
  { name: 'validate', summary: 'Check assessment files and report every problem with file and line', load: async () => (await import('./commands/validate.ts')).validateCommand },
  { name: 'import-page', summary: 'Turn the text of a published assessment page into an assessment file', load: async () => (await import('./commands/import-page.ts')).importPageCommand },
  { name: 'catalog', summary: 'Build, load, inspect and report on the catalog of occupations', load: async () => (await import('./commands/catalog.ts')).catalogCommand },
  { name: 'search', summary: 'Find an occupation or role by any job title, tolerant of typos and abbreviations', load: async () => (await import('./commands/search.ts')).searchCommand },
  { name: 'schema', summary: 'Print the JSON Schema of assessment files (for editors)', load: async () => (await import('./commands/schema.ts')).schemaCommand },
  { name: 'publish', summary: 'Publish an assessment file as a new revision, with a note', load: async () => (await import('./commands/publish.ts')).publishCommand },
  { name: 'evidence', summary: 'Change one evidence dimension across many assessments at once (evidence set)', load: async () => (await import('./commands/evidence.ts')).evidenceCommand },
  { name: 'export', summary: 'Write the current revision of an assessment as a file that publish accepts back', load: async () => (await import('./commands/export.ts')).exportCommand },
  { name: 'revisions', summary: 'List the revisions of an assessment, newest first', load: async () => (await import('./commands/revisions.ts')).revisionsCommand },
  { name: 'methodology', summary: 'Re-score every assessment with a methodology version (methodology rescore)', load: async () => (await import('./commands/methodology-rescore.ts')).methodologyCommand },
  { name: 'mcp', summary: 'Serve the catalog to AI assistants over the Model Context Protocol (stdio)', load: async () => (await import('./commands/mcp.ts')).mcpCommand },
  { name: 'users', summary: 'Invite people to the editorial studio, list them, change their role, remove them', load: async () => (await import('./commands/users.ts')).usersCommand },
  { name: 'tokens', summary: 'Create, list and revoke API tokens for the CLI against a remote server', load: async () => (await import('./commands/tokens.ts')).tokensCommand },
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
    const topic = COMMANDS.find((entry) => entry.name === args[0]);
    io.stdout(topic ? `${(await topic.load()).usage}\n` : overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (!entry) {
    io.stderr(`jobzone: unknown command "${name}"\n\n${overview()}`);
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    if (!command.handlesHelp && (args.includes('--help') || args.includes('-h'))) {
      io.stdout(`${command.usage}\n`);
      return EXIT.ok;
    }
    try {
      return await command.run(args, io);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`jobzone ${entry.name}: ${error.message}\n\n${command.usage}\n`);
        return EXIT.usage;
      }
      throw error;
    }
  } catch (error) {
    io.stderr(`jobzone ${entry.name}: unexpected failure: ${describeFailure(error)}\nPlease report this with the command you ran.\n`);
    return EXIT.invalid;
  }
}
