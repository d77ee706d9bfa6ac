import { describe, expect, test, vi } from 'vitest';
import { engineSettingKey, parseEngineSetting, readEngineSetting } from './engineSetting';
import { EngineSettingError } from './errors';

const valid = {
  kind: 'replay',
  loadMs: 3000,
  recordings: [
    { task: 'intent', match: 'swap 100 USDC', text: '{"action":"swap"}' },
    { task: 'verify', text: '{"risk":0.9}', finishReason: 'length', delayMs: 50 },
    { task: 'audit', text: '', error: 'GPU device lost' },
  ],
};

const storage = (value: string | null) => ({
  getItem: (key: string) => (key === engineSettingKey ? value : null),
});

describe('parseEngineSetting', () => {
  test('not set: the real engine', () => {
    expect(parseEngineSetting(null)).toEqual({ kind: 'webllm' });
  });

  test('"webllm" asked for explicitly', () => {
    expect(parseEngineSetting('{"kind":"webllm"}')).toEqual({ kind: 'webllm' });
  });

  test('a replay setting reads whole', () => {
    expect(parseEngineSetting(JSON.stringify(valid))).toEqual(valid);
  });

  test('no recordings is allowed (every completion then says so)', () => {
    expect(parseEngineSetting('{"kind":"replay","recordings":[]}')).toEqual({
      kind: 'replay',
      recordings: [],
    });
  });

  test.each<[string, unknown, string]>([
    ['not an object', [], '$'],
    ['unknown kind', { kind: 'mock' }, '$.kind'],
    ['missing kind', { recordings: [] }, '$.kind'],
    ['recordings not an array', { kind: 'replay', recordings: {} }, '$.recordings'],
    ['recording not an object', { kind: 'replay', recordings: ['hi'] }, '$.recordings[0]'],
    ['unknown task', { kind: 'replay', recordings: [{ task: 'chat', text: '' }] }, '$.recordings[0].task'],
    ['text missing', { kind: 'replay', recordings: [{ task: 'intent' }] }, '$.recordings[0].text'],
    [
      'match not a string',
      { kind: 'replay', recordings: [{ task: 'intent', text: '', match: 1 }] },
      '$.recordings[0].match',
    ],
    [
      'bad finish reason',
      { kind: 'replay', recordings: [{ task: 'intent', text: '', finishReason: 'eos' }] },
      '$.recordings[0].finishReason',
    ],
    [
      'negative delay',
      { kind: 'replay', recordings: [{ task: 'intent', text: '', delayMs: -1 }] },
      '$.recordings[0].delayMs',
    ],
    [
      'delay over the cap',
      { kind: 'replay', recordings: [{ task: 'intent', text: '', delayMs: 1e9 }] },
      '$.recordings[0].delayMs',
    ],
    [
      'empty error',
      { kind: 'replay', recordings: [{ task: 'intent', text: '', error: '' }] },
      '$.recordings[0].error',
    ],
    [
      'a typo (delay)',
      { kind: 'replay', recordings: [{ task: 'intent', text: '', delay: 5 }] },
      '$.recordings[0].delay',
    ],
    ['fractional load time', { kind: 'replay', recordings: [], loadMs: 1.5 }, '$.loadMs'],
    ['webllm with extras', { kind: 'webllm', recordings: [] }, '$.recordings'],
  ])('refuses %s', (_name, value, path) => {
    let thrown: unknown;
    try {
      parseEngineSetting(JSON.stringify(value));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EngineSettingError);
    expect((thrown as EngineSettingError).path).toBe(path);
  });

  test('refuses text that is not JSON', () => {
    expect(() => parseEngineSetting('replay')).toThrow(/^\$: not JSON/);
  });
});

describe('readEngineSetting', () => {
  test('reads the key vigil.llm.engine', () => {
    expect(readEngineSetting(storage(JSON.stringify(valid))).kind).toBe('replay');
  });

  test('nothing stored, or no storage at all: the real engine', () => {
    expect(readEngineSetting(storage(null))).toEqual({ kind: 'webllm' });
    expect(readEngineSetting(undefined)).toEqual({ kind: 'webllm' });
  });

  test('a bad setting is reported, not thrown', () => {
    expect(readEngineSetting(storage('{"kind":"replay"}'))).toEqual({
      kind: 'invalid',
      message: '$.recordings: expected an array',
    });
  });

  test('storage that throws (disabled) counts as not set', () => {
    const throwing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readEngineSetting(throwing)).toEqual({ kind: 'webllm' });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
