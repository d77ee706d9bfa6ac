/** A model answer that breaks its contract, with the JSON path where it breaks (`$.concerns[2].field`). */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  readonly path: string;

  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(`${path}: ${message}`, options);
    this.path = path;
  }
}

/** The longest answer read at all; anything longer is malformed before it is parsed. */
export const MAX_OUTPUT_CHARS = 32_768;

/**
 * WebLLM with `enable_thinking: false` primes Qwen3's answer with an empty `<think>\n\n</think>\n\n`
 * block and may return it as part of the text; an empty block is dropped, a non-empty one is not.
 */
const EMPTY_THINK = /^<think>\s*<\/think>\s*/;

/** The answer's text without surrounding whitespace and without Qwen3's empty think block. */
export function answerText(text: string): string {
  if (text.length > MAX_OUTPUT_CHARS)
    throw new OutputError('$', `longer than ${MAX_OUTPUT_CHARS} characters`);
  return text.trim().replace(EMPTY_THINK, '');
}

const FENCED = /^```(?:json)?[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*```$/;

/**
 * The JSON object a model answered with. Tolerates surrounding whitespace and one surrounding
 * ```json fence, nothing else (no prose before or after, no second fence). Throws OutputError.
 */
export function readJsonObject(text: string): Record<string, unknown> {
  let body = answerText(text);
  if (body.startsWith('```')) {
    const fenced = FENCED.exec(body);
    if (!fenced || (fenced[1] as string).includes('```'))
      throw new OutputError('$', 'a code fence that is not one ```json block');
    body = (fenced[1] as string).trim();
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new OutputError('$', `not JSON (${(error as Error).message})`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new OutputError(
      '$',
      `expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`,
    );
  return value as Record<string, unknown>;
}
