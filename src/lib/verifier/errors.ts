/** A model manifest (or one of its records) that does not read; `path` names the offending field. */
export class ManifestError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'ManifestError';
    this.path = path;
  }
}

/** A completion request a model must not be given; `path` names the offending field. */
export class CompletionRequestError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'CompletionRequestError';
    this.path = path;
  }
}

/** The `vigil.llm.engine` test setting is not valid; `path` names the offending field. */
export class EngineSettingError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'EngineSettingError';
    this.path = path;
  }
}

/** A local model cannot answer: not available here, not loaded, or its load failed. */
export class ModelUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelUnavailableError';
  }
}

/** A replay engine has no recorded output for a request. */
export class NoRecordingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoRecordingError';
  }
}

/** An error's message, for a sentence (never a stack trace). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
