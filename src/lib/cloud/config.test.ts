import { describe, expect, test } from 'vitest';
import { CloudConfigError, checkCloudConfig, completionsUrl } from './config';

describe('completionsUrl', () => {
  test.each([
    ['https://api.example.com/v1', 'https://api.example.com/v1/chat/completions'],
    ['https://api.example.com/v1/', 'https://api.example.com/v1/chat/completions'],
    ['http://127.0.0.1:8000/v1', 'http://127.0.0.1:8000/v1/chat/completions'],
    ['http://localhost:30000/v1', 'http://localhost:30000/v1/chat/completions'],
    ['http://[::1]:8000', 'http://[::1]:8000/chat/completions'],
  ])('%s', (base, url) => {
    expect(completionsUrl(base).href).toBe(url);
  });

  test.each([
    ['http://api.example.com/v1', /must use https/],
    ['http://192.168.1.5:8000/v1', /must use https/],
    ['http://127.0.0.1.example.com/v1', /must use https/],
    ['ftp://127.0.0.1/v1', /must use https/],
    ['javascript:alert(1)', /must use https/],
    ['https://user:secret@api.example.com/v1', /must not contain credentials/],
    ['https://api.example.com/v1?key=secret', /query or a fragment/],
    ['not a url', /not a URL/],
  ])('refuses %s', (base, message) => {
    expect(() => completionsUrl(base)).toThrow(CloudConfigError);
    expect(() => completionsUrl(base)).toThrow(message);
  });
});

describe('checkCloudConfig', () => {
  const ok = { baseUrl: 'https://api.example.com/v1', model: 'dmind-3', timeoutMs: 5000 };
  test('a good configuration', () => {
    expect(checkCloudConfig(ok).href).toBe('https://api.example.com/v1/chat/completions');
    expect(() => checkCloudConfig({ ...ok, apiKey: '' })).not.toThrow();
    expect(() => checkCloudConfig({ ...ok, apiKey: 'sk-abc123' })).not.toThrow();
  });
  test.each([
    ['an empty model', { ...ok, model: ' ' }],
    ['a key with a newline', { ...ok, apiKey: 'sk\r\nx-evil: 1' }],
    ['a key with a space', { ...ok, apiKey: 'sk abc' }],
    ['a zero timeout', { ...ok, timeoutMs: 0 }],
    ['an infinite timeout', { ...ok, timeoutMs: Number.POSITIVE_INFINITY }],
    ['a NaN timeout', { ...ok, timeoutMs: Number.NaN }],
  ])('refuses %s', (_, config) => {
    expect(() => checkCloudConfig(config)).toThrow(CloudConfigError);
  });
});
