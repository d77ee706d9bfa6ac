import { UserRejectedRequestError } from 'viem';
import { describe, expect, test } from 'vitest';
import { classifyWalletConnectError } from './walletConnectError';

const code = (error: unknown, online = true) => classifyWalletConnectError(error, online).code;

describe('classifyWalletConnectError', () => {
  test('offline: the browser says so, or WalletConnect does', () => {
    expect(code(new Error('anything'), false)).toBe('offline');
    expect(
      code(new Error('No internet connection detected. Please restart your network and try again.')),
    ).toBe('offline');
  });

  test('the relay refuses with code 3000: project id, origin, other', () => {
    const closed = (reason: string) =>
      new Error(`WebSocket connection closed abnormally with code: 3000 (${reason})`);
    expect(code(closed('Unauthorized: invalid key'))).toBe('projectId');
    expect(code(closed('Authorization error: Project ID is missing'))).toBe('projectId');
    expect(code(closed('Unauthorized: origin not allowed'))).toBe('origin');
    expect(code(closed('Too many connections'))).toBe('refused');
    expect(classifyWalletConnectError(closed('Too many connections'), true).detail).toContain(
      'Too many connections',
    );
  });

  test('the relay cannot be reached', () => {
    for (const message of [
      "Couldn't establish socket connection to the relay server: wss://relay.walletconnect.org",
      'WebSocket connection failed for host: wss://relay.walletconnect.org',
      'Socket stalled when trying to connect to wss://relay.walletconnect.org',
      'Failed to publish custom payload, please try again. id:1 tag:undefined',
      'Connection interrupted while trying to connect',
      'The relay closed the connection.',
    ])
      expect(code(new Error(message)), message).toBe('relay');
  });

  test('the wallet declined, wrapped as wagmi wraps it', () => {
    expect(code(new UserRejectedRequestError(new Error('User rejected.')))).toBe('rejected');
    expect(code(new Error('outer', { cause: new Error('User rejected methods.') }))).toBe('rejected');
  });

  test('expired, not loadable, anything else', () => {
    expect(code(new Error('Proposal expired'))).toBe('expired');
    expect(code(new TypeError('Failed to fetch dynamically imported module: /_app/x.js'))).toBe('load');
    expect(code(new Error('Something odd'))).toBe('other');
    expect(code('a string')).toBe('other');
    expect(code({ message: 'Proposal expired' })).toBe('expired');
    expect(code(undefined)).toBe('other');
  });

  test('the detail is the first message, cut short', () => {
    const long = new Error('x'.repeat(10_000));
    expect(classifyWalletConnectError(long, true).detail).toHaveLength(300);
  });
});
