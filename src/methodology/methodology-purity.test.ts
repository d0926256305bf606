import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname });

async function ruleViolations(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the methodology stays pure', () => {
  it('refuses Node built-ins, I/O, database and web imports inside src/methodology', async () => {
    const code = [
      "import { readFile } from 'node:fs/promises';",
      "import { drizzle } from 'drizzle-orm/pglite';",
      "import { loadConfig } from '../config/config.ts';",
      'export const x = [readFile, drizzle, loadConfig, process.env];',
    ].join('\n');
    const violations = await ruleViolations(code, 'src/methodology/impure.ts');
    expect(violations.filter((text) => text.startsWith('no-restricted-imports'))).toHaveLength(3);
    expect(violations.filter((text) => text.startsWith('no-restricted-globals'))).toHaveLength(1);
  });

  it('refuses any import that climbs out of src/methodology, whatever folder it names', async () => {
    const outside = await ruleViolations("import { x } from '../mcp/anything.ts';\nexport const y = x;\n", 'src/methodology/leaky.ts');
    expect(outside).toEqual([expect.stringContaining('depends on nothing else in the project')]);
    const fromSupport = await ruleViolations("import { x } from '../../data-pipeline/anything.ts';\nexport const y = x;\n", 'src/methodology/test-support/leaky.ts');
    expect(fromSupport).toEqual([expect.stringContaining('depends on nothing else in the project')]);
    const inside = await ruleViolations("import { aijri1 } from '../definition.ts';\nexport const y = aijri1;\n", 'src/methodology/test-support/fine.ts');
    expect(inside).toEqual([]);
  });

  it('allows the same imports elsewhere', async () => {
    const code = "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n";
    expect(await ruleViolations(code, 'src/cli/anything.ts')).toEqual([]);
  });
});
