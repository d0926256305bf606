import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const SEED = new URL('../../../../../shared/seeds/multimodal-ai-engineer.txt', import.meta.url);

/** Returns the path of the published seed page; a missing shared folder fails the test (only *.needs-shared tests call this). */
export function seedPagePath(): string {
  const path = fileURLToPath(SEED);
  if (!existsSync(path)) {
    expect.fail(`the seed page ${path} is missing: the shared folder must sit beside the checkout (../shared next to this repository) for these tests to run`);
  }
  return path;
}

/** Reads the published seed page; a missing shared folder fails the test rather than skipping it. */
export function readSeedPage(): string {
  return readFileSync(seedPagePath(), 'utf8');
}
