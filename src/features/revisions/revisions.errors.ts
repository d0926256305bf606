/** The closed set of revision error codes; an entry point maps each to its exit code or HTTP status. */
export type RevisionErrorCode = 'revision.conflict' | 'revision.invalid' | 'revision.not_found';

/** Raised by the revision use cases with a code and a message that says what to do; nothing was written. */
export class RevisionError extends Error {
  readonly code: RevisionErrorCode;

  constructor(code: RevisionErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Tells whether a thrown value is a RevisionError, also one rebuilt from the internal API. */
export function isRevisionError(error: unknown): error is RevisionError {
  return error instanceof RevisionError;
}
