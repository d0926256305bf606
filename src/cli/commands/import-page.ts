import { formatFileProblem, stringifyAssessmentYaml } from '../../features/assessments/assessment-yaml.ts';
import { writeAssessmentFile } from '../../features/assessments/assessment-files.ts';
import { methodologyOf, scoreAssessment } from '../../methodology/index.ts';
import { assessmentName } from '../../presentation/seniority-labels.ts';
import { describeFileError } from '../../shared/files.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { loadAssessmentSource } from '../load-assessment-source.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { formatScore } from '../../presentation/format.ts';

export const importPageCommand: Command = {
  usage: `Usage: jobzone import-page <page.txt> [-o out.yaml]

Reads the text of a published AIJRI assessment page, keeps every figure and text section, writes
an assessment file (to stdout without -o), re-scores it and reports any published figure the
engine does not reproduce.

Options:
  -o, --output <file>  write the assessment file here (written whole or not at all)
  -h, --help           show this help

Exit codes: 0 imported, 1 the page could not be read as an assessment, 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { output: { type: 'string', short: 'o' } });
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'import-page takes exactly one page' : 'missing the page to import');
    const [page = ''] = positionals;
    const loaded = await loadAssessmentSource(page, 'page');
    if (!loaded.ok) {
      for (const problem of loaded.problems) io.stderr(`${formatFileProblem(problem)}\n`);
      return EXIT.invalid;
    }
    const { role } = loaded.assessment;
    const result = scoreAssessment(loaded.assessment, methodologyOf(loaded.assessment.methodology));
    if (values.output) {
      try {
        await writeAssessmentFile(values.output, loaded.input);
      } catch (error) {
        io.stderr(`${values.output}: cannot be written: ${describeFileError(error)}\n`);
        return EXIT.invalid;
      }
    } else {
      io.stdout(stringifyAssessmentYaml(loaded.input));
    }
    const target = values.output ? ` → ${values.output}` : '';
    io.stderr(`Imported ${assessmentName(role.title, role.seniority)}: ${loaded.assessment.tasks.length} tasks${target}\n`);
    for (const notice of loaded.notices) io.stderr(`${formatFileProblem(notice)}\n`);
    if (loaded.mismatches.length === 0) {
      io.stderr(`Re-scored: ${formatScore(result.score)} ${result.label}; every published figure is reproduced.\n`);
    } else {
      io.stderr(`Re-scored: ${formatScore(result.score)} ${result.label}; ${loaded.mismatches.length} published figure(s) differ:\n`);
      for (const mismatch of loaded.mismatches) io.stderr(`  ${mismatch.figure}: published ${mismatch.published}, engine ${mismatch.computed}\n`);
    }
    return EXIT.ok;
  },
};
