import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  CloudOriginsError,
  cspChains,
  cspDirectives,
  readCloudOrigins,
  serializePolicy,
} from '../../../csp.config.js';
import { requiredFiles } from '../verifier/loadModel';
import { modelSources, readManifest } from '../verifier/manifest';
import { walletChains } from '../wallet/chains';
import { connectAllowed } from './csp';

/*
 * The policy the build writes (csp.config.js), read through connectAllowed: what it lets the page
 * reach, what it keeps out, and that its lists follow the code that needs them.
 */

const policy = serializePolicy(cspDirectives());
// Served by `npm start` / Playwright, and from a real https deployment.
const origins = ['http://127.0.0.1:4173', 'https://vigil.example'];
const allowed = (url: string) => origins.every((origin) => connectAllowed(policy, url, origin));
const blocked = (url: string) => origins.every((origin) => !connectAllowed(policy, url, origin));

describe('the wallet chains', () => {
  test('csp.config.js names exactly the chains of walletChains', () => {
    const ids = (chains: readonly { id: number }[]) => chains.map((c) => c.id).sort((a, b) => a - b);
    expect(ids(cspChains)).toEqual(ids(walletChains));
  });

  test.each(walletChains.map((chain) => [chain.name, chain.rpcUrls.default.http[0] as string]))(
    '%s: its default RPC URL %s is allowed',
    (_, url) => {
      expect(allowed(url)).toBe(true);
    },
  );
});

describe('what the page may reach', () => {
  test.each([
    ['this site', '/models/manifest.json'],
    ['a vLLM server on this machine', 'http://127.0.0.1:8000/v1/chat/completions'],
    ['an SGLang server on localhost', 'http://localhost:30000/v1/chat/completions'],
    ['the loopback cloud stand-in', 'http://127.0.0.1:8787/v1/chat/completions'],
    ['anvil', 'http://127.0.0.1:8545/'],
    ['an https server on this machine (an http source allows the upgrade)', 'https://127.0.0.1:8000/v1'],
    ['WalletConnect’s relay', 'wss://relay.walletconnect.org/?auth=x&projectId=0123'],
    ['WalletConnect’s bundler status', 'https://rpc.walletconnect.org/v1/bundler?projectId=1&chainId=1'],
  ])('%s', (_, url) => {
    for (const origin of origins)
      expect(connectAllowed(policy, new URL(url, origin).href, origin)).toBe(true);
  });

  test('every file the main thread checks of a public model build', () => {
    const manifest = readManifest(readFileSync('static/models/manifest.json', 'utf8'));
    const urls = manifest.models
      .flatMap((model) => modelSources(model, 'https://vigil.example'))
      .filter((source) => source.kind === 'public')
      .flatMap((source) => requiredFiles(source));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(allowed(url), url).toBe(true);
  });

  test('every relay WalletConnect’s code can open, and its default RPC service', () => {
    const text = ['core', 'sign-client', 'universal-provider']
      .map((p) => readFileSync(`node_modules/@walletconnect/${p}/dist/index.js`, 'utf8'))
      .join('\n');
    const relays = [...new Set(text.match(/wss:\/\/[a-z0-9.-]+/g))];
    expect(relays.length).toBeGreaterThan(0);
    for (const relay of relays) expect(allowed(`${relay}/?projectId=1`), relay).toBe(true);
    const rpc = /"(https:\/\/rpc\.[a-z0-9.-]+\/v1\/)"/.exec(text)?.[1];
    expect(rpc).toBeDefined();
    expect(allowed(`${rpc}?chainId=eip155:1&projectId=1`)).toBe(true);
  });
});

describe('what it keeps out', () => {
  test.each([
    ['any other site', 'https://example.com/'],
    ['a plain-http model host', 'http://huggingface.co/mlc-ai/x'],
    ['a subdomain of an allowed host', 'https://evil.huggingface.co/'],
    ['another machine on the LAN', 'http://192.168.1.5:8000/v1'],
    ['WalletConnect telemetry (off)', 'https://pulse.walletconnect.org/batch'],
    ['WalletConnect push (wallets only)', 'https://echo.walletconnect.com/x/clients'],
    [
      'Verify’s public key (wallets check attestations, dApps do not)',
      'https://verify.walletconnect.org/v3/public-key',
    ],
    ['the other Verify host (not the default)', 'https://verify.walletconnect.com/v3/public-key'],
    ['Reown’s API', 'https://api.web3modal.org/getWallets'],
  ])('%s', (_, url) => {
    expect(blocked(url)).toBe(true);
  });
});

describe('the policy itself', () => {
  const directives = cspDirectives();

  test('scripts: this site only, no inline script, no eval, no third-party origin', () => {
    expect(directives['script-src']).toEqual(['self', 'wasm-unsafe-eval']);
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  test('style-src keeps unsafe-inline working: no hash or nonce beside it', () => {
    expect(directives['style-src']).toEqual(['self', 'unsafe-inline']);
  });

  test('no plugins, no <base> elsewhere, forms stay here, frames only for WalletConnect Verify', () => {
    expect(directives['object-src']).toEqual(['none']);
    expect(directives['base-uri']).toEqual(['self']);
    expect(directives['form-action']).toEqual(['self']);
    expect(directives['frame-src']).toEqual(['https://verify.walletconnect.org']);
  });

  test('nothing a meta tag cannot carry', () => {
    for (const name of ['frame-ancestors', 'report-uri', 'sandbox'])
      expect(directives).not.toHaveProperty(name);
  });

  test('every connect-src entry is a keyword or an origin, with no path', () => {
    for (const source of directives['connect-src'] ?? [])
      expect(source, source).toMatch(/^(self|(https|http|wss):\/\/[a-z0-9.-]+(:(\d+|\*))?)$/);
  });

  test('cloud origins join connect-src', () => {
    const withCloud = serializePolicy(cspDirectives({ cloudOrigins: ['https://api.example.com'] }));
    expect(
      connectAllowed(withCloud, 'https://api.example.com/v1/chat/completions', origins[0] as string),
    ).toBe(true);
    expect(connectAllowed(policy, 'https://api.example.com/v1/chat/completions', origins[0] as string)).toBe(
      false,
    );
  });
});

describe('VIGIL_CLOUD_ORIGINS', () => {
  test.each<[string | undefined, string[]]>([
    [undefined, []],
    ['', []],
    ['  ', []],
    ['https://api.example.com', ['https://api.example.com']],
    ['https://api.example.com/', ['https://api.example.com']],
    [
      ' https://API.Example.com:443 , https://llm.example.org:8443',
      ['https://api.example.com', 'https://llm.example.org:8443'],
    ],
    ['https://a.example,https://a.example/', ['https://a.example']],
    ['https://192.168.1.5:8000', ['https://192.168.1.5:8000']],
    ['https://bücher.example', ['https://xn--bcher-kva.example']],
  ])('%j → %j', (value, expected) => {
    expect(readCloudOrigins(value)).toEqual(expected);
  });

  test.each([
    [
      'http://api.example.com',
      'VIGIL_CLOUD_ORIGINS entry 1 of 1, "http://api.example.com": must be https://',
    ],
    [
      'https://api.example.com/v1',
      'must be an origin only, e.g. https://api.example.com (no path, query or fragment)',
    ],
    ['https://api.example.com?x=1', 'must be an origin only'],
    ['https://api.example.com/?', 'must be an origin only'],
    ['https://api.example.com#', 'must be an origin only'],
    ['https://*.example.com', 'wildcards are not accepted'],
    ['https://user:pw@api.example.com', 'must not contain a user name or password'],
    ['api.example.com', 'is not a URL; expected e.g. https://api.example.com'],
    ['https://a.example,,https://b.example', 'VIGIL_CLOUD_ORIGINS entry 2 of 3 is empty'],
    ['https://a.example,', 'entry 2 of 2 is empty'],
    ['wss://relay.example', 'must be https://'],
    ['https://a.example ; https://b.example', 'is not a URL'],
  ])('%j is refused', (value, message) => {
    expect(() => readCloudOrigins(value)).toThrow(CloudOriginsError);
    expect(() => readCloudOrigins(value)).toThrow(message);
  });
});

describe('svelte.config.js', () => {
  const saved = process.env.VIGIL_CLOUD_ORIGINS;
  afterEach(() => {
    if (saved === undefined) delete process.env.VIGIL_CLOUD_ORIGINS;
    else process.env.VIGIL_CLOUD_ORIGINS = saved;
    vi.resetModules();
  });

  test('the build’s kit.csp: hash mode, these directives, the cloud origins from the environment', async () => {
    process.env.VIGIL_CLOUD_ORIGINS = 'https://api.example.com';
    vi.resetModules();
    const { default: config } = await import('../../../svelte.config.js');
    expect(config.kit?.csp?.mode).toBe('hash');
    expect(config.kit?.csp?.directives).toEqual(cspDirectives({ cloudOrigins: ['https://api.example.com'] }));
  });

  test('a bad VIGIL_CLOUD_ORIGINS stops the build', async () => {
    process.env.VIGIL_CLOUD_ORIGINS = 'http://api.example.com';
    vi.resetModules();
    await expect(import('../../../svelte.config.js')).rejects.toThrow(/VIGIL_CLOUD_ORIGINS entry 1 of 1/);
  });
});
