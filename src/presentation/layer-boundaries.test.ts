import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname });

async function importViolations(from: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('the layers import downwards only (lint)', () => {
  it('a feature never imports an interface or the presentation, and no feature module is exempt', async () => {
    for (const folder of ['web', 'cli', 'server', 'jobs', 'mcp', 'presentation']) {
      expect(await importViolations(`../../${folder}/anything.ts`, 'src/features/open-data/api-catalog.ts'), folder).toHaveLength(1);
    }
    expect(await importViolations('../read-model/read-model.ts', 'src/features/open-data/api-catalog.ts')).toEqual([]);
  });

  it('feature tests may wire in presentation, never an interface', async () => {
    expect(await importViolations('../../presentation/mail/site-mail.ts', 'src/features/mail/delivery.test.ts')).toEqual([]);
    expect(await importViolations('../../server/web-server.ts', 'src/features/mail/delivery.test.ts')).toHaveLength(1);
  });

  it('presentation never imports an interface but reads the features', async () => {
    for (const folder of ['web', 'cli', 'server', 'jobs', 'mcp']) {
      expect(await importViolations(`../../${folder}/anything.ts`, 'src/presentation/site-pages/search-view.ts'), folder).toHaveLength(1);
    }
    expect(await importViolations('../../features/read-model/read-model.ts', 'src/presentation/site-pages/search-view.ts')).toEqual([]);
  });
});
