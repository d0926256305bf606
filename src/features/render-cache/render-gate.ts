/** Lets a bounded number of page renders run at once; the others wait their turn in arrival order. */
export interface RenderGate {
  /** Runs `render` once a place is free and frees the place when it settles. */
  run: <T>(render: () => Promise<T>) => Promise<T>;
  /** Renders running and waiting, for tests and logs. */
  load: () => { running: number; waiting: number };
}

/**
 * Creates a gate. Renders are CPU work on one thread: running fifty at once interleaves them at
 * every await, so each finishes only when nearly all do and one can starve past a second. In
 * turn, a render waits for the ones before it and then runs at full speed (ADR 0162).
 */
export function createRenderGate(concurrency: number): RenderGate {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`a render gate needs a whole number of places ≥ 1, found ${concurrency}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return {
    async run(render) {
      if (running < concurrency) running += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await render();
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
