import { runCli } from './run-cli.ts';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  stderrIsTerminal: Boolean(process.stderr.isTTY),
});
process.exitCode = exitCode;
