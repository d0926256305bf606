import { explainScore, methodologyOf, scoreAssessment, toScoreJson } from '../../methodology/index.ts';
import { formatFileProblem } from '../../features/assessments/assessment-yaml.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { formatScoreReport } from '../../presentation/cli/score-report.ts';
import { loadAssessmentSource } from '../load-assessment-source.ts';
import { parseCommandArgs } from '../parse-args.ts';

export const scoreCommand: Command = {
  usage: `Usage: jobzone score <file.yaml|page.txt> [--json]

Scores one assessment with the AIJRI method and prints the calculation laid out like a
published page: tasks, task resistance, modifiers, raw, score, zone, sub-label, quick screen,
composition profile, uncertainty band and what moves the score most.

Options:
  --json      print one JSON object with every figure instead of the table
  -h, --help  show this help

Exit codes: 0 scored, 1 the input is invalid, 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'score takes exactly one file' : 'missing the file to score');
    const [file = ''] = positionals;
    const loaded = await loadAssessmentSource(file);
    if (!loaded.ok) {
      for (const problem of loaded.problems) io.stderr(`${formatFileProblem(problem)}\n`);
      return EXIT.invalid;
    }
    const definition = methodologyOf(loaded.assessment.methodology);
    const result = scoreAssessment(loaded.assessment, definition);
    const explanation = explainScore(loaded.assessment, definition);
    for (const mismatch of loaded.mismatches) {
      io.stderr(`${file}: published ${mismatch.figure} is ${mismatch.published}, the engine computes ${mismatch.computed}\n`);
    }
    if (values.json) io.stdout(`${JSON.stringify(toScoreJson(result, explanation), null, 2)}\n`);
    else io.stdout(formatScoreReport(loaded.assessment, result, explanation));
    return EXIT.ok;
  },
};
