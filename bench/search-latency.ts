/**
 * Search speed in process over the full index: index build time, then per-query latency
 * (p50/p95/p99/max) for every reported title, every colloquial query and typing prefixes of
 * them. Run: npm run bench:search-latency
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPOSITORY_ROOT } from '../src/data-pipeline/committed-catalog.ts';
import { buildSearchIndex, search } from '../src/features/search/search-index.ts';
import { loadBenchEntries, ONET_FOLDER, readTsv } from './search-bench-data.ts';

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

async function queries(): Promise<string[]> {
  const reported = (await readTsv(join(ONET_FOLDER, 'reported-titles.tsv'))).map(([, title = '']) => title);
  const colloquial = (await readFile(join(REPOSITORY_ROOT, 'bench', 'queries', 'colloquial.tsv'), 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t')[0] ?? '');
  // What a search box sends while someone types: "so", "sof", "soft"…
  const prefixes = colloquial.flatMap((query) => Array.from({ length: Math.max(0, query.length - 2) }, (_, end) => query.slice(0, end + 3)));
  return [...reported, ...colloquial, ...prefixes];
}

async function main(): Promise<void> {
  const { entries, source } = await loadBenchEntries();
  const titleCount = entries.reduce((sum, entry) => sum + entry.titles.length, 0);
  const buildStart = performance.now();
  const index = buildSearchIndex(entries);
  const buildMs = performance.now() - buildStart;
  console.log(`search latency — ${entries.length} occupations and roles, ${titleCount} titles (${index.formTitle.length} indexed forms) from ${source}`);
  console.log(`index build: ${buildMs.toFixed(0)} ms, heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  const all = await queries();
  for (const query of all.slice(0, 2000)) search(index, query, { limit: 10 });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    for (const query of all) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      search(index, query, { limit: 10 });
      wall.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  const format = (ms: number) => `${ms.toFixed(3)} ms`;
  // Wall time includes waiting for a core when other programs run; CPU time is the search's own cost.
  for (const [label, timings] of [
    ['wall time', wall],
    ['CPU time ', cpu],
  ] as const) {
    timings.sort((left, right) => left - right);
    console.log(
      `${label}: ${timings.length} queries (${all.length} distinct × 3 rounds, limit 10): p50 ${format(percentile(timings, 0.5))}  p95 ${format(percentile(timings, 0.95))}  p99 ${format(percentile(timings, 0.99))}  max ${format(timings.at(-1) ?? 0)}`,
    );
  }
  // Other work on the machine stretches the tail; the load average tells a reader how quiet the run was.
  console.log(`load average during the run: ${loadavg().map((value) => value.toFixed(2)).join(' ')} (1, 5, 15 min)`);
}

await main();
