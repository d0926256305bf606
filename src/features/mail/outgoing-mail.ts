import type { NotificationContent } from './mail.table.ts';

/** One email ready for a driver: addresses, both parts, a stable Message-ID, extra headers and a file-name hint. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The Message-ID header, angle brackets included; the same on every attempt for one outbox row. */
  messageId: string;
  headers: Record<string, string>;
  /** Readable start of the file name the file-drop driver uses, e.g. "update-registered-nurse-senior". */
  label: string;
}

/** The absolute links an email carries, built from PUBLIC_URL. */
export interface MailLinks {
  publicUrl: string;
  unsubscribeToken: string;
}

/**
 * Writes the emails delivery sends. The wording lives in the presentation layer, which features may
 * not import, so whoever runs delivery passes it in.
 */
export interface MailComposer {
  confirmation(input: { to: string; targetDescription: string; confirmToken: string; messageId: string; links: MailLinks }): OutgoingMail;
  update(input: { to: string; content: NotificationContent; messageId: string; links: MailLinks }): OutgoingMail;
  signIn(input: { to: string; token: string; messageId: string; publicUrl: string }): OutgoingMail;
}

/** How many minutes an emailed sign-in link works; the sign-in use case and the email say the same. */
export const SIGN_IN_LINK_MINUTES = 15;

/** Builds the Message-ID of an outbox row from its stable id and the site's host. */
export function messageIdOf(messageUuid: string, publicUrl: string): string {
  return `<${messageUuid}@${new URL(publicUrl).hostname || 'localhost'}>`;
}
