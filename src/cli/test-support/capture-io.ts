import type { CliIo } from '../cli-io.ts';
import { runCli } from '../run-cli.ts';

/** Runs a command line in-process and returns its exit code and everything it printed. */
export async function runCaptured(argv: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd, stderrIsTerminal: false };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
