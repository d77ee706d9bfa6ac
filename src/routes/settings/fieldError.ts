import { ContextError, type ContextErrorCode } from '$lib/context/errors';

/** A failure placed in a form: next to the field it is about, or on the form as a whole. */
export type PlacedError<F extends string> = {
  readonly field: F | 'form';
  readonly message: string;
  /** The context error's code, when it is one (`wrongPassphrase` gets its own words). */
  readonly code?: ContextErrorCode;
  /** The context error's path, as the store or the parser named it. */
  readonly path?: string;
};

/**
 * Where a store error belongs in a form: `fields` maps the error's `path` (as the store names it)
 * to a field of the form; any other path, or none, goes to the form as a whole.
 */
export function placeError<F extends string>(
  error: unknown,
  fields: Readonly<Record<string, F>>,
): PlacedError<F> {
  if (error instanceof ContextError) {
    const field =
      error.path !== undefined && Object.hasOwn(fields, error.path) ? fields[error.path] : undefined;
    return {
      field: field ?? 'form',
      message: error.message,
      code: error.code,
      ...(error.path !== undefined && { path: error.path }),
    };
  }
  return { field: 'form', message: error instanceof Error ? error.message : String(error) };
}
