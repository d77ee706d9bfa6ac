/** Parameters common to every Vigil error. */
export type BaseErrorParameters = {
  /** More about what went wrong, for people. */
  details?: string;
  /** The error this one wraps. */
  cause?: unknown;
};

/** The root of Vigil's errors: a short message, optional details, a cause chain. */
export class BaseError extends Error {
  override name = 'VigilError';
  readonly shortMessage: string;
  readonly details: string | undefined;

  constructor(shortMessage: string, parameters: BaseErrorParameters = {}) {
    const { details, cause } = parameters;
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, { cause });
    this.shortMessage = shortMessage;
    this.details = details;
  }

  /** Walks the cause chain; returns the first error `fn` accepts, or the deepest one. */
  walk(fn?: (error: unknown) => boolean): unknown {
    let current: unknown = this;
    for (let depth = 0; depth < 32; depth++) {
      if (fn?.(current)) return current;
      const next = current instanceof Error ? current.cause : undefined;
      if (next === undefined) return fn ? null : current;
      current = next;
    }
    return fn ? null : current;
  }
}

/** Why an input was not accepted. Stable: the UI translates by code. */
export type ParseErrorCode =
  /** Nothing but whitespace. */
  | 'empty'
  /** Over the input size bound. */
  | 'tooLarge'
  /** Not any form Vigil knows. */
  | 'unrecognized'
  /** Looks like hex but holds a non-hex character. */
  | 'invalidHex'
  /** Hex with an odd number of digits: a byte is cut in half. */
  | 'oddLength'
  /** Too short to be what it claims (e.g. calldata under 4 bytes). */
  | 'tooShort'
  /** Malformed JSON. */
  | 'invalidJson'
  /** JSON nested deeper than Vigil reads. */
  | 'tooDeep'
  /** A required field is absent. */
  | 'missingField'
  /** A field has the wrong type or an invalid value. */
  | 'invalidField'
  /** Two fields that must agree do not (e.g. `data` and `input`). */
  | 'conflictingFields'
  /** An address that is malformed or fails its checksum. */
  | 'invalidAddress'
  /** A quantity that is negative, fractional, imprecise or out of range. */
  | 'invalidQuantity'
  /** A JSON-RPC method Vigil does not inspect. */
  | 'unsupportedMethod'
  /** A raw transaction that does not decode, or is not canonically encoded. */
  | 'invalidRawTransaction'
  /** A signature from which no signer can be recovered. */
  | 'invalidSignature'
  /** EIP-712 typed data that is not well-formed. */
  | 'invalidTypedData'
  /** An EIP-681 URI that is not well-formed. */
  | 'invalidUri'
  /** A well-formed input using a feature Vigil does not handle (e.g. an ENS name to resolve). */
  | 'unsupported'
  /** Bare hex of exactly 20 bytes: an address, not something to sign. */
  | 'looksLikeAddress'
  /** Bare hex of exactly 32 bytes: a hash (of a transaction or message), which Vigil cannot look up. */
  | 'looksLikeHash';

/** Parameters of a {@link ParseError}. */
export type ParseErrorParameters = BaseErrorParameters & {
  /** Where in a JSON input, as a path such as `params[0].value`. */
  path?: string;
  /** Where in the text input, as a 0-based character offset. */
  position?: number;
  /** What was expected there. */
  expected?: string;
};

/** An input that is not accepted, with what was expected and where the input went wrong. */
export class ParseError extends BaseError {
  override name = 'ParseError' as const;
  readonly code: ParseErrorCode;
  readonly path: string | undefined;
  readonly position: number | undefined;
  readonly expected: string | undefined;

  constructor(code: ParseErrorCode, shortMessage: string, parameters: ParseErrorParameters = {}) {
    super(shortMessage, parameters);
    this.code = code;
    this.path = parameters.path;
    this.position = parameters.position;
    this.expected = parameters.expected;
  }
}

/** The plain-data form of a {@link ParseError}, for JSON output and the UI. */
export type ParseErrorInfo = {
  readonly code: ParseErrorCode;
  readonly message: string;
  readonly details?: string;
  readonly path?: string;
  readonly position?: number;
  readonly expected?: string;
};

/** Converts a {@link ParseError} to plain data. */
export function toParseErrorInfo(error: ParseError): ParseErrorInfo {
  return {
    code: error.code,
    message: error.shortMessage,
    ...(error.details !== undefined && { details: error.details }),
    ...(error.path !== undefined && { path: error.path }),
    ...(error.position !== undefined && { position: error.position }),
    ...(error.expected !== undefined && { expected: error.expected }),
  };
}
