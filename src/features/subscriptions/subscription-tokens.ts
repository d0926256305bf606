import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Makes a new unguessable confirmation token (256 random bits, URL-safe). */
export function newConfirmToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Hashes a confirmation token for storage: the database never holds a usable token. */
export function hashConfirmToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function unsubscribeSignature(key: string, subscriberId: number): Buffer {
  return createHmac('sha256', key).update(`unsubscribe:${subscriberId}`).digest();
}

/** Signs an unsubscribe token for an address, so every email can carry one without storing it. */
export function signUnsubscribeToken(key: string, subscriberId: number): string {
  return `${subscriberId}.${unsubscribeSignature(key, subscriberId).toString('base64url')}`;
}

/** Reads the subscriber id from an unsubscribe token, or returns null when the token is not one we signed. */
export function verifyUnsubscribeToken(key: string, token: string): number | null {
  const match = /^(\d{1,10})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const subscriberId = Number(match[1]);
  const given = Buffer.from(match[2] ?? '', 'base64url');
  const expected = unsubscribeSignature(key, subscriberId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? subscriberId : null;
}
