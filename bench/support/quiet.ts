/** How untilQuiet samples the process: the window, the share of one core below which it is quiet, and the longest wait. */
export interface QuietBounds {
  windowMs: number;
  share: number;
  maxWaitMs: number;
}

const DEFAULT_QUIET: QuietBounds = { windowMs: 250, share: 0.05, maxWaitMs: 20_000 };

/** CPU milliseconds this process (every thread of it) has used so far. */
const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Waits until a process (this one unless `cpuMsNow` reads another, every thread of it) spends less
 * than `share` of a core over one window, or `maxWaitMs` passed, and returns the milliseconds waited. After a start or a new kind of request,
 * V8 goes on compiling code (and PGlite's WebAssembly) on background threads for a while: work paid
 * once per process, which a per-request figure should not carry (ADR 0175).
 */
export async function untilQuiet(bounds: QuietBounds = DEFAULT_QUIET, cpuMsNow: () => number | Promise<number> = ownCpuMs): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = await cpuMsNow();
    const windowStarted = performance.now();
    await new Promise((resolve) => setTimeout(resolve, bounds.windowMs));
    const share = ((await cpuMsNow()) - before) / (performance.now() - windowStarted);
    const waited = performance.now() - started;
    if (share < bounds.share || waited > bounds.maxWaitMs) return Math.round(waited);
  }
}
