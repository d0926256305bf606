import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message a test SMTP server accepted: the raw text as sent and its parsed form. */
export interface ReceivedMail {
  raw: string;
  parsed: ParsedMail;
  envelopeTo: string[];
  messageId: string;
  /** A header as it appeared on the wire (unfolded), e.g. header('list-unsubscribe'). */
  header: (name: string) => string | undefined;
}

/** How the server answers the n-th message (counting from 1): accept, refuse with an SMTP code, or never answer. */
export type SmtpAnswer = 'accept' | 'hold' | { code: number; message: string };

/** A real SMTP server on a random loopback port, recording what it accepted. */
export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** How many messages reached the end of DATA, accepted or not. */
  attempts: () => number;
  /** Resolves once `count` messages were accepted. */
  waitForMessages: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
}

function rawHeader(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** Starts a test SMTP server on 127.0.0.1 that accepts every message unless `answer` says otherwise. */
export async function startTestSmtpServer(answer: (attempt: number) => SmtpAnswer = () => 'accept'): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let attempts = 0;
  let waiters: { count: number; resolve: () => void }[] = [];
  const notify = () => {
    waiters = waiters.filter((waiter) => {
      if (received.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const decision = answer(++attempts);
        if (decision === 'hold') return;
        if (decision !== 'accept') {
          const refusal = Object.assign(new Error(decision.message), { responseCode: decision.code });
          callback(refusal);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          received.push({
            raw,
            parsed,
            envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
            messageId: parsed.messageId ?? '',
            header: (name) => rawHeader(raw, name),
          });
          callback(null);
          notify();
        }, callback);
      });
    },
  });
  // A client that dies mid-message (the kill tests) closes its socket; that is expected, not a failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts: () => attempts,
    waitForMessages: (count, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the SMTP server received ${received.length} of ${count} messages within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(received);
          },
        });
        notify();
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
