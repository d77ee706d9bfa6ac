import { BaseError } from '../errors';

/** A descriptor path that is malformed, or that does not lead to a value in this data. */
export class ClearSignPathError extends BaseError {
  override name = 'ClearSignPathError' as const;
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.path = path;
  }
}

/** A value that a format cannot render (wrong type, out of range, unknown reference). */
export class ClearSignFormatError extends BaseError {
  override name = 'ClearSignFormatError' as const;
}
