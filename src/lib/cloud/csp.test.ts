import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CspUrlError, connectAllowed } from './csp';

const self = 'https://vigil.example';

describe('which directive', () => {
  test.each<[string, string, string, boolean]>([
    ['no policy at all', '', 'https://a.com/', true],
    ['no fetch directive', "script-src 'self'; img-src *", 'https://a.com/', true],
    ['default-src when there is no connect-src', "default-src 'self'", 'https://a.com/', false],
    ['default-src allows this origin', "default-src 'self'", `${self}/x`, true],
    [
      'connect-src wins over default-src',
      "default-src 'none'; connect-src https://a.com",
      'https://a.com/',
      true,
    ],
    ['connect-src narrower than default-src', "default-src *; connect-src 'self'", 'https://a.com/', false],
    [
      'the first of a repeated directive wins',
      'connect-src https://a.com; connect-src https://b.com',
      'https://b.com/',
      false,
    ],
    ['names are case-insensitive', 'CONNECT-SRC https://a.com', 'https://a.com/', true],
    ['a directive without sources allows nothing', 'connect-src', `${self}/`, false],
    ["'none' alone allows nothing", "connect-src 'none'", `${self}/`, false],
    ["'none' among other sources is ignored", "connect-src 'none' https://a.com", 'https://a.com/', true],
    ['empty directives are skipped', ';; ;connect-src https://a.com;;', 'https://a.com/', true],
    ['whitespace around and between', '\t connect-src\n https://a.com \f', 'https://a.com/', true],
  ])('%s', (_, policy, url, expected) => {
    expect(connectAllowed(policy, url, self)).toBe(expected);
  });
});

describe('keywords', () => {
  test.each<[string, string, string, string, boolean]>([
    [
      "'self': same origin",
      "connect-src 'self'",
      'http://127.0.0.1:4173',
      'http://127.0.0.1:4173/api?x=1',
      true,
    ],
    ["'self': another port", "connect-src 'self'", 'http://127.0.0.1:4173', 'http://127.0.0.1:4174/', false],
    ["'self': another host", "connect-src 'self'", 'http://127.0.0.1:4173', 'http://localhost:4173/', false],
    [
      "'self': ws to the same host and port",
      "connect-src 'self'",
      'http://127.0.0.1:4173',
      'ws://127.0.0.1:4173/hmr',
      true,
    ],
    [
      "'self': upgraded to https",
      "connect-src 'self'",
      'http://127.0.0.1:4173',
      'https://127.0.0.1:4173/',
      true,
    ],
    ["'self': https page, wss socket", "connect-src 'self'", self, 'wss://vigil.example/s', true],
    ["'self': https page, no downgrade to http", "connect-src 'self'", self, 'http://vigil.example/', false],
    ["'self': https page, no ws", "connect-src 'self'", self, 'ws://vigil.example/', false],
    ["'SELF' in capitals", "connect-src 'SELF'", self, `${self}/`, true],
    ['self without quotes is a host name', 'connect-src self', self, `${self}/`, false],
    ['self without quotes matches a host called self', 'connect-src self', self, 'https://self/', true],
    [
      'script keywords, hashes and nonces match no URL',
      "connect-src 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' 'sha256-abc=' 'nonce-x'",
      self,
      `${self}/`,
      false,
    ],
    ["'*': any http(s) URL", 'connect-src *', self, 'http://a.com:8080/', true],
    ["'*': an IP address too", 'connect-src *', self, 'http://10.0.0.1/', true],
    ["'*': not data:", 'connect-src *', self, 'data:text/plain,hi', false],
    ["'*': not ws: from an https page", 'connect-src *', self, 'ws://a.com/', false],
  ])('%s', (_, policy, origin, url, expected) => {
    expect(connectAllowed(policy, url, origin)).toBe(expected);
  });
});

describe('scheme-sources', () => {
  test.each<[string, string, boolean]>([
    ['https:', 'https://anything.example/x', true],
    ['https:', 'http://anything.example/x', false],
    ['http:', 'https://upgraded.example/', true],
    ['HTTPS:', 'https://a.com/', true],
    ['wss:', 'wss://relay.example/', true],
    ['wss:', 'ws://relay.example/', false],
    ['wss:', 'https://a.com/', true],
    ['ws:', 'http://a.com/', true],
    ['data:', 'data:text/plain,hi', true],
    ['data:', 'blob:https://vigil.example/1', false],
    ['blob:', 'blob:https://vigil.example/1', true],
  ])('%s against %s', (source, url, expected) => {
    expect(connectAllowed(`connect-src ${source}`, url, self)).toBe(expected);
  });
});

describe('host-sources', () => {
  test.each<[string, string, boolean]>([
    // hosts
    ['https://a.com', 'https://a.com/v1/chat/completions', true],
    ['https://a.com', 'https://b.com/', false],
    ['https://a.com', 'https://A.COM/', true],
    ['HTTPS://A.COM', 'https://a.com/', true],
    ['https://a.com', 'https://www.a.com/', false],
    ['https://a.com', 'https://a.com.evil.example/', false],
    ['https://a.com', 'http://a.com/', false],
    ['http://a.com', 'https://a.com/', true],
    ['a.com', 'https://a.com/', true],
    ['a.com', 'http://a.com/', false],
    ['*.a.com', 'https://x.a.com/', true],
    ['*.a.com', 'https://x.y.a.com/', true],
    ['*.a.com', 'https://a.com/', false],
    ['*.a.com', 'https://xa.com/', false],
    ['https://*.a.com', 'http://x.a.com/', false],
    ['https://*', 'https://anything.example/', true],
    ['https://*', 'http://anything.example/', false],
    // ports
    ['https://a.com', 'https://a.com:443/', true],
    ['https://a.com', 'https://a.com:8443/', false],
    ['https://a.com:443', 'https://a.com/', true],
    ['https://a.com:8443', 'https://a.com:8443/', true],
    ['https://a.com:08443', 'https://a.com:8443/', true],
    ['https://a.com:8443', 'https://a.com/', false],
    ['https://a.com:*', 'https://a.com:1/', true],
    ['https://a.com:*', 'https://a.com/', true],
    ['a.com:*', 'https://a.com:9/', true],
    ['https://a.com:99999', 'https://a.com/', false],
    // IP addresses (as Chromium matches them)
    ['http://127.0.0.1:*', 'http://127.0.0.1:8000/v1', true],
    ['http://127.0.0.1:*', 'http://127.0.0.2:8000/', false],
    ['http://127.0.0.1:*', 'http://[::1]:8000/', false],
    ['http://127.0.0.1:8545', 'http://127.0.0.1:8545/', true],
    ['http://127.0.0.1:8545', 'http://127.0.0.1:8546/', false],
    ['*.0.0.1', 'http://127.0.0.1/', false],
    ['http://localhost:*', 'http://localhost:30000/v1/chat/completions', true],
    ['http://localhost:*', 'http://localhost.evil.example:30000/', false],
    // paths
    ['https://a.com/', 'https://a.com/anything', true],
    ['https://a.com/api/', 'https://a.com/api/v1', true],
    ['https://a.com/api/', 'https://a.com/api/', true],
    ['https://a.com/api/', 'https://a.com/api', false],
    ['https://a.com/api/', 'https://a.com/apix/v1', false],
    ['https://a.com/api', 'https://a.com/api', true],
    ['https://a.com/api', 'https://a.com/api?x=1#y', true],
    ['https://a.com/api', 'https://a.com/api/', false],
    ['https://a.com/api', 'https://a.com/api/v1', false],
    ['https://a.com/a%20b', 'https://a.com/a b', true],
    ['https://a.com/a b', 'https://a.com/a b', false],
    ['https://a.com/%7euser/', 'https://a.com/~user/x', true],
    ['https://a.com/%zz', 'https://a.com/%zz', true],
    ['https://a.com/API', 'https://a.com/api', false],
  ])('%s against %s', (source, url, expected) => {
    expect(connectAllowed(`connect-src ${source}`, url, self)).toBe(expected);
  });

  test('a host-source without a scheme takes the page’s scheme (and its https upgrade)', () => {
    expect(connectAllowed('connect-src a.com', 'http://a.com/', 'http://127.0.0.1:4173')).toBe(true);
    expect(connectAllowed('connect-src a.com', 'https://a.com/', 'http://127.0.0.1:4173')).toBe(true);
    expect(connectAllowed('connect-src a.com', 'ws://a.com/', 'http://127.0.0.1:4173')).toBe(false);
  });
});

describe('garbage', () => {
  test.each<[string, string]>([
    ['a malformed source', 'connect-src ht!tp://a.com'],
    ['a double slash path', 'connect-src https://a.com//x'],
    ['a host with an underscore', 'connect-src https://a_b.com'],
    ['a wildcard in the middle', 'connect-src https://a.*.com'],
    ['an IPv6 literal', 'connect-src http://[::1]:*'],
    ['a port that is not a number', 'connect-src https://a.com:http'],
    ['a comma-joined list', 'connect-src https://a.com,https://b.com'],
    ['an unterminated keyword', "connect-src 'self"],
    ['a non-ASCII host', 'connect-src https://ä.com'],
    ['a NUL', 'connect-src https://a.com\u0000'],
    ['a bare colon', 'connect-src :'],
    ['a lone star-dot', 'connect-src *.'],
  ])('%s matches nothing', (_, policy) => {
    for (const url of ['https://a.com/', 'https://b.com/', 'http://[::1]:1/', `${self}/`, 'https://a.x.com/'])
      expect(connectAllowed(policy, url, self)).toBe(false);
  });

  test('a malformed directive name is skipped; the next one still counts', () => {
    expect(connectAllowed("conn@ct-src 'none'; connect-src https://a.com", 'https://b.com/', self)).toBe(
      false,
    );
    expect(connectAllowed("conn@ct-src 'none'", 'https://b.com/', self)).toBe(true);
  });

  test.each([
    ['not a URL', 'not a url'],
    ['empty', ''],
    ['relative', '/v1/chat/completions'],
    ['only a scheme', 'https://'],
  ])('a URL that is %s is refused with a clear error', (_, url) => {
    expect(() => connectAllowed("connect-src 'self'", url, self)).toThrow(CspUrlError);
    expect(() => connectAllowed("connect-src 'self'", url, self)).toThrow(
      /the URL to check is not an absolute URL/,
    );
  });

  test('a page origin that is not one is refused', () => {
    expect(() => connectAllowed('', 'https://a.com/', 'nonsense')).toThrow(
      /the page's origin is not an absolute URL/,
    );
    expect(() => connectAllowed('', 'https://a.com/', 'data:text/html,x')).toThrow(
      /must be a tuple origin \(http or https\), got data:/,
    );
  });

  test('any policy text gives a boolean, never an exception', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom(
          'https://a.com/x',
          'http://127.0.0.1:8000/',
          'wss://r.example/',
          'data:,x',
          `${self}/`,
        ),
        (policy, url) => typeof connectAllowed(policy, url, self) === 'boolean',
      ),
      { numRuns: 500 },
    );
  });

  test('random source lists: a URL is allowed exactly when one source allows it alone', () => {
    const source = fc.constantFrom(
      "'self'",
      "'none'",
      '*',
      'https:',
      'https://a.com',
      '*.a.com',
      'http://127.0.0.1:*',
      'https://a.com/api/',
      'garbage!',
      "'unsafe-inline'",
    );
    const url = fc.constantFrom(
      'https://a.com/api/x',
      'https://x.a.com/',
      'http://127.0.0.1:1/',
      `${self}/`,
      'http://b.com/',
    );
    fc.assert(
      fc.property(fc.array(source, { minLength: 2, maxLength: 5 }), url, (sources, target) => {
        const whole = connectAllowed(`connect-src ${sources.join(' ')}`, target, self);
        const real = sources.filter((s) => s !== "'none'");
        const any = real.some((s) => connectAllowed(`connect-src ${s}`, target, self));
        return whole === any;
      }),
    );
  });
});
