import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { threadsCpuMsOf } from './process-cpu.ts';

describe('CPU time of every thread of a process', () => {
  it('counts what another thread of the process spends, to well under a millisecond', async () => {
    const before = await threadsCpuMsOf(process.pid);
    // The thread stays alive once it has spun: the time of a thread that ended is gone with it. It spins
    // for 300 ms of its own CPU, not of the clock, so that a loaded machine cannot shorten what it spends.
    const spinning = new Worker("const { parentPort } = require('node:worker_threads'); const cpuMs = () => { const { user, system } = process.threadCpuUsage(); return (user + system) / 1000; }; const end = cpuMs() + 300; while (cpuMs() < end); parentPort.postMessage('spun'); setInterval(() => {}, 1000);", { eval: true });
    await new Promise((resolve) => spinning.once('message', resolve));
    const spent = (await threadsCpuMsOf(process.pid)) - before;
    await spinning.terminate();
    expect(spent).toBeGreaterThanOrEqual(250);
    expect(spent).toBeLessThan(5_000);
    expect(Number.isInteger(spent)).toBe(false);
  });

  it('fails with the process named when there is no such process', async () => {
    await expect(threadsCpuMsOf(2 ** 30)).rejects.toThrow(/1073741824/);
  });
});
