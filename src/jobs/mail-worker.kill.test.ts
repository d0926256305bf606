import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifySubscribersOnPublish } from '../features/mail/notify-on-publish.ts';
import { loadSampleAssessments, publishedRevision, sampleAssessment, settleConfirmations, subscribeConfirmed, unlimitedSubscriptions } from '../features/mail/test-support/mail-fixtures.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../features/mail/test-support/test-smtp-server.ts';
import { openPgliteStore, pgliteDirectoryOf } from '../store/database.ts';
import { queryRows } from '../store/sql-rows.ts';
import { createMigratedDataDir } from '../store/test-support/scratch-stores.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SUBSCRIBERS = 8;
const REVISIONS = 2;
const TOTAL = SUBSCRIBERS * REVISIONS;
const ACCEPTED_BEFORE_KILL = 5;

interface Worker {
  child: ChildProcess;
  sentLines: () => number;
  exited: Promise<number | null>;
  output: () => string;
}

function startWorker(dataDir: string, smtpUrl: string): Worker {
  let output = '';
  const child = spawn(process.execPath, ['src/jobs/mail-worker-main.ts', '--log-each'], {
    cwd: ROOT,
    env: { ...process.env, JOBZONE_DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: smtpUrl, MAIL_LEASE_SECONDS: '1', PUBLIC_URL: 'https://jobzone.example' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    sentLines: () => output.split('\n').filter((line) => line.startsWith('sent update')).length,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    output: () => output,
  };
}

async function waitUntil(condition: () => boolean, what: string, worker: Worker, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker output:\n${worker.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a mail worker killed with SIGKILL while sending', () => {
  let dataDir = '';
  let server: TestSmtpServer | undefined;

  beforeAll(async () => {
    dataDir = await createMigratedDataDir();
    const store = await openPgliteStore(pgliteDirectoryOf(dataDir));
    try {
      const nurse = sampleAssessment(await loadSampleAssessments(store.db), 'Registered Nurse');
      const deps = unlimitedSubscriptions(store.db);
      for (let index = 1; index <= SUBSCRIBERS; index++) await subscribeConfirmed(deps, `reader${index}@example.com`, nurse.target);
      await settleConfirmations(store.db);
      await store.db.transaction((transaction) =>
        notifySubscribersOnPublish(transaction, [
          publishedRevision(nurse, { before: [52, 'Green', 'Stable'], after: [45, 'Yellow', 'Moderate'] }),
          publishedRevision(nurse, { before: [45, 'Yellow', 'Moderate'], after: [30, 'Red', 'Declining'] }),
        ]),
      );
    } finally {
      await store.close();
    }
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('and restarted delivers every email exactly once: none lost, none sent twice', async () => {
    let restarted = false;
    // Before the kill the server accepts a few messages and then leaves the rest unanswered, so the
    // worker dies with messages in flight that the server has not accepted.
    server = await startTestSmtpServer((attempt) => (restarted || attempt <= ACCEPTED_BEFORE_KILL ? 'accept' : 'hold'));
    const first = startWorker(dataDir, server.url);
    await waitUntil(() => first.sentLines() >= ACCEPTED_BEFORE_KILL && server !== undefined && server.attempts() > ACCEPTED_BEFORE_KILL, 'the first messages to be sent', first);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(null);
    expect(server.received).toHaveLength(ACCEPTED_BEFORE_KILL);

    restarted = true;
    const second = startWorker(dataDir, server.url);
    await server.waitForMessages(TOTAL, 60_000);
    await waitUntil(() => second.sentLines() >= TOTAL - ACCEPTED_BEFORE_KILL, 'the rest to be marked sent', second);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const messageIds = server.received.map((mail) => mail.messageId);
    expect(messageIds).toHaveLength(TOTAL);
    expect(new Set(messageIds).size).toBe(TOTAL);
    const perRecipient = new Map<string, number>();
    for (const mail of server.received) for (const to of mail.envelopeTo) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect([...perRecipient.values()]).toEqual(Array.from({ length: SUBSCRIBERS }, () => REVISIONS));

    const store = await openPgliteStore(pgliteDirectoryOf(dataDir));
    try {
      expect(await queryRows(store.db, sql`select status, count(*)::int as total from mail_outbox where kind = 'update' group by status`)).toEqual([{ status: 'sent', total: TOTAL }]);
    } finally {
      await store.close();
    }
  }, 180_000);
});
