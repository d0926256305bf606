/**
 * The cost of building the search index alone: CPU time of buildSearchIndex, and the heap plus
 * array buffers the index keeps after a garbage collection. Run: npx node --expose-gc bench/search-build-cost.ts
 */
import { buildSearchIndex } from '../src/features/search/search-index.ts';
import { loadBenchEntries } from './search-bench-data.ts';

const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) throw new Error('run with --expose-gc: npx node --expose-gc bench/search-build-cost.ts');
const retained = () => {
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};
const { entries } = await loadBenchEntries();
const before = retained();
const cpu = process.cpuUsage();
const started = performance.now();
const index = buildSearchIndex(entries);
const used = process.cpuUsage(cpu);
const wall = performance.now() - started;
const after = retained();
console.log(`search index build: ${((used.user + used.system) / 1e6).toFixed(2)} s CPU, ${(wall / 1000).toFixed(2)} s wall; forms ${index.formEntry.length}; retained ${((after - before) / 2 ** 20).toFixed(1)} MB (heap + array buffers after a collection)`);
