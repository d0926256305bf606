import { Worker } from 'node:worker_threads';
import type { ReadModel } from '../../features/read-model/read-model.ts';
import type { ContentCoding, EncodedBody } from '../../features/render-cache/content-coding.ts';
import type { RouteShell } from '../../presentation/query-pages/route-shell.ts';
import { MESSAGE_BOUNDS, type FromThread, type ModelOrigin, type ToThread } from './messages.ts';
import type { RenderThreadData } from './render-thread.ts';

export interface RenderPoolOptions extends RenderThreadData {
  /** Render threads (1–8). */
  threads: number;
  /** How the main thread made a model; a model without an origin cannot be followed, and its pages render on the main thread. */
  originOf: (model: ReadModel) => ModelOrigin | undefined;
  /** The model served now, which a new or replaced thread builds first. */
  current: () => ReadModel;
  /** Requests waiting on one thread, the one rendering included, before the main thread renders instead. */
  maxQueuePerThread?: number;
  /** How long a page may take in a thread before the thread is replaced and the request answered 503. */
  renderTimeoutMs?: number;
  /** How long a swap waits for the threads to hold the new version (they are skipped for it if later). */
  followTimeoutMs?: number;
  /** V8 heap limit of a thread, in MB. */
  maxHeapMb?: number;
  log?: (line: string) => void;
}

/** What a thread made of a request; `here` means the main thread renders it itself. */
export type ThreadRender =
  /** The page encoded as the main thread would have encoded it for this reader (`encodeBodyFor`), and its ETag. */
  | { kind: 'page'; encoded: EncodedBody; etag: string; storable: boolean; hasIslands: boolean }
  | { kind: 'astro' }
  | { kind: 'here' }
  | { kind: 'timed-out' };

export interface RenderPool {
  /** Renders a query page of `version` in a thread, or answers `here` when none holds that version or every queue is full. */
  render: (version: number, path: string, url: string, shell: RouteShell, coding: ContentCoding) => Promise<ThreadRender>;
  /** Sends the threads a new version and waits (bounded) until they hold it; registered with the holder's beforeSwap. */
  follow: (next: ReadModel) => Promise<void>;
  /** Threads running, replaced after a crash, pages left to the main thread or rendered in a thread, requests waiting now and at most. */
  stats: () => { threads: number; replaced: number; renderedHere: number; renderedThere: number; queued: number; mostQueued: number };
  /** The running workers (for tests that crash one). */
  workers: () => readonly Worker[];
  close: () => Promise<void>;
}

interface Pending {
  resolve: (result: ThreadRender) => void;
  timer: NodeJS.Timeout;
}

interface Thread {
  worker: Worker;
  /** Versions the thread holds (it keeps the newest two, as this list does). */
  held: number[];
  waiting: Map<number, () => void>;
  pending: Map<number, Pending>;
  shells: Set<string>;
  stopping: boolean;
}

const RENDER_THREAD = new URL('./render-thread.ts', import.meta.url);
const YOUNG_GENERATION_MB = 16;
/** More crashes than this within a minute stop replacements: the main thread renders everything then. */
const MAX_CRASHES_PER_MINUTE = 5;

/**
 * A pool of worker threads that render search, compare and the personal report from their own
 * copies of the read model while the main thread keeps the store, the HTTP server and the render
 * cache (ADR 0178). The rule that keeps answers current: a request names the version the main thread
 * serves, and a thread renders it only with exactly that version, else the main thread renders.
 */
export function createRenderPool(options: RenderPoolOptions): RenderPool {
  if (!Number.isInteger(options.threads) || options.threads < 1 || options.threads > 8) throw new Error(`render threads must be a whole number from 1 to 8, not ${options.threads}`);
  const maxQueue = options.maxQueuePerThread ?? 8;
  const renderTimeoutMs = options.renderTimeoutMs ?? 10_000;
  const followTimeoutMs = options.followTimeoutMs ?? 30_000;
  const log = options.log ?? (() => undefined);
  const threads: Thread[] = [];
  const crashes: number[] = [];
  let nextId = 1;
  let closed = false;
  let replaced = 0;
  let renderedHere = 0;
  let renderedThere = 0;
  let mostQueued = 0;
  // The newest model the threads were asked to follow: the one being swapped in, or the one served.
  let latest = options.current();

  const post = (thread: Thread, message: ToThread) => thread.worker.postMessage(message);

  /** Sends the thread what it needs to hold `model`: the update from a version it holds, else the whole input. */
  const sendModel = (thread: Thread, model: ReadModel, forceInput = false): boolean => {
    const origin = options.originOf(model);
    if (!origin) return false;
    const { update } = origin;
    if (update && !forceInput && thread.held.includes(update.from)) post(thread, { type: 'update', version: model.version, builtAt: model.builtAt, ...update });
    else post(thread, { type: 'model', version: model.version, builtAt: model.builtAt, input: origin.input });
    return true;
  };

  const onMessage = (thread: Thread, message: FromThread) => {
    if (message.type === 'ready') {
      log(`render thread ${thread.worker.threadId} holds version ${message.version} (its heap: ${message.heapUsedMb} MB used of ${message.heapTotalMb} MB)`);
      thread.held = [...thread.held.filter((version) => version !== message.version), message.version].sort((a, b) => a - b).slice(-MESSAGE_BOUNDS.modelsKept);
      thread.waiting.get(message.version)?.();
      return;
    }
    if (message.type === 'failed') {
      log(`render thread ${thread.worker.threadId} could not make version ${message.version}: ${message.message}`);
      if (message.needsInput && latest.version === message.version && sendModel(thread, latest, true)) return;
      thread.waiting.get(message.version)?.();
      return;
    }
    const pending = thread.pending.get(message.id);
    if (!pending) return;
    thread.pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.type === 'page') {
      renderedThere += 1;
      pending.resolve({ kind: 'page', encoded: { coding: message.coding, body: Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength) }, etag: message.etag, storable: message.storable, hasIslands: message.hasIslands });
    } else if (message.reason === 'astro') pending.resolve({ kind: 'astro' });
    else {
      if (message.reason === 'error') log(`render thread ${thread.worker.threadId} failed a page: ${message.message ?? ''}`);
      pending.resolve({ kind: 'here' });
    }
  };

  const start = () => {
    const worker = new Worker(RENDER_THREAD, {
      workerData: { islandsEntry: options.islandsEntry, publicUrl: options.publicUrl } satisfies RenderThreadData,
      // A thread's default young generation let its heap reach ~230 MB for an ~85 MB model; 16 MB keeps it near 115 MB.
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 768, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const thread: Thread = { worker, held: [], waiting: new Map(), pending: new Map(), shells: new Set(), stopping: false };
    threads.push(thread);
    worker.on('message', (message: FromThread) => onMessage(thread, message));
    worker.on('error', (error) => log(`render thread ${worker.threadId} failed: ${error.message}`));
    worker.on('exit', (code) => {
      threads.splice(threads.indexOf(thread), 1);
      // Whatever it was rendering is rendered on the main thread: the reader still gets the page.
      for (const pending of thread.pending.values()) {
        clearTimeout(pending.timer);
        pending.resolve({ kind: 'here' });
      }
      for (const done of thread.waiting.values()) done();
      if (closed || thread.stopping) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && (crashes[0] ?? now) < now - 60_000) crashes.shift();
      if (crashes.length > MAX_CRASHES_PER_MINUTE) return log(`render thread ${worker.threadId} exited (${code}); not replaced: ${crashes.length} crashes within a minute`);
      log(`render thread ${worker.threadId} exited (${code}); starting another`);
      replaced += 1;
      start();
    });
    const current = options.current();
    sendModel(thread, current);
    if (latest.version > current.version) sendModel(thread, latest, true);
  };

  for (let index = 0; index < options.threads; index += 1) start();

  const choose = (version: number): Thread | null => {
    let best: Thread | null = null;
    for (const thread of threads) {
      if (thread.stopping || !thread.held.includes(version) || thread.pending.size >= maxQueue) continue;
      if (!best || thread.pending.size < best.pending.size) best = thread;
    }
    return best;
  };

  return {
    render(version, path, url, shell, coding) {
      const thread = closed || Buffer.byteLength(url) > MESSAGE_BOUNDS.maxUrlBytes ? null : choose(version);
      if (!thread) {
        renderedHere += 1;
        return Promise.resolve({ kind: 'here' });
      }
      if (!thread.shells.has(path)) {
        post(thread, { type: 'shell', path, shell });
        thread.shells.add(path);
      }
      const id = nextId++;
      return new Promise<ThreadRender>((resolve) => {
        const timer = setTimeout(() => {
          thread.pending.delete(id);
          resolve({ kind: 'timed-out' });
          log(`render thread ${thread.worker.threadId} took over ${renderTimeoutMs} ms on ${url.slice(0, 200)}; replacing it`);
          void thread.worker.terminate();
        }, renderTimeoutMs);
        thread.pending.set(id, { resolve, timer });
        mostQueued = Math.max(mostQueued, thread.pending.size);
        post(thread, { type: 'render', id, version, path, url, coding });
      });
    },
    async follow(next) {
      if (next.version > latest.version) latest = next;
      const waits = threads.map(
        (thread) =>
          new Promise<void>((resolve) => {
            if (thread.held.includes(next.version) || !sendModel(thread, next)) return resolve();
            const timer = setTimeout(done, followTimeoutMs);
            function done() {
              clearTimeout(timer);
              thread.waiting.delete(next.version);
              resolve();
            }
            thread.waiting.set(next.version, done);
          }),
      );
      await Promise.all(waits);
    },
    stats: () => ({ threads: threads.length, replaced, renderedHere, renderedThere, queued: threads.reduce((sum, thread) => sum + thread.pending.size, 0), mostQueued }),
    workers: () => threads.map((thread) => thread.worker),
    async close() {
      closed = true;
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
}
