import { z } from 'zod';
import { isRole, ROLES, type Role } from './roles.ts';
import { AccountError } from './accounts.errors.ts';

const MAX_EMAIL_LENGTH = 254;
const MAX_TOKEN_NAME_LENGTH = 80;

/** A team member's address: trimmed, lower-cased, at most 254 characters. */
export const MemberEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_LENGTH, `an email address of at most ${MAX_EMAIL_LENGTH} characters`)
  .regex(/^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/, 'an email address such as name@example.org');

/** Reads an email address or raises account.invalid naming the field, what was found and what is expected. */
export function parseMemberEmail(value: unknown, field = 'email'): string {
  const parsed = MemberEmailSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const found = typeof value === 'string' ? `"${value.slice(0, 60)}${value.length > 60 ? '…' : ''}"` : 'nothing';
  throw new AccountError('account.invalid', `${field}: found ${found}; expected ${parsed.error.issues[0]?.message ?? 'an email address'}`);
}

/** Reads a role name or raises account.invalid listing the roles. */
export function parseRole(value: unknown, field = 'role'): Role {
  if (typeof value === 'string' && isRole(value)) return value;
  throw new AccountError('account.invalid', `${field}: found "${String(value ?? '').slice(0, 40)}"; expected one of ${ROLES.join(', ')}`);
}

/** Reads the name of an API token: 1–80 printable characters on one line. */
export function parseTokenName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '' || name.length > MAX_TOKEN_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new AccountError('account.invalid', `name: found ${name === '' ? 'nothing' : `${name.length} characters`}; expected 1 to ${MAX_TOKEN_NAME_LENGTH} printable characters on one line`);
  }
  return name;
}
