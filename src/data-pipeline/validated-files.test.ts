import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TitleRecordSchema } from './catalog-records.ts';
import { readJsonLines } from './committed-catalog.ts';
import { validationMemoryIn, type ValidationMemory } from './validated-files.ts';

let folder = '';
let memory: ValidationMemory;
const titles = ['{"onetCode":"41-2011.00","title":"Cashier","kind":"alternate"}', '{"onetCode":"41-2011.00","title":"Cashiers","kind":"onet"}'];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jobzone-validated-'));
  memory = validationMemoryIn(join(folder, 'memory'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const remembered = async (name: string) => (await readFile(join(folder, 'memory', `${name}.validated`), 'utf8').catch(() => '')).split('\n').filter(Boolean);

describe('remembering catalog files that passed validation', () => {
  it('remembers a file its validation left unchanged and reads the same records from it again', async () => {
    const path = join(folder, 'titles.jsonl');
    await writeFile(path, `${titles.join('\n')}\n`);
    const first = await readJsonLines(path, TitleRecordSchema, memory);
    expect(await remembered('titles.jsonl')).toEqual([await memory.keyOf('titles.jsonl', await readFile(path))]);
    expect(await readJsonLines(path, TitleRecordSchema, memory)).toEqual(first);
    expect(first).toEqual(await readJsonLines(path, TitleRecordSchema));
  });

  it('validates an edited file in full, with the message it gives without a memory', async () => {
    const path = join(folder, 'titles.jsonl');
    await writeFile(path, `${titles.join('\n')}\n`);
    await readJsonLines(path, TitleRecordSchema, memory);
    await writeFile(path, `${titles[0]}\n{"onetCode":"41-2011.00","title":"Checker","kind":"nickname"}\n`);
    const withoutMemory = await readJsonLines(path, TitleRecordSchema).then(
      () => new Error('the edited file was accepted'),
      (error: unknown) => error as Error,
    );
    expect(withoutMemory.message).toMatch(/titles\.jsonl:2: kind: /);
    await expect(readJsonLines(path, TitleRecordSchema, memory)).rejects.toThrow(withoutMemory.message);
  });

  it('never remembers a file whose validation changes its records (defaults, trimmed text)', async () => {
    const path = join(folder, 'people.jsonl');
    const schema = z.object({ name: z.string().trim(), tags: z.array(z.string()).default([]) }).strict();
    await writeFile(path, '{"name":" Ada "}\n');
    expect(await readJsonLines(path, schema, memory)).toEqual([{ name: 'Ada', tags: [] }]);
    expect(await remembered('people.jsonl')).toEqual([]);
    expect(await readJsonLines(path, schema, memory)).toEqual([{ name: 'Ada', tags: [] }]);
  });

  it('names the same bytes differently under another file name, and keeps a bounded list per file', async () => {
    const bytes = Buffer.from(titles.join('\n'));
    expect(await memory.keyOf('titles.jsonl', bytes)).not.toBe(await memory.keyOf('occupations.jsonl', bytes));
    for (let version = 0; version < 12; version += 1) await memory.remember('titles.jsonl', await memory.keyOf('titles.jsonl', Buffer.from(`${version}`)));
    expect(await remembered('titles.jsonl')).toHaveLength(8);
    expect(await memory.wasValidated('titles.jsonl', await memory.keyOf('titles.jsonl', Buffer.from('11')))).toBe(true);
    expect(await memory.wasValidated('titles.jsonl', await memory.keyOf('titles.jsonl', Buffer.from('0')))).toBe(false);
  });
});
