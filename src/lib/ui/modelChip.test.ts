import { describe, expect, test } from 'vitest';
import { parseModel } from '$lib/verifier/manifest';
import type { RoleStatus } from '$lib/verifier/roleStatus';
import { chipState } from './modelChip';

const model = parseModel({
  id: 'M-q4f32_1-MLC',
  label: 'M',
  quantization: 'q4f32_1',
  requiredFeatures: [],
  vramMB: 100,
  modelLib: 'm.wasm',
});
const webllm = { kind: 'webllm' } as const;
const idle: RoleStatus = { status: 'idle', model, notes: [] };
const ready: RoleStatus = { status: 'ready', model, notes: [], source: 'self-hosted' };
const unavailable: RoleStatus = { status: 'unavailable', reason: { code: 'noAdapter' } };
const loading = (percent: number): RoleStatus => ({
  status: 'downloading',
  model,
  notes: [],
  progress: { phase: 'download', fraction: percent / 100, percent, text: '', samples: [] },
});

describe('chipState', () => {
  test.each<[string, RoleStatus, RoleStatus, unknown]>([
    ['both probing', { status: 'probing' }, { status: 'probing' }, { tone: 'neutral', state: 'checking' }],
    ['both unavailable', unavailable, unavailable, { tone: 'neutral', state: 'unavailable' }],
    ['nothing loaded', idle, idle, { tone: 'neutral', state: 'off' }],
    ['one unavailable, one idle', unavailable, idle, { tone: 'neutral', state: 'off' }],
    ['both ready', ready, ready, { tone: 'ok', state: 'ready' }],
    ['one ready', ready, idle, { tone: 'ok', state: 'partly', ready: 1, total: 2 }],
    [
      'loading: the slower one counts',
      loading(80),
      loading(20),
      { tone: 'accent', state: 'loading', percent: 20 },
    ],
    [
      'a failure',
      { status: 'error', model, notes: [], failure: { message: 'x', attempts: [] } },
      ready,
      { tone: 'danger', state: 'error' },
    ],
  ])('%s', (_name, nano, verifier, expected) => {
    expect(chipState(webllm, { nano, verifier })).toEqual(expected);
  });

  test('replay is always said', () => {
    expect(chipState({ kind: 'replay', recordings: [] }, { nano: ready, verifier: ready })).toEqual({
      tone: 'warn',
      state: 'replay',
    });
  });
});
