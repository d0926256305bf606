import { generateAssessmentJsonSchema } from '../../features/assessments/assessment-json-schema.ts';
import { describeFileError, writeFileAtomically } from '../../shared/files.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';

export const schemaCommand: Command = {
  usage: `Usage: jobzone schema [-o file.json]

Prints the JSON Schema generated from the assessment schema in code; editors use it to offer
completion and checks in assessment files. The project keeps a copy in
schema/assessment.schema.json (npm run schema regenerates it).

Options:
  -o, --output <file>  write the schema to this file instead of stdout
  -h, --help           show this help`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { output: { type: 'string', short: 'o' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const schema = generateAssessmentJsonSchema();
    if (!values.output) {
      io.stdout(schema);
      return EXIT.ok;
    }
    try {
      await writeFileAtomically(values.output, schema);
    } catch (error) {
      io.stderr(`${values.output}: cannot be written: ${describeFileError(error)}\n`);
      return EXIT.invalid;
    }
    io.stderr(`Wrote ${values.output}\n`);
    return EXIT.ok;
  },
};
