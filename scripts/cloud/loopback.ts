import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A stand-in for an OpenAI-compatible cloud endpoint, on 127.0.0.1 only: POST /v1/chat/completions
 * (and /chat/completions) answered in the chat-completions shape, every request body recorded. For
 * tests and for the demo mode (cli.ts). Node only; nothing under src/ imports it.
 */

/** A response body sent exactly as given, to imitate a broken server (HTML, truncated JSON). */
export type RawAnswer = { readonly raw: string; readonly contentType?: string };

/**
 * What the server answers to a recorded body: a string is the assistant message's content, wrapped
 * in the chat-completions shape (see chatCompletion); a RawAnswer is sent as it is; any other
 * object is sent as the whole JSON response.
 */
export type LoopbackAnswer = string | RawAnswer | Readonly<Record<string, unknown>>;

/** Options of startLoopback. */
export type LoopbackOptions = {
  /** The port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Builds the answer to each request body; the default is DEMO_FORESIGHT as content. */
  readonly answer?: (body: unknown) => LoopbackAnswer;
  /** Milliseconds to wait before answering. */
  readonly delayMs?: number;
  /** Answer every request with this HTTP status and an OpenAI-style error object instead. */
  readonly status?: number;
  /** Called with each recorded exchange as soon as its body is read. */
  readonly onRequest?: (exchange: LoopbackExchange) => void;
};

/** One request as the server saw it. */
export type LoopbackExchange = {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or the raw text when it is not JSON. */
  readonly body: unknown;
  /** True once the client went away before the answer was sent (an abort or a timeout). */
  abortedByClient: boolean;
};

/** A running stand-in. */
export type Loopback = {
  /** The base URL to configure: `http://127.0.0.1:<port>/v1`. */
  readonly url: string;
  readonly port: number;
  /** Every recorded request body (POSTs to the completion paths), in arrival order. */
  readonly requests: unknown[];
  /** The same requests with their method, path and headers. */
  readonly exchanges: LoopbackExchange[];
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
};

/** A plausible `<FORESIGHT>` answer, used by the demo mode and as the default answer. */
export const DEMO_FORESIGHT = {
  reputation: 'known',
  incidents: [],
  context:
    'Loopback demo: no live market data. The contract is a widely used protocol router; no incident is known to this stand-in.',
  risk: 0.2,
  suggested: 'allow',
  explanation:
    'This answer comes from the local loopback stand-in, not a real model. It suggests nothing beyond what the rules decided.',
} as const;

const PATHS = new Set(['/v1/chat/completions', '/chat/completions']);
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** A chat-completions response carrying `content`. */
export function chatCompletion(
  content: string,
  options: { readonly model?: string; readonly finishReason?: string } = {},
): Record<string, unknown> {
  return {
    id: `chatcmpl-loopback-${Math.random().toString(36).slice(2, 10)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: options.model ?? 'loopback',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content },
        finish_reason: options.finishReason ?? 'stop',
      },
    ],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'origin');
  }
  res.setHeader('access-control-allow-methods', 'POST, GET, OPTIONS');
  res.setHeader('access-control-allow-headers', 'authorization, content-type');
  res.setHeader('access-control-max-age', '600');
  // Chrome's Private Network Access preflight, for a page served from another address.
  if (req.headers['access-control-request-private-network'] === 'true')
    res.setHeader('access-control-allow-private-network', 'true');
}

function send(res: ServerResponse, status: number, body: string, contentType = 'application/json'): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function modelOf(body: unknown): string | undefined {
  const model = (body as { model?: unknown } | null)?.model;
  return typeof model === 'string' ? model : undefined;
}

/** Starts the stand-in on 127.0.0.1 and resolves once it listens. */
export function startLoopback(options: LoopbackOptions = {}): Promise<Loopback> {
  const requests: unknown[] = [];
  const exchanges: LoopbackExchange[] = [];
  const answer = options.answer ?? (() => JSON.stringify(DEMO_FORESIGHT));
  const delayMs = options.delayMs ?? 0;
  if (!(Number.isFinite(delayMs) && delayMs >= 0))
    throw new RangeError(`delayMs must be ≥ 0, got ${delayMs}`);
  if (
    options.status !== undefined &&
    !(Number.isInteger(options.status) && options.status >= 200 && options.status <= 599)
  )
    throw new RangeError(`status must be an HTTP status, got ${options.status}`);

  const server = createServer(async (req, res) => {
    cors(req, res);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && (path === '/v1/models' || path === '/models')) {
      send(
        res,
        200,
        JSON.stringify({ object: 'list', data: [{ id: 'loopback', object: 'model', owned_by: 'vigil' }] }),
      );
      return;
    }
    if (req.method !== 'POST' || !PATHS.has(path)) {
      send(
        res,
        404,
        JSON.stringify({ error: { message: `no route ${req.method} ${path}`, type: 'not_found' } }),
      );
      return;
    }
    let text: string;
    try {
      text = await readBody(req);
    } catch (error) {
      send(
        res,
        413,
        JSON.stringify({ error: { message: (error as Error).message, type: 'invalid_request' } }),
      );
      return;
    }
    const body = parse(text);
    const exchange: LoopbackExchange = {
      method: req.method,
      path,
      headers: req.headers,
      body,
      abortedByClient: false,
    };
    requests.push(body);
    exchanges.push(exchange);
    res.on('close', () => {
      if (!res.writableFinished) exchange.abortedByClient = true;
    });
    options.onRequest?.(exchange);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (res.destroyed) {
      exchange.abortedByClient = true;
      return;
    }
    if (options.status !== undefined && options.status !== 200) {
      send(
        res,
        options.status,
        JSON.stringify({
          error: { message: `loopback answers ${options.status}`, type: 'loopback', code: options.status },
        }),
      );
      return;
    }
    if (typeof body !== 'object' || body === null) {
      send(
        res,
        400,
        JSON.stringify({ error: { message: 'the body is not a JSON object', type: 'invalid_request' } }),
      );
      return;
    }
    let reply: LoopbackAnswer;
    try {
      reply = answer(body);
    } catch (error) {
      send(res, 500, JSON.stringify({ error: { message: (error as Error).message, type: 'loopback' } }));
      return;
    }
    if (typeof reply === 'string')
      send(res, 200, JSON.stringify(chatCompletion(reply, { model: modelOf(body) })));
    else if (typeof (reply as RawAnswer).raw === 'string')
      send(res, 200, (reply as RawAnswer).raw, (reply as RawAnswer).contentType ?? 'application/json');
    else send(res, 200, JSON.stringify(reply));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/v1`,
        port,
        requests,
        exchanges,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
