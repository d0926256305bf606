/** Where a command writes: injected so commands run the same in a terminal and in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  stderrIsTerminal: boolean;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Prints a command's usage and returns the exit code asked for (ok for --help, usage for a missing action). */
export function printUsage(io: CliIo, usage: string, code: ExitCode): ExitCode {
  io.stdout(`${usage}\n`);
  return code;
}

/** Tells whether an argument asks for help. */
export function isHelpFlag(argument: string | undefined): boolean {
  return argument === '--help' || argument === '-h';
}

/** Raised for a command line that cannot be understood; main prints the message and the usage. */
export class UsageError extends Error {}

/** What a command does once loaded; its name and summary live in its listing (CommandEntry). */
export interface Command {
  usage: string;
  run: (args: string[], io: CliIo) => Promise<ExitCode>;
  /** Set by commands with subcommands, which answer --help themselves. */
  handlesHelp?: boolean;
}

/**
 * A command as listed: cheap to show in an overview. Its module is imported only when the command
 * runs, so `jobzone score` does not load the store, the MCP SDK or the data pipeline.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}
