import { readdir, readFile } from 'node:fs/promises';

/**
 * CPU time every thread of a process has used so far, in milliseconds, from the kernel's run time of
 * each thread (/proc/<pid>/task/<tid>/schedstat, in nanoseconds). /proc/<pid>/stat counts in 10 ms
 * ticks, too coarse for one request. Reading costs the reader, not the process read.
 */
export async function threadsCpuMsOf(pid: number): Promise<number> {
  const threads = await readdir(`/proc/${pid}/task`).catch((error: unknown) => {
    throw new Error(`cannot read the threads of process ${pid}: ${(error as Error).message}`);
  });
  const times = await Promise.all(
    threads.map(async (thread) => {
      try {
        return Number((await readFile(`/proc/${pid}/task/${thread}/schedstat`, 'utf8')).split(' ')[0]);
      } catch {
        // A thread that ended between the listing and the read: its time is gone with it.
        return 0;
      }
    }),
  );
  return times.reduce((sum, nanoseconds) => sum + nanoseconds, 0) / 1e6;
}
