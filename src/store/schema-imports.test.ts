import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { directImportsOf, reachableFrom } from './test-support/import-graph.ts';

const schemaBarrel = fileURLToPath(new URL('./schema.ts', import.meta.url));
const srcRoot = fileURLToPath(new URL('../', import.meta.url));
const relative = (file: string) => file.slice(srcRoot.length);

describe('the table modules', () => {
  const tables = directImportsOf(schemaBarrel);

  it('are all listed in the schema barrel', () => {
    expect(tables.length).toBeGreaterThan(5);
    expect(readFileSync(schemaBarrel, 'utf8')).toContain('catalog.table.ts');
  });

  it('never lead back to the schema barrel, so store/schema.ts and the feature tables form no cycle', () => {
    const leadingBack = tables.filter((table) => reachableFrom(table).has(schemaBarrel)).map(relative);
    expect(leadingBack).toEqual([]);
  });

  it('never import their own feature’s schemas, which describe rows of those tables', () => {
    const throughSchemas = tables.filter((table) => [...reachableFrom(table)].some((file) => file.endsWith('.schemas.ts'))).map(relative);
    expect(throughSchemas).toEqual([]);
  });
});
