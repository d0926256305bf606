import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// Static imports and re-exports, type-only ones included: a cycle through types still ties modules together.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*'(\.{1,2}\/[^']+)'/g;

/** Lists the project files a module imports directly (relative specifiers only). */
export function directImportsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(IMPORT)].map((match) => resolve(dirname(file), match[1] ?? ''));
}

/** Lists every project file a module reaches through its imports, itself excluded unless a cycle leads back to it. */
export function reachableFrom(file: string): Set<string> {
  const seen = new Set<string>();
  const pending = directImportsOf(file);
  while (pending.length > 0) {
    const next = pending.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    if (next.endsWith('.ts')) pending.push(...directImportsOf(next));
  }
  return seen;
}
