/** The closed set of catalog error codes; an entry point maps each to its exit code or HTTP status. */
export type CatalogErrorCode = 'catalog.not_found' | 'catalog.invalid';

/** Raised by the catalog use cases with a code and a message that says what to do. */
export class CatalogError extends Error {
  readonly code: CatalogErrorCode;

  constructor(code: CatalogErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
