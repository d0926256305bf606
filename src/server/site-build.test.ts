import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBuildLock } from './site-build.ts';

describe('the site build lock', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'jobzone-build-lock-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('lets one holder work at a time and frees the lock afterwards, also when the work fails', async () => {
    const lock = join(folder, 'one-at-a-time.lock');
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside += 1;
      most = Math.max(most, inside);
      await sleep(100);
      inside -= 1;
    };
    await Promise.all([withBuildLock(work, lock), withBuildLock(work, lock), withBuildLock(work, lock)]);
    expect(most).toBe(1);
    await expect(withBuildLock(() => Promise.reject(new Error('astro build exited with code 1')), lock)).rejects.toThrow('code 1');
    await withBuildLock(async () => undefined, lock);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const lock = join(folder, 'abandoned.lock');
    // The largest pid Linux hands out is 4194304; this one cannot be running.
    await writeFile(lock, '4194305');
    let ran = false;
    await withBuildLock(async () => {
      ran = true;
    }, lock);
    expect(ran).toBe(true);
  });

  it('waits for a lock held by a running process', async () => {
    const lock = join(folder, 'held.lock');
    await writeFile(lock, String(process.pid));
    let ran = false;
    const waiting = withBuildLock(async () => {
      ran = true;
    }, lock);
    await sleep(600);
    expect(ran).toBe(false);
    await rm(lock);
    await waiting;
    expect(ran).toBe(true);
  });
});
