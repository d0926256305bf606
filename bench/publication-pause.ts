/**
 * Publication pause: how long the server's main thread is blocked while the read model catches up
 * with a publication. Loads the committed catalog into a scratch PGlite store and builds the read
 * model as the server does, then publishes one baseline several times and after each brings the read
 * model up to date, watched by perf_hooks.monitorEventLoopDelay and a 1 ms timer: first by updating
 * only the published role (a NOTIFY that names its roles), then by a full rebuild from the store (what
 * every publication did before ADR 0177). Checks that the updated model equals a full rebuild.
 * Run: node bench/publication-pause.ts
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { readCatalogToLoad } from '../src/features/catalog/catalog-source.ts';
import { loadCommittedCatalog } from '../src/features/catalog/catalog.usecases.ts';
import type { ReadModel } from '../src/features/read-model/read-model.ts';
import { publishAssessment } from '../src/features/revisions/revisions.usecases.ts';
import { createReadModelHolder } from '../src/server/read-model-holder.ts';
import { openScratchPgliteStore } from '../src/store/test-support/scratch-stores.ts';

const ROUNDS = 5;
const ROLE = 'roofers';

interface Pause {
  longestMs: number;
  wallMs: number;
}

/** Runs `work` while watching the event loop; the longest stretch it could not run a timer is the pause a request would have waited. */
async function watched(work: () => Promise<unknown>): Promise<Pause> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let longestGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 1);
  histogram.enable();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 5));
  histogram.disable();
  clearInterval(ticker);
  return { longestMs: Math.max(histogram.max / 1e6, longestGap), wallMs };
}

/** What pages read, without the version and build time that differ by construction. */
const comparable = (model: ReadModel) => ({ assessments: [...model.assessments.values()], ranked: model.ranked.map((entry) => entry.key), categories: model.categories, roles: [...model.roles.values()] });

const catalog = await readCatalogToLoad();
const baseline = catalog.baselines.find(({ assessment }) => assessment.role.slug === ROLE)?.assessment;
if (!baseline) throw new Error(`the committed catalog has no ${ROLE} baseline`);
const scratch = await openScratchPgliteStore();
try {
  await loadCommittedCatalog(scratch.store.db, catalog);
  const holder = await createReadModelHolder(scratch.store.db);
  const pauses: Record<'full' | 'update', Pause[]> = { full: [], update: [] };
  // Updates first, then full rebuilds: the garbage a full rebuild leaves is collected in its own phase.
  const order = [...Array<'update'>(ROUNDS).fill('update'), ...Array<'full'>(ROUNDS).fill('full')];
  let same = true;
  for (const [index, how] of order.entries()) {
    const round = index + 1;
    const growth = { ...baseline.growth, score: round % 2 === 0 ? baseline.growth.score : baseline.growth.score === 0 ? 1 : 0 };
    await publishAssessment(scratch.store.db, { ...baseline, growth }, { note: `Benchmark publication ${round}.`, author: 'bench' });
    pauses[how].push(await watched(() => holder.refresh(how === 'full' ? undefined : [ROLE])));
    if (round === ROUNDS) {
      const updated = holder.current();
      same = isDeepStrictEqual(comparable(updated), comparable(await holder.refresh()));
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const line = (label: string, list: Pause[]) =>
    `  ${label.padEnd(34)} longest main-thread pause median ${median(list.map((pause) => pause.longestMs)).toFixed(0)} ms (max ${Math.max(...list.map((pause) => pause.longestMs)).toFixed(0)} ms), wall median ${median(list.map((pause) => pause.wallMs)).toFixed(0)} ms`;
  console.log(`read model after a publication of ${ROLE} (${ROUNDS} publications each; committed catalog in PGlite):`);
  console.log(line('full rebuild from the store:', pauses.full));
  console.log(line('update of the published role:', pauses.update));
  console.log(`  the update equals a full rebuild: ${same ? 'yes' : 'NO'}`);
} finally {
  await scratch.dispose();
}
