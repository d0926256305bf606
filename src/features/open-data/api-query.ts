import type { z } from 'zod';
import { ApiError } from './api-errors.ts';
import type { FieldError } from './api.schemas.ts';

/** No query parameter value the API reads is longer than this. */
export const MAX_PARAM_LENGTH = 200;
/** A query string longer than this is refused before any parameter is read. */
export const MAX_QUERY_STRING_LENGTH = 2048;

/** Turns zod's issues into field errors: the dotted path of the field and what is expected there. */
export function fieldErrorsOf(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.map(String).join('.');
    return { field: [prefix, path].filter(Boolean).join('.') || prefix || 'body', message: issue.message };
  });
}

/**
 * Reads query parameters with a schema of string fields: an unknown or repeated parameter, an
 * over-long value or one the schema refuses is an error naming the parameter and what it accepts.
 */
export function parseQuery<S extends z.ZodObject>(params: URLSearchParams, schema: S, longer: Readonly<Record<string, number>> = {}): z.output<S> {
  const known = Object.keys(schema.shape);
  const errors: FieldError[] = [];
  const values: Record<string, string> = {};
  for (const [name, value] of params) {
    const field = name.slice(0, 40);
    if (!known.includes(name)) {
      errors.push({ field, message: known.length === 0 ? 'this route takes no query parameters' : `unknown parameter; this route accepts ${known.join(', ')}` });
    } else if (name in values) {
      errors.push({ field, message: 'give this parameter once' });
    } else if (value.length > (longer[name] ?? MAX_PARAM_LENGTH)) {
      errors.push({ field, message: `at most ${longer[name] ?? MAX_PARAM_LENGTH} characters; got ${value.length}` });
    }
    values[name] = value;
    if (errors.length >= 20) break;
  }
  if (errors.length > 0) throw invalidQuery(errors);
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw invalidQuery(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** Builds the error of a query with problems, naming each parameter in the detail. */
export function invalidQuery(errors: FieldError[]): ApiError {
  const fields = [...new Set(errors.map((error) => error.field))].join(', ');
  return new ApiError('api.invalid_query', `Check the query parameter${errors.length === 1 ? '' : 's'} ${fields}: ${errors.map((error) => `${error.field}: ${error.message}`).join('; ')}.`, errors);
}
