/** Hands out turns of the event loop, one at a time, in the order they were asked for. */
export interface LoopTurns {
  /** Resolves in a turn of the event loop of this caller's own, after the callers before it had theirs. */
  take: () => Promise<void>;
  /** Callers waiting for their turn now. */
  waiting: () => number;
}

/**
 * Work done synchronously (a page rendered and compressed on the event loop) gets one turn of the
 * loop per caller: between two callers the loop polls its sockets again. Without it, fifty requests
 * that arrive together are rendered in one long turn, and Node takes one new connection per turn, so
 * under load a new connection waited behind seconds of pages (ADR 0181).
 */
export function createLoopTurns(): LoopTurns {
  const queue: (() => void)[] = [];
  let scheduled = false;
  const giveTurn = () => {
    scheduled = false;
    queue.shift()?.();
    // Scheduled from within setImmediate's phase, the next turn comes after the next poll.
    if (queue.length > 0) {
      scheduled = true;
      setImmediate(giveTurn);
    }
  };
  return {
    take: () =>
      new Promise<void>((resolve) => {
        queue.push(resolve);
        if (!scheduled) {
          scheduled = true;
          setImmediate(giveTurn);
        }
      }),
    waiting: () => queue.length,
  };
}
