import { formatFileProblem, type FileProblem } from '../../features/assessments/assessment-yaml.ts';
import { readAssessmentFile } from '../../features/assessments/assessment-files.ts';
import { isDirectory, listFilesRecursively } from '../../shared/files.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';

const YAML_EXTENSIONS = ['.yaml', '.yml'];

async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (await isDirectory(path)) files.push(...(await listFilesRecursively(path, YAML_EXTENSIONS)));
    else files.push(path);
  }
  return files;
}

async function roleSlugsIn(folder: string): Promise<Set<string>> {
  const slugs = new Set<string>();
  for (const file of await listFilesRecursively(folder, YAML_EXTENSIONS)) {
    const parsed = await readAssessmentFile(file);
    if (parsed.ok) slugs.add(parsed.assessment.role.slug);
  }
  return slugs;
}

export const validateCommand: Command = {
  usage: `Usage: jobzone validate <file.yaml|folder>... [--catalog <folder>]

Checks each assessment file (folders are searched for .yaml/.yml files) against the schema and
the cross-field rules: shares sum to 100, task names are unique, an override has a justification.
Every problem is reported at once on stderr as file:line: field: what was found; what is expected.

Options:
  --catalog <folder>  also check that links to other roles name a role assessed in this folder
  -h, --help          show this help

Exit codes: 0 all valid, 1 at least one invalid, 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { catalog: { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('missing the files to validate');
    const catalog = values.catalog;
    if (catalog !== undefined && !(await isDirectory(catalog))) throw new UsageError(`--catalog: "${catalog}" is not a folder`);
    const knownRoleSlugs = catalog === undefined ? undefined : await roleSlugsIn(catalog);
    const files = await expandPaths(positionals);
    if (files.length === 0) {
      io.stderr(`no .yaml files found in ${positionals.join(', ')}\n`);
      return EXIT.invalid;
    }
    let invalid = 0;
    for (const file of files) {
      const parsed = await readAssessmentFile(file, knownRoleSlugs ? { knownRoleSlugs } : {});
      const problems: FileProblem[] = parsed.ok ? parsed.notices : parsed.problems;
      for (const problem of problems) io.stderr(`${formatFileProblem(problem)}\n`);
      if (parsed.ok) io.stdout(`ok       ${file}\n`);
      else {
        invalid += 1;
        io.stdout(`invalid  ${file} (${problems.length} problem${problems.length === 1 ? '' : 's'})\n`);
      }
    }
    io.stdout(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${files.length - invalid} valid, ${invalid} invalid\n`);
    return invalid === 0 ? EXIT.ok : EXIT.invalid;
  },
};
