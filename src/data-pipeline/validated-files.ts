import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { config } from '../config/config.ts';
import { ensurePrivateDirectory, writeFileAtomically } from '../shared/files.ts';

/**
 * Remembers which catalog files passed full validation, so the next read of the same bytes under the
 * same record schemas skips it (ADR 0176). A file is remembered by a hash of its bytes and of the code
 * that validates it (the record schemas, the methodology they import, the zod version): an edited
 * file, an edited schema or another zod is a different hash and is validated in full again.
 * Only files whose validated records equal the records as written are remembered, so skipping the
 * validation never changes what is read (no defaults to fill, no text to trim).
 */
export interface ValidationMemory {
  /** The hash that names this content under the current schemas. */
  keyOf: (name: string, bytes: Buffer) => Promise<string>;
  wasValidated: (name: string, key: string) => Promise<boolean>;
  remember: (name: string, key: string) => Promise<void>;
}

/** The modules whose code decides what a valid catalog record is. */
const SCHEMA_SOURCES = [new URL('./catalog-records.ts', import.meta.url), new URL('../methodology/', import.meta.url)];
const ZOD_PACKAGE = new URL('../../node_modules/zod/package.json', import.meta.url);

async function schemaSourceFiles(): Promise<URL[]> {
  const files: URL[] = [ZOD_PACKAGE];
  for (const source of SCHEMA_SOURCES) {
    if (!source.pathname.endsWith('/')) {
      files.push(source);
      continue;
    }
    const names = (await readdir(source)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
    files.push(...names.map((name) => new URL(name, source)));
  }
  return files;
}

let schemaFingerprint: Promise<string> | undefined;

async function computeSchemaFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await schemaSourceFiles()) {
    hash.update(`${file.pathname}\0`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

function defaultFolder(): string {
  return join(config.cacheDir, 'jobzone', 'validated-catalog');
}

/** How many contents of one file are remembered (the committed catalog of a few checkouts, and test catalogs). */
const KEYS_PER_FILE = 8;
const KEY_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Keeps the memory in a folder only its owner can open (the user's cache by default), one small file per
 * catalog file listing the hashes of its contents that validated. Any failure to read or write it only
 * costs a full validation, never a wrong answer.
 */
export function validationMemoryIn(folder: string = defaultFolder()): ValidationMemory {
  const listOf = (name: string) => join(folder, `${name}.validated`);
  const keysOf = async (name: string): Promise<string[]> =>
    readFile(listOf(name), 'utf8').then(
      (text) => text.split('\n').filter((line) => KEY_PATTERN.test(line)),
      (): string[] => [],
    );
  return {
    keyOf: async (name, bytes) => {
      schemaFingerprint ??= computeSchemaFingerprint();
      return createHash('sha256')
        .update(`${await schemaFingerprint}\0${name}\0`)
        .update(bytes)
        .digest('hex');
    },
    wasValidated: async (name, key) => (await keysOf(name)).includes(key),
    remember: async (name, key) => {
      try {
        await ensurePrivateDirectory(folder);
        const keys = [key, ...(await keysOf(name)).filter((other) => other !== key)].slice(0, KEYS_PER_FILE);
        await writeFileAtomically(listOf(name), `${keys.join('\n')}\n`, 0o600);
      } catch {
        // No cache folder to write to: the next read validates in full again.
      }
    },
  };
}
