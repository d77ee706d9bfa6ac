import { describe, expect, test } from 'vitest';
import { en } from '$lib/i18n/en';
import { interpolate } from '$lib/i18n/i18n.svelte';
import { zh } from '$lib/i18n/zh';
import type { ProbeNote, UnavailableReason } from './probe';
import { formatDuration, formatSize, missingWords, noteWords, reasonWords, type Translate } from './words';

const tEn: Translate = (key, params) => interpolate(en[key], params);
const tZh: Translate = (key, params) => interpolate(zh[key], params);

const reasons: UnavailableReason[] = [
  { code: 'noWebGPU' },
  { code: 'noAdapter' },
  { code: 'noAdapter', detail: 'GPU process unavailable' },
  { code: 'limits', limit: 'maxBufferSize', have: 128 * 2 ** 20, need: 256 * 2 ** 20 },
  { code: 'limits', limit: 'maxStorageBuffersPerShaderStage', have: 8, need: 10 },
  { code: 'shaderF16', model: 'X-q4f16_1-MLC' },
  { code: 'memory', model: 'Qwen3-4B-q4f32_1-MLC', needMB: 4327.71, haveGiB: 4 },
  { code: 'storage', model: 'A', needBytes: 5e8, freeBytes: 1e8 },
  { code: 'noModel', model: 'gone' },
  { code: 'manifest', message: '$.models[0].id: expected a non-empty string' },
  { code: 'setting', message: '$: not JSON' },
];

const notes: ProbeNote[] = [
  { code: 'software' },
  { code: 'f32Fallback', preferred: 'Qwen3-0.6B-q4f16_1-MLC' },
  { code: 'memoryTight', needMB: 3431.59, haveGiB: 4 },
];

describe('reasonWords', () => {
  test.each(reasons.map((r) => [JSON.stringify(r), r] as const))(
    '%s reads in English and Chinese',
    (_name, reason) => {
      for (const [t, locale] of [
        [tEn, 'en'],
        [tZh, 'zh'],
      ] as const) {
        const words = reasonWords(reason, t, locale);
        expect(words).not.toMatch(/[{}]/);
        expect(words.length).toBeGreaterThan(10);
      }
    },
  );

  test('no adapter, with what the browser said', () => {
    expect(reasonWords({ code: 'noAdapter', detail: 'GPU blocked' }, tEn, 'en')).toBe(
      'WebGPU is present but the browser gave no GPU adapter: there is no usable GPU, it is blocked, or software rendering is disabled. The browser said: GPU blocked',
    );
  });

  test('memory, with sizes', () => {
    expect(reasonWords({ code: 'memory', model: 'M', needMB: 4327.71, haveGiB: 4 }, tEn, 'en')).toBe(
      'M needs about 4.5 GB of GPU memory; this device reports only 4.3 GB of memory in all (navigator.deviceMemory).',
    );
  });

  test('a count limit is not shown as bytes', () => {
    expect(
      reasonWords({ code: 'limits', limit: 'maxStorageBuffersPerShaderStage', have: 8, need: 10 }, tEn, 'en'),
    ).toBe('The GPU adapter’s maxStorageBuffersPerShaderStage is 8; web-llm needs at least 10.');
  });
});

test.each(notes.map((n) => [n.code, n] as const))('note %s reads in both languages', (_name, note) => {
  expect(noteWords(note, tEn, 'en')).not.toMatch(/[{}]/);
  expect(noteWords(note, tZh, 'zh')).not.toMatch(/[{}]/);
});

describe('missingWords', () => {
  test('names the file, not the whole URL', () => {
    expect(
      missingWords(
        {
          url: 'http://127.0.0.1:4173/models/Q/resolve/main/mlc-chat-config.json',
          problem: 'status',
          status: 404,
        },
        tEn,
      ),
    ).toBe('mlc-chat-config.json is missing (HTTP 404).');
  });

  test('a network failure and a web page', () => {
    expect(
      missingWords(
        { url: 'https://hf.co/x/tensor-cache.json', problem: 'network', message: 'Failed to fetch' },
        tEn,
      ),
    ).toBe('tensor-cache.json is missing (could not be reached: Failed to fetch).');
    expect(missingWords({ url: 'https://v.example/models/x/lib.wasm', problem: 'html' }, tEn)).toBe(
      'lib.wasm is missing (the server sent a web page instead).',
    );
  });
});

describe('formatting', () => {
  test('sizes', () => {
    expect(formatSize(1924.98 * 2 ** 20, 'en')).toBe('2 GB');
    expect(formatSize(340 * 2 ** 20, 'en')).toBe('357 MB');
  });

  test('durations', () => {
    expect(formatDuration(45, 'en')).toBe('45s');
    expect(formatDuration(150, 'en')).toBe('3m');
    expect(formatDuration(3900, 'en')).toBe('1h 5m');
  });
});
