import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { withOfficialTitles } from '../../features/search/added-titles.ts';
import { loadSearchEntries, SearchDataError } from '../../features/search/search-entries.ts';
import { buildSearchIndex, isSearchableQuery, searchTitles, type SearchAnswer, type SearchIndex } from '../../features/search/search-index.ts';
import { describeFileError } from '../../shared/files.ts';
import { EXIT, UsageError, type CliIo, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';

const DEFAULT_LIMIT = 10;

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--limit: expected a whole number of at least 1, found "${value}"`);
  return Number(value);
}

function toJson(query: string, answer: SearchAnswer): string {
  return JSON.stringify({
    query,
    results: answer.results.map(({ slug, title, socCode, onetCode, matchedTitle, score, explanation }) => ({ slug, title, socCode, onetCode, matchedTitle, score, explanation })),
    notInCatalog: answer.notInCatalog,
  });
}

function toText(query: string, answer: SearchAnswer): string {
  const notice = answer.notInCatalog ? `"${query}" is ${answer.notInCatalog.notice}. Nearest civilian occupations:\n` : '';
  if (answer.results.length === 0) return `${notice}No occupation or role matches "${query}".\n`;
  const lines = answer.results.map((result, position) => {
    const code = result.onetCode ?? 'no O*NET code';
    return `${String(position + 1).padStart(2)}. ${query} → ${result.matchedTitle} → ${result.title} (${code})  score ${result.score.toFixed(2)}\n    ${result.explanation}`;
  });
  return `${notice}${lines.join('\n')}\n`;
}

async function loadIndex(root: string | undefined, io: CliIo): Promise<SearchIndex | null> {
  try {
    return buildSearchIndex(withOfficialTitles(await loadSearchEntries(root)));
  } catch (error) {
    if (!(error instanceof SearchDataError)) throw error;
    io.stderr(`jobzone search: ${error.message}\n`);
    return null;
  }
}

export const searchCommand: Command = {
  usage: `Usage: jobzone search "<job title>" [--json] [--limit N]
       jobzone search --batch <file> [--limit N]

Finds the occupations and expert-assessed roles a job title most likely means, from O*NET
titles, alternate and reported titles and role aliases; typos, abbreviations ("RN", "DBA"),
word order, plurals and case do not matter. Each result names the title that matched and says
why. A military rank or speciality ("Sergeant") has no civilian occupation: search says so and
lists the nearest civilian occupations.

Options:
  --json         print {"query", "results": [{slug, title, socCode, onetCode, matchedTitle, score,
                 explanation}], "notInCatalog": null or {notice, reason}}
  --batch <file> read one query per line and print one JSON line per query, in the same shape
  --limit N      at most N results per query (default ${DEFAULT_LIMIT})
  --root <dir>   read catalog/ and content/ from this folder (default: this checkout)
  -h, --help     show this help

Exit codes: 0 ok, 1 catalog or batch file cannot be read, 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      batch: { type: 'string' },
      limit: { type: 'string' },
      root: { type: 'string' },
    });
    const limit = parseLimit(values.limit);
    const root = values.root === undefined ? undefined : resolve(io.cwd, values.root);
    if (values.batch !== undefined) {
      if (positionals.length > 0) throw new UsageError('give either a query or --batch <file>, not both');
      const path = resolve(io.cwd, values.batch);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        io.stderr(`jobzone search: ${values.batch}: cannot be read: ${describeFileError(error)}\n`);
        return EXIT.invalid;
      }
      const index = await loadIndex(root, io);
      if (!index) return EXIT.invalid;
      const queries = text.split(/\r?\n/);
      if (queries.at(-1) === '') queries.pop();
      for (const query of queries) io.stdout(`${toJson(query, searchTitles(index, query, { limit }))}\n`);
      return EXIT.ok;
    }
    if (positionals.length > 1) throw new UsageError(`expected one query, found ${positionals.length}; put a title of several words in quotes`);
    const query = positionals[0];
    if (query === undefined || !isSearchableQuery(query)) throw new UsageError('missing the job title to search for');
    const index = await loadIndex(root, io);
    if (!index) return EXIT.invalid;
    const answer = searchTitles(index, query, { limit });
    io.stdout(values.json ? `${toJson(query, answer)}\n` : toText(query, answer));
    return EXIT.ok;
  },
};
