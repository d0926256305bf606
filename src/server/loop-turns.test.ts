import { stat } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLoopTurns } from './loop-turns.ts';

/** Keeps the thread busy, as rendering a page does. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('turns of the event loop', () => {
  it('are given one at a time, in the order they were asked for', async () => {
    const turns = createLoopTurns();
    const order: number[] = [];
    const taken = [0, 1, 2, 3].map((index) => turns.take().then(() => order.push(index)));
    expect(turns.waiting()).toBe(4);
    await Promise.all(taken);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(turns.waiting()).toBe(0);
  });

  it('let the loop poll between two callers, so I/O finished meanwhile is handled before the next one works', async () => {
    const turns = createLoopTurns();
    const events: string[] = [];
    const first = turns.take().then(() => {
      // I/O started in this turn finishes while the turn keeps the thread busy; its callback waits for a poll.
      stat(import.meta.filename, () => events.push('I/O callback'));
      busyFor(50);
      events.push('first turn done');
    });
    const second = turns.take().then(() => events.push('second turn'));
    await Promise.all([first, second]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['first turn done', 'I/O callback', 'second turn']);
  });

  it('serve a caller who asks again later, after the queue had emptied', async () => {
    const turns = createLoopTurns();
    await turns.take();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(turns.take()).resolves.toBeUndefined();
  });
});
