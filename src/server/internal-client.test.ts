import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStoreOrServer } from '../cli/publishing-access.ts';
import { createServerPublishingService, fetchServerStatus, ServerUnavailableError } from './internal-client.ts';
import { newServerToken, writeServerFile, type ServerFile } from './server-file.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A port that accepts connections and then does what `onConnection` says (by default: nothing, ever). */
async function listen(onConnection: (socket: Socket) => void = () => undefined): Promise<ServerFile> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { pid: process.pid, port: address.port, token: newServerToken(), startedAt: new Date().toISOString() };
}

async function failure(promise: Promise<unknown>): Promise<ServerUnavailableError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof ServerUnavailableError)) throw new Error(`expected a ServerUnavailableError, got ${String(error)}`);
  return error;
}

const nurses = { role: { slug: 'registered-nurses', seniority: 'all-levels' } };

describe('calls to the running server', () => {
  it('give up after the timeout when the port accepts but never answers, and say what to check', async () => {
    const silent = await listen();
    const started = performance.now();
    const error = await failure(fetchServerStatus(silent, undefined, { timeoutMs: 300 }));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error.message).toBe(
      `the running jobzone server (pid ${process.pid}) on 127.0.0.1:${silent.port} did not answer "status" within 0.3 s; check that the process is running and not stopped (ps -o stat= -p ${process.pid}; "T" means stopped, resume it with kill -CONT ${process.pid}) and look at its log, or stop it and try again.`,
    );
  });

  it('say the outcome of a publication is unknown when the server stops answering during it, and how to check', async () => {
    const silent = await listen();
    const service = createServerPublishingService(silent, { timeoutMs: 300 });
    const error = await failure(service.publish([{ document: nurses }], { note: 'n', author: 'a', notify: false }));
    expect(error.message).toContain('did not answer "publish" within 0.3 s');
    expect(error.message).toContain('The outcome is unknown');
    expect(error.message).toContain('run "jobzone revisions registered-nurses" to see whether the new revision is there before publishing again.');
  });

  it('say the outcome is unknown when the server dies in the middle of a publication', async () => {
    const dying = await listen((socket) => socket.once('data', () => socket.destroy()));
    const service = createServerPublishingService(dying, { timeoutMs: 5_000 });
    const error = await failure(service.publish([{ document: nurses }], { note: 'n', author: 'a', notify: false }));
    expect(error.message).toMatch(/stopped answering during "publish" \(\w+\)/);
    expect(error.message).toContain('The outcome is unknown');
  });

  it('a CLI command waiting for a silent server gives up with the timeout and says how to get past it', async () => {
    const silent = await listen();
    const dataDir = await mkdtemp(join(tmpdir(), 'jobzone-silent-'));
    closers.push(() => rm(dataDir, { recursive: true, force: true }));
    await writeServerFile(dataDir, silent);
    const error = await failure(openStoreOrServer({ dataDir, databaseUrl: undefined }, () => undefined, { timeoutMs: 300 }));
    expect(error.message).toContain('did not answer "status" within 0.3 s');
    expect(error.message).toContain(`If no jobzone server is running, remove ${join(dataDir, 'server.json')} and try again.`);
  });
});
