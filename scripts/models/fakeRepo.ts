import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 serving a tiny MLC repository layout (config, weight index,
 * shards, tokenizer, model library), with HTTP Range support and switches to misbehave: cut a
 * response short, serve a file of the wrong size, 404 a file. For the fetch script's tests.
 */

export type FakeFile = { body: Buffer; contentType?: string };

export type FakeRepo = {
  readonly url: string;
  readonly files: Map<string, FakeFile>;
  /** Every request as `METHOD path [range]`. */
  readonly log: string[];
  /** Paths whose next GET is cut off after this many bytes (the connection is destroyed). */
  readonly cutAfter: Map<string, number>;
  close(): Promise<void>;
};

/** Deterministic bytes. */
export function bytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export const md5 = (b: Buffer): string => createHash('md5').update(b).digest('hex');

/** The files of a small MLC build at `/<repo>/resolve/main/` and its library at `/libs/<lib>`. */
export function mlcRepo(options: { indexName?: string; md5sums?: boolean } = {}): Map<string, FakeFile> {
  const shard0 = bytes(70_000, 1);
  const shard1 = bytes(50_000, 2);
  const index = {
    metadata: { ParamSize: 2, ParamBytes: 120_000, BitsPerParam: 4 },
    records: [
      {
        dataPath: 'params_shard_0.bin',
        format: 'raw-shard',
        nbytes: shard0.length,
        records: [],
        ...(options.md5sums !== false && { md5sum: md5(shard0) }),
      },
      {
        dataPath: 'params_shard_1.bin',
        format: 'raw-shard',
        nbytes: shard1.length,
        records: [],
        ...(options.md5sums !== false && { md5sum: md5(shard1) }),
      },
    ],
  };
  const base = '/mlc-ai/Tiny-q4f32_1-MLC/resolve/main/';
  const json = (value: unknown): FakeFile => ({
    body: Buffer.from(JSON.stringify(value)),
    contentType: 'application/json',
  });
  return new Map<string, FakeFile>([
    [
      `${base}mlc-chat-config.json`,
      json({ model_type: 'qwen3', tokenizer_files: ['tokenizer.json', 'tokenizer_config.json'] }),
    ],
    [`${base}${options.indexName ?? 'tensor-cache.json'}`, json(index)],
    [`${base}params_shard_0.bin`, { body: shard0 }],
    [`${base}params_shard_1.bin`, { body: shard1 }],
    [`${base}tokenizer.json`, json({ model: { vocab: { a: 0 } } })],
    [`${base}tokenizer_config.json`, json({ eos_token: '<|im_end|>' })],
    [
      '/libs/Tiny-q4f32_1-webgpu.wasm',
      { body: Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d]), bytes(3_000, 3)]) },
    ],
  ]);
}

function range(
  request: IncomingMessage,
  size: number,
): { start: number; end: number } | 'invalid' | undefined {
  const header = request.headers.range;
  if (!header) return undefined;
  const match = /^bytes=(\d+)-(\d*)$/.exec(header);
  if (!match?.[1]) return 'invalid';
  const start = Number(match[1]);
  const end = match[2] ? Number(match[2]) : size - 1;
  return start >= size || end < start ? 'invalid' : { start, end: Math.min(end, size - 1) };
}

/** Starts the server on an ephemeral port of 127.0.0.1. */
export async function startFakeRepo(files: Map<string, FakeFile>): Promise<FakeRepo> {
  const log: string[] = [];
  const cutAfter = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    log.push(`${request.method} ${path}${request.headers.range ? ` ${request.headers.range}` : ''}`);
    const file = files.get(path);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const size = file.body.length;
    const type = file.contentType ?? 'application/octet-stream';
    const r = range(request, size);
    if (r === 'invalid') {
      response.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      return;
    }
    const start = r?.start ?? 0;
    const end = r?.end ?? size - 1;
    const headers = {
      'content-type': type,
      'content-length': String(end - start + 1),
      'accept-ranges': 'bytes',
      ...(r && { 'content-range': `bytes ${start}-${end}/${size}` }),
    };
    response.writeHead(r ? 206 : 200, headers);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const cut = cutAfter.get(path);
    if (cut !== undefined && request.method === 'GET') {
      cutAfter.delete(path);
      response.write(file.body.subarray(start, start + cut), () => {
        // Let the bytes reach the client, then drop the connection mid-body.
        setTimeout(() => response.socket?.destroy(), 20);
      });
      return;
    }
    response.end(file.body.subarray(start, end + 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    files,
    log,
    cutAfter,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
