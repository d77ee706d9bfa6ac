import { afterEach, describe, expect, test } from 'vitest';
import { DEMO_FORESIGHT, type Loopback, startLoopback } from './loopback';

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('startLoopback', () => {
  test('listens on 127.0.0.1 and answers in the chat-completions shape', async () => {
    server = await startLoopback();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await post(
      `${server.url}/chat/completions`,
      JSON.stringify({ model: 'm', messages: [] }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const json = (await response.json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      object: 'chat.completion',
      model: 'm',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: JSON.stringify(DEMO_FORESIGHT) },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    });
    expect(typeof json.id).toBe('string');
    expect(typeof json.created).toBe('number');
  });

  test('records every body, parsed, on both paths; a body that is not JSON is kept as text', async () => {
    server = await startLoopback({ answer: (body) => `echo ${JSON.stringify(body)}` });
    await post(`${server.url}/chat/completions`, '{"a":1}');
    const root = server.url.replace(/\/v1$/, '');
    const second = await post(`${root}/chat/completions`, '{"b":[2]}');
    expect(
      ((await second.json()) as { choices: { message: { content: string } }[] }).choices[0]?.message.content,
    ).toBe('echo {"b":[2]}');
    const bad = await post(`${server.url}/chat/completions`, 'not json');
    expect(bad.status).toBe(400);
    expect(server.requests).toEqual([{ a: 1 }, { b: [2] }, 'not json']);
    expect(server.exchanges.map((e) => e.path)).toEqual([
      '/v1/chat/completions',
      '/chat/completions',
      '/v1/chat/completions',
    ]);
  });

  test('CORS: the Origin is echoed and a preflight is answered without being recorded', async () => {
    server = await startLoopback();
    const preflight = await fetch(`${server.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:4173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
        'access-control-request-private-network': 'true',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-private-network')).toBe('true');
    const response = await post(`${server.url}/chat/completions`, '{}', { origin: 'http://localhost:5173' });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(server.requests).toEqual([{}]);
  });

  test('status: every completion is answered with that HTTP error', async () => {
    server = await startLoopback({ status: 503 });
    const response = await post(`${server.url}/chat/completions`, '{"x":1}');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 503 } });
    expect(server.requests).toEqual([{ x: 1 }]);
  });

  test('raw answers are sent as they are; unknown routes are 404', async () => {
    server = await startLoopback({ answer: () => ({ raw: '<html>', contentType: 'text/html' }) });
    const response = await post(`${server.url}/chat/completions`, '{}');
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<html>');
    expect((await post(`${server.url}/completions`, '{}')).status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  test('bad options are refused', () => {
    expect(() => startLoopback({ delayMs: -1 })).toThrow(RangeError);
    expect(() => startLoopback({ status: 99 })).toThrow(RangeError);
  });
});
