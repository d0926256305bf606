import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import type { Config } from '../../config/config.ts';
import type { OutgoingMail } from './outgoing-mail.ts';
import { ensurePrivateDirectory } from '../../shared/files.ts';

/** Sends emails: over SMTP, or into a folder of .eml files when no SMTP server is configured. */
export interface MailDriver {
  readonly kind: 'smtp' | 'file';
  /** Where mail goes, for logs: the SMTP host or the folder. */
  readonly destination: string;
  send: (mail: OutgoingMail) => Promise<void>;
  close: () => Promise<void>;
}

/** Raised when a mail server refuses a message for good (5xx): retrying will not help. */
export class PermanentMailError extends Error {}

/** Where the file-drop driver writes messages: `<JOBZONE_DATA_DIR>/outbox/`. */
export function mailDropFolderOf(dataDir: string): string {
  return resolve(dataDir, 'outbox');
}

function headerFields(mail: OutgoingMail) {
  // "prepared" keeps long header values (the unsubscribe URL) on one line instead of re-encoding them.
  return Object.fromEntries(Object.entries(mail.headers).map(([name, value]) => [name, { prepared: true, value }]));
}

function smtpFailure(error: unknown): Error {
  const { responseCode, response, message } = (error ?? {}) as { responseCode?: number; response?: string; message?: string };
  const text = response ?? message ?? String(error);
  return responseCode !== undefined && responseCode >= 500 && responseCode < 600 ? new PermanentMailError(text) : new Error(text);
}

/** Creates the SMTP driver: a pool of connections to SMTP_URL with several messages in flight. */
export function createSmtpDriver(smtpUrl: string, from: string, options: { maxConnections?: number } = {}): MailDriver {
  const transport = createTransport({
    pool: true,
    url: smtpUrl,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: Infinity,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    kind: 'smtp',
    destination: new URL(smtpUrl).host,
    send: async (mail) => {
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId, headers: headerFields(mail) });
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    close: async () => transport.close(),
  };
}

/** Creates the file-drop driver: each message becomes `<label>-<message id>.eml` in the folder, so a resend replaces rather than duplicates it. */
export function createFileDropDriver(folder: string, from: string): MailDriver {
  const composer = createTransport({ streamTransport: true, buffer: true });
  let ready: Promise<unknown> | undefined;
  return {
    kind: 'file',
    destination: folder,
    send: async (mail) => {
      ready ??= ensurePrivateDirectory(folder);
      await ready;
      const info = await composer.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId, headers: headerFields(mail) });
      const name = `${mail.label}-${mail.messageId.replace(/^<|@.*$/g, '')}.eml`;
      const partial = join(folder, `.${name}.${randomUUID()}.part`);
      // Messages hold confirmation and unsubscribe secrets: readable by their owner only.
      await writeFile(partial, info.message as Buffer, { mode: 0o600 });
      await rename(partial, join(folder, name));
    },
    close: async () => composer.close(),
  };
}

/** Chooses the mail driver from the configuration: SMTP when SMTP_URL is set, else the file drop under the data directory. */
export function createMailDriver(settings: Pick<Config, 'smtpUrl' | 'dataDir' | 'mailFrom'>): MailDriver {
  return settings.smtpUrl ? createSmtpDriver(settings.smtpUrl, settings.mailFrom) : createFileDropDriver(mailDropFolderOf(settings.dataDir), settings.mailFrom);
}
