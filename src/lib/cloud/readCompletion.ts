import type { Completion } from '../verifier/complete';
import { OutputError } from '../verifier/readJson';

/** The most bytes of a response body read at all; a longer body is malformed. */
export const MAX_RESPONSE_BYTES = 262_144;

/** A response body as text, read to at most MAX_RESPONSE_BYTES; throws OutputError beyond. */
export async function readBodyCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new OutputError('$', `the response is longer than ${MAX_RESPONSE_BYTES} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

const FINISH: Readonly<Record<string, Completion['finishReason']>> = { stop: 'stop', length: 'length' };

/**
 * The first choice of an OpenAI chat-completions response body as a Completion: its message's
 * `content` and its `finish_reason` (`stop`, `length`, anything else is `other`). Throws OutputError
 * for anything that is not that shape (HTML, an error object, no choices, null content).
 */
export function readCompletion(text: string): Completion {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new OutputError('$', "the server's response is not JSON");
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new OutputError('$', "the server's response is not a JSON object");
  const choices = (value as { choices?: unknown }).choices;
  if (!Array.isArray(choices) || choices.length === 0)
    throw new OutputError('$.choices', 'expected a non-empty array');
  const choice: unknown = choices[0];
  if (typeof choice !== 'object' || choice === null)
    throw new OutputError('$.choices[0]', 'expected an object');
  const { message, finish_reason: finish } = choice as { message?: unknown; finish_reason?: unknown };
  if (typeof message !== 'object' || message === null)
    throw new OutputError('$.choices[0].message', 'expected an object');
  const content = (message as { content?: unknown }).content;
  if (typeof content !== 'string') throw new OutputError('$.choices[0].message.content', 'expected a string');
  return { text: content, finishReason: (typeof finish === 'string' && FINISH[finish]) || 'other' };
}
