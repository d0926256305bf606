import { CodedError } from '../../shared/coded-error.ts';

/** The closed set of account failures; pages and the CLI turn each into a message that says what to do. */
export type AccountErrorCode =
  | 'account.invalid'
  | 'account.not_found'
  | 'account.exists'
  | 'account.last_admin'
  | 'account.rate_limited'
  | 'account.link_invalid'
  | 'account.passkey_failed'
  | 'account.unauthorized';

/** HTTP status of each account error code. */
export const ACCOUNT_ERROR_STATUS: Record<AccountErrorCode, number> = {
  'account.invalid': 422,
  'account.not_found': 404,
  'account.exists': 409,
  'account.last_admin': 409,
  'account.rate_limited': 429,
  'account.link_invalid': 400,
  'account.passkey_failed': 400,
  'account.unauthorized': 401,
};

/** Raised by the account use cases with a code and a message fit to show. */
export class AccountError extends CodedError<AccountErrorCode> {}

export function isAccountErrorCode(code: string): code is AccountErrorCode {
  return Object.hasOwn(ACCOUNT_ERROR_STATUS, code);
}
