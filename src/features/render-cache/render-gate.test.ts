import { describe, expect, it } from 'vitest';
import { createRenderGate } from './render-gate.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the render gate', () => {
  it('runs at most its number of renders at once and starts the others in arrival order', async () => {
    const gate = createRenderGate(2);
    const started: number[] = [];
    const finish: (() => void)[] = [];
    const renders = [0, 1, 2, 3].map((index) =>
      gate.run(async () => {
        started.push(index);
        await new Promise<void>((resolve) => finish.push(resolve));
        return index;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(gate.load()).toEqual({ running: 2, waiting: 2 });
    finish[1]?.();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    finish[0]?.();
    finish[2]?.();
    await tick();
    finish[3]?.();
    expect(await Promise.all(renders)).toEqual([0, 1, 2, 3]);
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the place of a render that fails', async () => {
    const gate = createRenderGate(1);
    await expect(gate.run(() => Promise.reject(new Error('page failed')))).rejects.toThrow('page failed');
    expect(await gate.run(() => Promise.resolve('next'))).toBe('next');
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a gate without places', () => {
    expect(() => createRenderGate(0)).toThrow('a render gate needs a whole number of places ≥ 1, found 0');
  });
});
