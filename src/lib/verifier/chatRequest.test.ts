import { describe, expect, test } from 'vitest';
import { fromChatCompletion, toChatRequest } from './chatRequest';
import type { CompletionRequest } from './complete';
import { CompletionRequestError } from './errors';

const request: CompletionRequest = {
  task: 'verify',
  messages: [
    { role: 'system', content: 'You check Ethereum transactions.' },
    { role: 'user', content: 'approve(0xdead…, max)' },
  ],
  schema: '{"type":"object","properties":{"risk":{"type":"number"}},"required":["risk"]}',
  maxTokens: 256,
  temperature: 0,
  seed: 7,
};

describe('toChatRequest', () => {
  test('maps to web-llm’s request: JSON schema, thinking off, no stream', () => {
    expect(toChatRequest(request)).toStrictEqual({
      messages: [
        { role: 'system', content: 'You check Ethereum transactions.' },
        { role: 'user', content: 'approve(0xdead…, max)' },
      ],
      max_tokens: 256,
      temperature: 0,
      seed: 7,
      response_format: {
        type: 'json_object',
        schema: '{"type":"object","properties":{"risk":{"type":"number"}},"required":["risk"]}',
      },
      extra_body: { enable_thinking: false },
      stream: false,
    });
  });

  test('no schema: no response format', () => {
    const { schema: _, ...plain } = request;
    const mapped = toChatRequest({ ...plain, task: 'explain' });
    expect(mapped.response_format).toBeUndefined();
    expect(mapped.extra_body).toEqual({ enable_thinking: false });
  });

  test('messages are copied, not shared', () => {
    const mapped = toChatRequest(request);
    expect(mapped.messages[1]).not.toBe(request.messages[1]);
  });

  test.each<[string, Partial<CompletionRequest> | Record<string, unknown>, string]>([
    ['unknown task', { task: 'chat' }, 'task'],
    ['no messages', { messages: [] }, 'messages'],
    ['a tool message', { messages: [{ role: 'tool', content: 'x' }] }, 'messages[0].role'],
    ['content not a string', { messages: [{ role: 'user', content: 42 }] }, 'messages[0].content'],
    [
      'system message not first',
      {
        messages: [
          { role: 'user', content: 'a' },
          { role: 'system', content: 'b' },
          { role: 'user', content: 'c' },
        ],
      },
      'messages[1].role',
    ],
    [
      'last message not the user’s',
      {
        messages: [
          { role: 'user', content: 'a' },
          { role: 'assistant', content: 'b' },
        ],
      },
      'messages',
    ],
    ['zero tokens', { maxTokens: 0 }, 'maxTokens'],
    ['fractional tokens', { maxTokens: 1.5 }, 'maxTokens'],
    ['temperature 3', { temperature: 3 }, 'temperature'],
    ['temperature NaN', { temperature: Number.NaN }, 'temperature'],
    ['fractional seed', { seed: 0.5 }, 'seed'],
    ['schema not JSON', { schema: '{type: object}' }, 'schema'],
    ['schema not an object', { schema: '"string"' }, 'schema'],
  ])('refuses %s', (_name, patch, path) => {
    let thrown: unknown;
    try {
      toChatRequest({ ...request, ...patch } as CompletionRequest);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CompletionRequestError);
    expect((thrown as CompletionRequestError).path).toBe(path);
  });
});

describe('fromChatCompletion', () => {
  const answer = (content: string | null, finish_reason: string) =>
    ({
      choices: [{ index: 0, logprobs: null, finish_reason, message: { role: 'assistant', content } }],
    }) as never;

  test.each<[string, string, string]>([
    ['stop', 'stop', 'stop'],
    ['length', 'length', 'length'],
    ['abort', 'abort', 'abort'],
    ['tool_calls', 'tool_calls', 'other'],
  ])('finish reason %s → %s', (_name, reason, expected) => {
    expect(fromChatCompletion(answer('{"risk":0.1}', reason))).toEqual({
      text: '{"risk":0.1}',
      finishReason: expected,
    });
  });

  test('the empty think block web-llm seeds is dropped', () => {
    expect(fromChatCompletion(answer('<think>\n\n</think>\n\n{"risk":1}', 'stop')).text).toBe('{"risk":1}');
  });

  test('a think block with content is left for the parser', () => {
    expect(fromChatCompletion(answer('<think>hm</think>{}', 'stop')).text).toBe('<think>hm</think>{}');
  });

  test('null content is empty text', () => {
    expect(fromChatCompletion(answer(null, 'stop')).text).toBe('');
  });

  test('no choice is an error', () => {
    expect(() => fromChatCompletion({ choices: [] })).toThrow(/no choice/);
  });
});
