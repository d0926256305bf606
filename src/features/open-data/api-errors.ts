import type { FieldError, Problem } from './api.schemas.ts';

/** The closed set of problems the API answers with, each mapped to one HTTP status below. */
export type ApiErrorCode =
  | 'api.not_found'
  | 'api.invalid_query'
  | 'api.invalid_body'
  | 'api.unsupported_media_type'
  | 'api.body_too_large'
  | 'api.uri_too_long'
  | 'api.method_not_allowed'
  | 'api.rate_limited';

const PROBLEMS: Record<ApiErrorCode, { status: number; title: string }> = {
  'api.not_found': { status: 404, title: 'Not found' },
  'api.invalid_query': { status: 400, title: 'Invalid query parameters' },
  'api.invalid_body': { status: 422, title: 'Invalid request body' },
  'api.unsupported_media_type': { status: 415, title: 'Unsupported media type' },
  'api.body_too_large': { status: 413, title: 'Request body too large' },
  'api.uri_too_long': { status: 414, title: 'Query string too long' },
  'api.method_not_allowed': { status: 405, title: 'Method not allowed' },
  'api.rate_limited': { status: 429, title: 'Too many requests' },
};

/** A request the API cannot answer as asked; `errors` names each field at fault and what is expected. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly errors: FieldError[];

  constructor(code: ApiErrorCode, detail: string, errors: FieldError[] = []) {
    super(detail);
    this.code = code;
    this.errors = errors;
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }
}

/** Returns the anchor of the reference page that explains a problem ("problem-not-found"). */
export function problemAnchorOf(code: ApiErrorCode): string {
  return `problem-${code.slice('api.'.length).replaceAll('_', '-')}`;
}

/** Lists every problem the API can answer with, for the reference page and the OpenAPI document. */
export function listProblemKinds(): { code: ApiErrorCode; anchor: string; status: number; title: string }[] {
  return (Object.keys(PROBLEMS) as ApiErrorCode[]).map((code) => ({ code, anchor: problemAnchorOf(code), ...PROBLEMS[code] }));
}

/** Builds the RFC 9457 problem document of an API error; its type is the reference page's explanation of the problem. */
export function problemOf(error: ApiError, publicUrl: string, instance?: string): Problem {
  const { status, title } = PROBLEMS[error.code];
  return {
    type: `${publicUrl.replace(/\/$/, '')}/api#${problemAnchorOf(error.code)}`,
    title,
    status,
    detail: error.message,
    ...(instance === undefined ? {} : { instance }),
    ...(error.errors.length > 0 ? { errors: error.errors } : {}),
  };
}
