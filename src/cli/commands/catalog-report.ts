import { join, resolve } from 'node:path';
import { CatalogFileError, REPOSITORY_ROOT, readCommittedCatalog } from '../../data-pipeline/committed-catalog.ts';
import { computeCatalogReport, renderCatalogReport } from '../../data-pipeline/report/catalog-report.ts';
import { writeFileAtomically } from '../../shared/files.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';

export const catalogReportCommand: Command = {
  usage: `Usage: jobzone catalog report [--out <file>] [--catalog <repository root>] [--compare <old catalog root>]

Reads the committed catalog and writes a Markdown sanity report: zone and score distribution,
the most and least resistant occupations, Spearman correlation of the baseline score with each
published exposure index (expected sign: negative), and where baseline and indices disagree most.

Options:
  --out <file>       where to write (default: docs/catalog-report.md in the repository)
  --catalog <folder> the folder that holds catalog/ (default: this repository)
  --compare <folder> a folder holding the catalog/ of the previous baseline method (e.g. extracted
                     with git show main:catalog/…): adds the method comparison, zones by major group
                     before → after, quick-screen agreement and Spearman ρ before → after; without it
                     the report still lists defaults by input and experts beside their baseline
  -h, --help         show this help

Exit codes: 0 written, 1 the catalog cannot be read, 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, catalog: { type: 'string' }, compare: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const out = values.out ? resolve(io.cwd, values.out) : join(REPOSITORY_ROOT, 'docs', 'catalog-report.md');
    let catalog;
    let previous;
    try {
      catalog = await readCommittedCatalog(values.catalog ? resolve(io.cwd, values.catalog) : REPOSITORY_ROOT);
      previous = values.compare ? await readCommittedCatalog(resolve(io.cwd, values.compare)) : catalog;
    } catch (error) {
      if (error instanceof CatalogFileError) {
        io.stderr(`jobzone catalog report: ${error.message}\n`);
        return EXIT.invalid;
      }
      throw error;
    }
    const report = computeCatalogReport(catalog);
    // Loaded here, not at start-up: every jobzone command would otherwise pay for the expert-file reader.
    const [{ compareMethods, renderMethodComparison }, { readExpertAssessmentFiles }] = await Promise.all([
      import('../../data-pipeline/report/method-comparison.ts'),
      import('../../features/catalog/catalog-source.ts'),
    ]);
    const comparison = compareMethods(previous.baselines, catalog.baselines, catalog.occupations, await readExpertAssessmentFiles(values.catalog ? resolve(io.cwd, values.catalog) : REPOSITORY_ROOT));
    await writeFileAtomically(out, `${renderCatalogReport(report)}\n${renderMethodComparison(comparison)}`);
    const zones = report.byZone;
    io.stdout(
      `Wrote ${out}: ${report.total} baselines (Green ${zones.Green}, Yellow ${zones.Yellow}, Red ${zones.Red}); ` +
        `Spearman ρ with the indices: ${report.correlations.map((item) => `${item.key} ${item.rho ?? '—'}`).join(', ')}.\n`,
    );
    return EXIT.ok;
  },
};
