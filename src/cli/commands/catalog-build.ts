import { join, resolve } from 'node:path';
import { buildCatalog } from '../../data-pipeline/build/build-catalog.ts';
import { createProgress } from '../../data-pipeline/build/progress.ts';
import { BaselineValidationError } from '../../data-pipeline/baseline/baseline-errors.ts';
import { REPOSITORY_ROOT } from '../../data-pipeline/committed-catalog.ts';
import { SourceFileError } from '../../data-pipeline/sources/delimited-table.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';

export const catalogBuildCommand: Command = {
  usage: `Usage: jobzone catalog build --from <data folder> [--out <folder>]

Reads the raw source data (O*NET, Eloundou et al., BLS, published exposure indices; the folder
layout is in docs/baseline-method.md) and writes, deterministically, the committed catalog:
occupations.jsonl, titles.jsonl, baselines.jsonl and sources.json. Every baseline is validated
before anything is written; a bad source row is reported as file:line: field and nothing changes.

Options:
  --from <folder>  the source data folder (required)
  --out <folder>   where to write (default: the repository's catalog/)
  -h, --help       show this help

Exit codes: 0 built, 1 bad source data, 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { from: { type: 'string' }, out: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.from) throw new UsageError('missing --from <data folder>: the folder of raw public data (its layout is in docs/baseline-method.md)');
    const from = resolve(io.cwd, values.from);
    const out = values.out ? resolve(io.cwd, values.out) : join(REPOSITORY_ROOT, 'catalog');
    const progress = createProgress(io.stderr, io.stderrIsTerminal);
    const started = performance.now();
    try {
      const summary = await buildCatalog(from, out, progress);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const zones = summary.byZone;
      io.stdout(
        `Built the catalog in ${seconds} s: ${summary.occupations} occupations, ${summary.titles} titles, ${summary.baselines} baselines ` +
          `(Green ${zones.Green}, Yellow ${zones.Yellow}, Red ${zones.Red}).\n` +
          summary.files.map((file) => `  ${file.path}  ${(file.bytes / 1024).toFixed(0)} KiB\n`).join(''),
      );
      return EXIT.ok;
    } catch (error) {
      progress.finish();
      if (error instanceof SourceFileError || error instanceof BaselineValidationError) {
        io.stderr(`jobzone catalog build: ${error.message}\nNothing was written.\n`);
        return EXIT.invalid;
      }
      throw error;
    }
  },
};
