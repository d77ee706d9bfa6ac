import type { ChatCompletion, ChatCompletionRequestNonStreaming } from '@mlc-ai/web-llm';
import type { Completion, CompletionRequest } from './complete';
import { CompletionRequestError } from './errors';

/**
 * The pure halves of running a completion on web-llm: a {@link CompletionRequest} checked and
 * turned into web-llm's OpenAI-style request, and web-llm's answer turned back into a
 * {@link Completion}. Both run on the main thread; only plain data crosses into the worker.
 */

const tasks: readonly CompletionRequest['task'][] = ['intent', 'explain', 'verify', 'audit'];
const roles = ['system', 'user', 'assistant'] as const;

/** Checks a request before a model sees it; throws a {@link CompletionRequestError}. */
export function checkCompletionRequest(request: CompletionRequest): void {
  if (!tasks.includes(request.task))
    throw new CompletionRequestError('task', `unknown task ${JSON.stringify(request.task)}`);
  if (!Array.isArray(request.messages) || request.messages.length === 0)
    throw new CompletionRequestError('messages', 'at least one message is needed');
  request.messages.forEach((m, i) => {
    if (!roles.includes(m.role))
      throw new CompletionRequestError(`messages[${i}].role`, `unknown role ${JSON.stringify(m.role)}`);
    if (typeof m.content !== 'string')
      throw new CompletionRequestError(`messages[${i}].content`, 'expected a string');
    // web-llm accepts a system message only as the first one.
    if (m.role === 'system' && i !== 0)
      throw new CompletionRequestError(`messages[${i}].role`, 'a system message must come first');
  });
  if (request.messages[request.messages.length - 1]?.role !== 'user')
    throw new CompletionRequestError('messages', 'the last message must be the user’s');
  if (!Number.isSafeInteger(request.maxTokens) || request.maxTokens < 1)
    throw new CompletionRequestError('maxTokens', 'expected a positive integer');
  if (!Number.isFinite(request.temperature) || request.temperature < 0 || request.temperature > 2)
    throw new CompletionRequestError('temperature', 'expected a number from 0 to 2');
  if (!Number.isSafeInteger(request.seed)) throw new CompletionRequestError('seed', 'expected an integer');
  if (request.schema !== undefined) {
    try {
      const schema: unknown = JSON.parse(request.schema);
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
        throw new Error('not an object');
    } catch (error) {
      throw new CompletionRequestError(
        'schema',
        `expected a JSON schema object as a string (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
}

/**
 * web-llm's request for a completion: thinking off (Qwen3), JSON output constrained by the
 * schema when there is one, sampling fixed by temperature and seed, no streaming.
 */
export function toChatRequest(request: CompletionRequest): ChatCompletionRequestNonStreaming {
  checkCompletionRequest(request);
  return {
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    max_tokens: request.maxTokens,
    temperature: request.temperature,
    seed: request.seed,
    response_format: request.schema ? { type: 'json_object', schema: request.schema } : undefined,
    extra_body: { enable_thinking: false },
    stream: false,
  };
}

/**
 * The text and finish reason of web-llm's first choice. With thinking off, web-llm seeds the answer
 * with an empty `<think></think>` block, which can come back at the start of the text: it is dropped.
 */
export function fromChatCompletion(response: Pick<ChatCompletion, 'choices'>): Completion {
  const choice = response.choices[0];
  if (!choice) throw new Error('The model returned no choice.');
  const reason = choice.finish_reason;
  return {
    text: (choice.message.content ?? '').replace(/^\s*<think>\s*<\/think>\s*/, ''),
    finishReason: reason === 'stop' || reason === 'length' || reason === 'abort' ? reason : 'other',
  };
}
