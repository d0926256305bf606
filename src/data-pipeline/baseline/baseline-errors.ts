/** Raised when a derived baseline fails validation; the message names the occupation and the field. */
export class BaselineValidationError extends Error {}
