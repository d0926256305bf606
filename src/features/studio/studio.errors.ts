import { CodedError } from '../../shared/coded-error.ts';

/** The closed set of studio error codes; pages map each to an HTTP status in one place. */
export type StudioErrorCode = 'studio.not_found' | 'studio.invalid' | 'studio.conflict' | 'studio.refused' | 'studio.rate_limited';

/** Raised by the studio use cases with a message that says what to do; nothing was written. */
export class StudioError extends CodedError<StudioErrorCode> {}
