/** Why the private context could not do what was asked. Every code has a sentence in the UI catalogues. */
export type ContextErrorCode =
  /** IndexedDB is missing or refused (private mode, disabled storage): Vigil runs on defaults. */
  | 'unavailable'
  /** Another tab holds an older version of the database open; the upgrade waits for it. */
  | 'blocked'
  /** Another tab upgraded the database: this tab must reload before it reads or writes again. */
  | 'stale'
  /** The database was written by a newer Vigil than this one. */
  | 'newerVersion'
  /** The browser closed the database (storage cleared, disk error). */
  | 'closed'
  /** The browser's storage quota is full: nothing was written. */
  | 'quota'
  /** The private stores are locked with a passphrase. */
  | 'locked'
  | 'wrongPassphrase'
  /** A stored record cannot be read back (tampered or damaged). */
  | 'corrupt'
  /** An import file that is not a complete, valid Vigil export: nothing was imported. */
  | 'invalidImport'
  /** A value the user entered is not valid (the message says which and why). */
  | 'invalidInput';

/** A typed error of the context layer; `path` names the offending field of an input, when there is one. */
export class ContextError extends Error {
  readonly code: ContextErrorCode;
  readonly path?: string;

  constructor(code: ContextErrorCode, message: string, options: { path?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ContextError';
    this.code = code;
    if (options.path !== undefined) this.path = options.path;
  }
}

/** An error's name and message, for a sentence. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A failure as a ContextError: quota errors get their own code, with the words to say. */
export function asContextError(error: unknown): ContextError {
  if (error instanceof ContextError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError')
    return new ContextError(
      'quota',
      'The browser’s storage for Vigil is full: nothing was saved. Free space (clear the decision log, or site data you do not need) and try again.',
      { cause: error },
    );
  if (name === 'InvalidStateError')
    return new ContextError(
      'stale',
      'Vigil’s storage was closed (another tab upgraded it). Reload this tab.',
      {
        cause: error,
      },
    );
  return new ContextError('closed', `Saving failed: ${describeError(error)}`, { cause: error });
}
