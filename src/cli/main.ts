import { runCli } from './run-cli.ts';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTerminal: Boolean(process.stdout.isTTY),
});
process.exitCode = exitCode;
