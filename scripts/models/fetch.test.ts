import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseManifest } from '../../src/lib/verifier/manifest';
import { DownloadError, describeFsError } from './download';
import { type FakeRepo, mlcRepo, startFakeRepo } from './fakeRepo';
import { FetchModelError, fetchModel } from './fetchModel';

const run = promisify(execFile);
const id = 'Tiny-q4f32_1-MLC';
const repoPath = '/mlc-ai/Tiny-q4f32_1-MLC/resolve/main/';

let server: FakeRepo;
let out: string;

/** The manifest (https URLs, as required) and the local server's URLs passed as --base/--lib. */
const manifestFor = (url: string) => ({
  manifest: parseManifest({
    version: 1,
    roles: { nano: { preferred: id }, verifier: { preferred: id } },
    models: [
      {
        id,
        label: 'Tiny',
        quantization: 'q4f32_1',
        requiredFeatures: [],
        vramMB: 10,
        modelLib: 'Tiny-q4f32_1-webgpu.wasm',
        public: {
          model: 'https://huggingface.co/mlc-ai/Tiny-q4f32_1-MLC',
          modelLib: 'https://example.org/libs/Tiny-q4f32_1-webgpu.wasm',
        },
      },
    ],
  }),
  base: `${url}/mlc-ai/Tiny-q4f32_1-MLC`,
  lib: `${url}/libs/Tiny-q4f32_1-webgpu.wasm`,
});

const fetchFrom = (extra: Partial<Parameters<typeof fetchModel>[0]> = {}) =>
  fetchModel({ id, outDir: out, ...manifestFor(server.url), ...extra });

const local = (file: string) => join(out, id, 'resolve', 'main', file);

async function start(files = mlcRepo()): Promise<void> {
  server = await startFakeRepo(files);
}

beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'vigil-models-'));
});

afterEach(async () => {
  await server?.close();
  await rm(out, { recursive: true, force: true });
});

describe('fetchModel against a local HTTP server', () => {
  test('downloads config, index, shards, tokenizer and library into the self-hosting layout', async () => {
    await start();
    const progress: string[] = [];
    const result = await fetchFrom({ onProgress: (p) => progress.push(`${p.file}:${p.loaded}/${p.total}`) });
    for (const [path, file] of server.files) {
      const dest = path.startsWith('/libs/')
        ? join(out, id, 'Tiny-q4f32_1-webgpu.wasm')
        : local(path.slice(repoPath.length));
      expect(await readFile(dest), path).toEqual(file.body);
    }
    expect(result.files).toHaveLength(7);
    expect(result.totalBytes).toBe([...server.files.values()].reduce((n, f) => n + f.body.length, 0));
    expect(progress).toContain('params_shard_0.bin:70000/70000');
    expect(result.integrity.config).toMatch(/^sha256-[A-Za-z0-9+/]+=*$/);
    expect(Object.keys(result.integrity.tokenizer)).toEqual(['tokenizer.json', 'tokenizer_config.json']);
  });

  test('a second run skips every complete file', async () => {
    await start();
    await fetchFrom();
    server.log.length = 0;
    const again = await fetchFrom();
    expect(again.files.every((f) => f.skipped)).toBe(true);
    expect(server.log.filter((l) => l.startsWith('GET'))).toEqual([]);
  });

  test('an interrupted download fails clearly, leaves a .part, and the next run resumes with Range', async () => {
    await start();
    server.cutAfter.set(`${repoPath}params_shard_0.bin`, 30_000);
    const error = await fetchFrom().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).kind).toBe('interrupted');
    expect((error as Error).message).toMatch(/params_shard_0\.bin .*Run again to resume/);
    const partial = (await stat(`${local('params_shard_0.bin')}.part`)).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(70_000);

    server.log.length = 0;
    await fetchFrom();
    expect(server.log).toContain(`GET ${repoPath}params_shard_0.bin bytes=${partial}-`);
    expect(await readFile(local('params_shard_0.bin'))).toEqual(
      server.files.get(`${repoPath}params_shard_0.bin`)?.body,
    );
    await expect(stat(`${local('params_shard_0.bin')}.part`)).rejects.toThrow(/ENOENT/);
  });

  test('a shard of the wrong size fails and is not kept', async () => {
    const files = mlcRepo();
    const shard = files.get(`${repoPath}params_shard_1.bin`);
    if (!shard) throw new Error('no shard');
    shard.body = shard.body.subarray(0, 40_000);
    await start(files);
    const error = (await fetchFrom().catch((e: unknown) => e)) as DownloadError;
    expect(error.kind).toBe('size');
    expect(error.message).toBe(
      'Size mismatch for params_shard_1.bin: the index lists 50000 bytes, the server has 40000.',
    );
    await expect(stat(local('params_shard_1.bin'))).rejects.toThrow(/ENOENT/);
  });

  test('a shard whose MD5 differs from the index fails and is removed', async () => {
    const files = mlcRepo();
    const shard = files.get(`${repoPath}params_shard_1.bin`);
    if (!shard) throw new Error('no shard');
    shard.body = Buffer.from(shard.body).fill(7, 0, 10);
    await start(files);
    const error = (await fetchFrom().catch((e: unknown) => e)) as DownloadError;
    expect(error.kind).toBe('checksum');
    expect(error.message).toMatch(
      /^Checksum mismatch for params_shard_1\.bin: expected MD5 [0-9a-f]{32}, got [0-9a-f]{32}/,
    );
    await expect(stat(local('params_shard_1.bin'))).rejects.toThrow(/ENOENT/);
    await expect(stat(`${local('params_shard_1.bin')}.part`)).rejects.toThrow(/ENOENT/);
  });

  test('a damaged complete file is fetched again', async () => {
    await start();
    await fetchFrom();
    await writeFile(local('params_shard_0.bin'), Buffer.alloc(70_000));
    server.log.length = 0;
    await fetchFrom();
    expect(server.log).toContain(`GET ${repoPath}params_shard_0.bin`);
    expect(await readFile(local('params_shard_0.bin'))).toEqual(
      server.files.get(`${repoPath}params_shard_0.bin`)?.body,
    );
  });

  test('an older build with ndarray-cache.json: fetched, and copied as tensor-cache.json for web-llm', async () => {
    await start(mlcRepo({ indexName: 'ndarray-cache.json' }));
    await fetchFrom();
    expect(await readFile(local('tensor-cache.json'), 'utf8')).toBe(
      await readFile(local('ndarray-cache.json'), 'utf8'),
    );
    expect(await readFile(local('params_shard_1.bin'))).toHaveLength(50_000);
  });

  test('a missing file is an HTTP error naming its URL', async () => {
    const files = mlcRepo();
    files.delete(`${repoPath}tokenizer.json`);
    await start(files);
    const error = (await fetchFrom().catch((e: unknown) => e)) as DownloadError;
    expect(error.kind).toBe('http');
    expect(error.message).toBe(`HTTP 404 for ${server.url}${repoPath}tokenizer.json`);
  });

  test('no server at all: a network error naming the host', async () => {
    await start();
    const url = server.url;
    await server.close();
    const error = (await fetchModel({ id, outDir: out, ...manifestFor(url) }).catch(
      (e: unknown) => e,
    )) as DownloadError;
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(
      /^Could not reach 127\.0\.0\.1:\d+ for .*mlc-chat-config\.json \(ECONNREFUSED\)\. Is there a network connection\?$/,
    );
  });

  test('an id the manifest lacks', async () => {
    await start();
    await expect(fetchFrom({ id: 'Nope-MLC' })).rejects.toThrow(FetchModelError);
    await expect(fetchFrom({ id: 'Nope-MLC' })).rejects.toThrow(
      /No model Nope-MLC in the manifest\. Known: Tiny-q4f32_1-MLC/,
    );
  });

  test('an index naming a path outside the folder is refused', async () => {
    const files = mlcRepo();
    files.set(`${repoPath}tensor-cache.json`, {
      body: Buffer.from(JSON.stringify({ records: [{ dataPath: '../../etc/passwd', nbytes: 1 }] })),
    });
    await start(files);
    await expect(fetchFrom()).rejects.toThrow(/is not a plain relative file path/);
  });
});

test('a full disk is said in words', () => {
  const error = describeFsError(
    Object.assign(new Error('no space'), { code: 'ENOSPC' }),
    '/x/params_shard_0.bin.part',
  );
  expect(error.kind).toBe('disk');
  expect(error.message).toBe(
    'The disk is full while writing /x/params_shard_0.bin.part: free some space and run again to resume.',
  );
});

describe('the command', () => {
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/models/fetch.ts', ...args], { timeout: 30_000 }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  test('--help', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run models:fetch -- <model id>/);
  });

  test('no id: usage, exit 2', async () => {
    const { code, stderr } = await cli();
    expect(code).toBe(2);
    expect(stderr).toMatch(/Give exactly one model id/);
  });

  test('downloads from --base/--lib and prints the record’s size and hashes', async () => {
    await start();
    const manifest = join(out, 'manifest.json');
    await writeFile(manifest, JSON.stringify(manifestFor(server.url).manifest));
    const { code, stdout, stderr } = await cli(
      id,
      '--manifest',
      manifest,
      '--out',
      out,
      '--base',
      `${server.url}/mlc-ai/Tiny-q4f32_1-MLC`,
      '--lib',
      `${server.url}/libs/Tiny-q4f32_1-webgpu.wasm`,
    );
    expect(stderr).toMatch(/Done: 7 files/);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { downloadBytes: number; integrity: { modelLib: string } };
    expect(printed.downloadBytes).toBeGreaterThan(120_000);
    expect(printed.integrity.modelLib).toMatch(/^sha256-/);
  });

  test('a 404 exits 1 with the URL, no stack trace', async () => {
    await start(new Map());
    const manifest = join(out, 'manifest.json');
    await writeFile(manifest, JSON.stringify(manifestFor(server.url).manifest));
    const { code, stderr } = await cli(
      id,
      '--manifest',
      manifest,
      '--out',
      out,
      '--base',
      `${server.url}/nothing`,
      '--lib',
      `${server.url}/x.wasm`,
    );
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `Fetching ${id} from ${server.url}/nothing/resolve/main/ into ${join(out, id)}\nmodels:fetch: HTTP 404 for ${server.url}/nothing/resolve/main/mlc-chat-config.json`,
    );
  });
});
