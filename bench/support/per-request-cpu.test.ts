import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { measureServerPerRequest } from './per-request-cpu.ts';

const threadCpuMs = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

/** Measures a server whose every answer spins for `spinMs` of its thread's CPU. */
async function measureSpinning(spinMs: number, paths: string[]) {
  const server = createServer((request, response) => {
    const until = threadCpuMs() + spinMs;
    while (threadCpuMs() < until);
    response.end('x'.repeat(request.url === '/big' ? 2048 : 1024));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    return await measureServerPerRequest(server, `http://127.0.0.1:${port}`, paths, { thread: threadCpuMs }, 'identity');
  } finally {
    server.close();
  }
}

describe('CPU per request of a server in this process', () => {
  it('charges each request what the server spends on it', async () => {
    const paths = ['/a', '/big', '/b', '/c', '/d', '/e', '/f'].flatMap((path) => [path, path, path]);
    // A first run pays once for compiling the server's and the meter's code (several ms on a loaded
    // machine, which once tipped the short run's median); after it both runs cost the same besides the spin.
    await measureSpinning(0, paths);
    // The spins differ by 20 ms so that the meter's own noise under load (up to ~2 ms) stays inside ±15%.
    const [short, long] = [await measureSpinning(2, paths), await measureSpinning(22, paths)];
    expect(short.cpu.thread.medianMs).toBeGreaterThanOrEqual(2);
    expect(long.cpu.thread.medianMs - short.cpu.thread.medianMs).toBeGreaterThan(17);
    expect(long.cpu.thread.medianMs - short.cpu.thread.medianMs).toBeLessThan(23);
    expect(short.statuses).toEqual(new Set([200]));
    expect(short.meanKb).toBeCloseTo((6 * 1024 + 2048) / 7 / 1024, 5);
  });
});
