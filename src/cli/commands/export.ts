import { relative, resolve, sep, dirname } from 'node:path';
import { config } from '../../config/config.ts';
import { ASSESSMENT_SCHEMA_PATH } from '../../features/assessments/assessment-files.ts';
import { stringifyAssessmentYaml } from '../../features/assessments/assessment-yaml.ts';
import { writeFileAtomically, describeFileError } from '../../shared/files.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { withPublishing } from '../publishing-access.ts';
import type { PublishingSettings } from './publish.ts';
import { reportPublishingFailure } from './publishing-output.ts';

/** Builds the command over a store's settings; the CLI uses the process configuration. */
export function createExportCommand(settings: PublishingSettings = config): Command {
  return {
    usage: `Usage: jobzone export <role-slug>[/<seniority>] [-o <file.yaml>]

Writes the current revision of an assessment as an assessment file, to stdout or to a file.
The file records the revision it came from (basedOnRevision), so "jobzone publish" refuses it
if someone publishes another revision meanwhile. The seniority may be left out when the role is
assessed at one seniority only.

Options:
  -o, --output <file>  write to this file instead of stdout
  -h, --help           show this help

Exit codes: 0 written, 1 not found, the file cannot be written or the store is unavailable, 2 usage error.`,
    async run(args, io) {
      const { values, positionals } = parseCommandArgs(args, { output: { type: 'string', short: 'o' } });
      if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing the assessment to export, e.g. registered-nurses/all-levels' : 'export takes one assessment');
      try {
        const exported = await withPublishing(settings, (message) => io.stderr(`${message}\n`), (access) => access.service.exportAssessment(positionals[0] ?? ''));
        const { document } = exported;
        if (values.output === undefined) {
          io.stdout(stringifyAssessmentYaml(document));
          return EXIT.ok;
        }
        const path = resolve(io.cwd, values.output);
        const schemaPath = relative(dirname(path), ASSESSMENT_SCHEMA_PATH).split(sep).join('/');
        try {
          await writeFileAtomically(path, stringifyAssessmentYaml(document, { schemaPath }));
        } catch (error) {
          io.stderr(`jobzone export: ${values.output}: cannot be written: ${describeFileError(error)}\n`);
          return EXIT.invalid;
        }
        io.stderr(`Wrote ${exported.roleSlug}/${exported.seniority} revision ${exported.revision} to ${values.output}\n`);
        return EXIT.ok;
      } catch (error) {
        return reportPublishingFailure(error, 'export', io);
      }
    },
  };
}

export const exportCommand: Command = createExportCommand();
