import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { untilQuiet } from './quiet.ts';

const bounds = { windowMs: 100, share: 0.05, maxWaitMs: 5_000 };

describe('waiting until the process is quiet', () => {
  it('returns after one window when nothing runs', async () => {
    expect(await untilQuiet(bounds)).toBeLessThan(1_000);
  });

  it('waits while another thread of the process keeps a core busy, and gives up at the bound', async () => {
    // A thread spinning for 800 ms: the whole process is busy though this thread's event loop is free.
    const spinning = new Worker('const end = Date.now() + 800; while (Date.now() < end);', { eval: true });
    await new Promise((resolve) => spinning.once('online', resolve));
    const exited = new Promise((resolve) => spinning.once('exit', resolve));
    expect(await untilQuiet(bounds)).toBeGreaterThanOrEqual(500);
    await exited;
    const forever = new Worker('for (;;);', { eval: true });
    await new Promise((resolve) => forever.once('online', resolve));
    const waited = await untilQuiet({ ...bounds, maxWaitMs: 300 });
    await forever.terminate();
    expect(waited).toBeGreaterThan(300);
    expect(waited).toBeLessThan(1_500);
  });
});
