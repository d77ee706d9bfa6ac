import { describe, expect, test } from 'vitest';
import type { CloudSetup } from '$lib/cloud/setup';
import { inspect } from '$lib/edge/inspect';
import { cloudReadiness } from './cloudReadiness';

const FROM = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const approval = inspect(
  JSON.stringify({
    from: FROM,
    to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
    chainId: 1,
    data: `0x095ea7b3${'4b'.repeat(20).padStart(64, '0')}${'f'.repeat(64)}`,
  }),
);
if (!approval.ok) throw new Error('fixture');
const setup: CloudSetup = {
  config: { baseUrl: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 2000 },
  profile: 'default',
};
const base = { result: approval, online: true, cspAllows: undefined, self: [], salt: new Uint8Array(32) };

describe('cloudReadiness', () => {
  test('each reason the cloud cannot take a request, before anything is built', () => {
    expect(cloudReadiness({ ...base, setup: undefined })).toEqual({
      availability: { available: false, reason: 'not-configured' },
    });
    expect(cloudReadiness({ ...base, setup, online: false }).availability).toEqual({
      available: false,
      reason: 'offline',
    });
    const blocked = cloudReadiness({ ...base, setup, cspAllows: false });
    expect(blocked.availability).toEqual({ available: false, reason: 'blocked-by-csp' });
    expect(blocked.request).toBeUndefined();
  });

  test('a usable setup gives the sanitized request with leak 0; the own account is `self`', () => {
    const ready = cloudReadiness({ ...base, setup, self: [FROM] });
    expect(ready.availability).toEqual({ available: true });
    expect(ready.leak).toBe(0);
    expect(JSON.stringify(ready.request?.body).toLowerCase()).not.toContain(FROM.slice(2).toLowerCase());
  });

  test('the sanitizer refusing (a short salt) is `not-sanitizable` with its reason, and nothing to send', () => {
    const refused = cloudReadiness({ ...base, setup, salt: new Uint8Array(4) });
    expect(refused.availability).toEqual({ available: false, reason: 'not-sanitizable' });
    expect(refused.request).toBeUndefined();
    expect(refused.detail).toMatch(/salt/);
  });
});
