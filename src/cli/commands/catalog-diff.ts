import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BaselineRecordSchema } from '../../data-pipeline/catalog-records.ts';
import { CatalogFileError, REPOSITORY_ROOT, readJsonLines } from '../../data-pipeline/committed-catalog.ts';
import { describeMoved, diffBaselines, type BaselineDiffEntry } from '../../data-pipeline/diff/baseline-diff.ts';
import { EXIT, UsageError, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { formatScore } from '../../presentation/format.ts';

/** Finds baselines.jsonl in a catalog folder, or in the catalog/ folder of a repository. */
function baselinesFile(folder: string): string {
  for (const candidate of [join(folder, 'baselines.jsonl'), join(folder, 'catalog', 'baselines.jsonl')]) if (existsSync(candidate)) return candidate;
  throw new CatalogFileError(`${folder}: holds no baselines.jsonl (nor catalog/baselines.jsonl); expected a catalog folder, e.g. one extracted with "git show main:catalog/baselines.jsonl"`);
}

const headline = (entry: BaselineDiffEntry['before']) => (entry ? `${formatScore(entry.score)} ${entry.label}` : '—');

function formatEntry(entry: BaselineDiffEntry): string {
  const methods = entry.methodBefore === entry.methodAfter ? '' : ` [${entry.methodBefore ?? 'new'} → ${entry.methodAfter ?? 'removed'}]`;
  const moved = entry.change === 'changed' ? `\n    moved: ${describeMoved(entry.moved)}` : '';
  return `${entry.onetCode} ${entry.title}: ${headline(entry.before)} → ${headline(entry.after)}${methods}${moved}`;
}

export const catalogDiffCommand: Command = {
  usage: `Usage: jobzone catalog diff <old-dir> [<new-dir>] [--json]

Compares the baselines of two catalogs (folders holding baselines.jsonl, or a repository holding
catalog/baselines.jsonl) and lists, per occupation that changed, the score, zone and sub-label before →
after, the baseline method versions and which judgement inputs moved (task exposure, protective
principles, growth, evidence, barriers). <new-dir> defaults to this repository's committed catalog/.
Unchanged occupations are left out; added and removed ones are listed as such.

Options:
  --json      print [{onetCode, title, change, methodBefore, methodAfter, before, after, moved}]
  -h, --help  show this help

Exit codes: 0 compared, 1 a catalog cannot be read, 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    const [oldDir, newDir, extra] = positionals;
    if (!oldDir) throw new UsageError('give the folder of the old catalog');
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    let entries: BaselineDiffEntry[];
    try {
      const before = await readJsonLines(baselinesFile(resolve(io.cwd, oldDir)), BaselineRecordSchema);
      const after = await readJsonLines(baselinesFile(newDir ? resolve(io.cwd, newDir) : REPOSITORY_ROOT), BaselineRecordSchema);
      entries = diffBaselines(before, after);
    } catch (error) {
      if (error instanceof CatalogFileError) {
        io.stderr(`jobzone catalog diff: ${error.message}\n`);
        return EXIT.invalid;
      }
      throw error;
    }
    if (values.json) {
      io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
      return EXIT.ok;
    }
    const zoneChanges = entries.filter((entry) => entry.before && entry.after && entry.before.zone !== entry.after.zone).length;
    io.stdout(`${entries.length} baselines differ (${zoneChanges} change zone).\n${entries.map(formatEntry).join('\n')}${entries.length > 0 ? '\n' : ''}`);
    return EXIT.ok;
  },
};
