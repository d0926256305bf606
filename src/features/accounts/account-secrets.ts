import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Makes a new unguessable secret (256 random bits, URL-safe), optionally behind a readable prefix. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Hashes a secret for storage (SHA-256, hex): the store never holds a usable link, session or token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two strings in time that does not depend on where they differ. */
export function isSameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
