/**
 * A render thread (ADR 0178): holds its own copy of the read model, follows the main thread's
 * versions, and renders search, compare and report pages with the same typed renderers the main
 * thread uses. It never touches the store, Astro or the network.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { buildReadModel, type ReadModel, type ReadModelInput } from '../../features/read-model/read-model.ts';
import { applyPublishedRoles } from '../../features/read-model/read-model-update.ts';
import type { IslandRenderer } from '../../presentation/query-pages/island-slot.ts';
import type { RouteShell } from '../../presentation/query-pages/route-shell.ts';
import { encodePageHere } from '../page-bytes.ts';
import { QUERY_PAGES } from '../query-page-routes.ts';
import { MESSAGE_BOUNDS, type FromThread, type ToThread } from './messages.ts';

export interface RenderThreadData {
  islandsEntry: string;
  publicUrl: string;
}

const port = parentPort;
if (!port) throw new Error('render-thread.ts runs only as a worker thread');
const data = workerData as RenderThreadData;
const islands = ((await import(data.islandsEntry)) as { renderIslandHtml: IslandRenderer }).renderIslandHtml;
const models = new Map<number, { model: ReadModel; input: ReadModelInput }>();
const shells = new Map<string, RouteShell>();
// Building a model leaves about as much garbage as the model itself, and an idle thread would keep that
// heap for a long time: collect once per model built. Workers take no V8 options, so `gc` is fetched
// from a fresh context (the flag is process-wide and only adds that function to new contexts).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const send = (message: FromThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

function keep(version: number, builtAt: Date, made: { model: ReadModel; input: ReadModelInput }): void {
  // The main thread's version and time, so ETags and anything that shows them come out the same.
  models.set(version, { model: { ...made.model, version, builtAt }, input: made.input });
  for (const older of [...models.keys()].sort((a, b) => a - b).slice(0, Math.max(0, models.size - MESSAGE_BOUNDS.modelsKept))) models.delete(older);
  collectGarbage();
  const heap = process.memoryUsage();
  send({ type: 'ready', version, heapUsedMb: Math.round(heap.heapUsed / 1048576), heapTotalMb: Math.round(heap.heapTotal / 1048576) });
}

function render(message: Extract<ToThread, { type: 'render' }>): void {
  const held = models.get(message.version);
  if (!held) return send({ type: 'declined', id: message.id, reason: 'version' });
  const page = QUERY_PAGES.find((candidate) => candidate.path === message.path);
  const shell = shells.get(message.path);
  if (!page || !shell) return send({ type: 'declined', id: message.id, reason: 'no-shell' });
  const result = page.render(held.model, new URL(message.url, 'http://localhost'), { shell, islands, publicUrl: data.publicUrl });
  if (result === null) return send({ type: 'declined', id: message.id, reason: 'astro' });
  // Hashed and compressed here, in the coding the reader accepts, so the main thread only stores and
  // writes the page; the body is a buffer of its own, handed over without a copy (ADR 0180).
  const answer = encodePageHere(result.html, message.version, message.coding, MESSAGE_BOUNDS.maxPageBytes);
  if (answer === null) return send({ type: 'declined', id: message.id, reason: 'too-large' });
  send({ type: 'page', id: message.id, ...answer, storable: result.storable, hasIslands: result.hasIslands }, [answer.body.buffer as ArrayBuffer]);
}

port.on('message', (message: ToThread) => {
  try {
    if (message.type === 'render') return render(message);
    if (message.type === 'shell') return void shells.set(message.path, message.shell);
    if (message.type === 'model') return keep(message.version, message.builtAt, { model: buildReadModel(message.input), input: message.input });
    const base = models.get(message.from);
    const next = base ? applyPublishedRoles(base, message.roles, message.published) : null;
    if (!next) return send({ type: 'failed', version: message.version, needsInput: true, message: base ? 'the update needs a full rebuild' : `version ${message.from} is not held here` });
    keep(message.version, message.builtAt, next);
  } catch (error) {
    const text = (error as Error).message;
    if (message.type === 'render') send({ type: 'declined', id: message.id, reason: 'error', message: text });
    else if (message.type !== 'shell') send({ type: 'failed', version: message.version, needsInput: false, message: text });
  }
});
