/*
 * Whether a Content Security Policy lets the page fetch a URL: CSP Level 3 source matching
 * (https://w3c.github.io/webappsec-csp/#match-url-to-source-list) for the one directive that
 * governs fetch(), XMLHttpRequest and WebSocket, connect-src (default-src when it is absent).
 * Pure: no DOM, no I/O. src/lib/ui/contentPolicy.ts applies it to the page's own policy.
 */

/** The URL or the page origin given to {@link connectAllowed} is not one. */
export class CspUrlError extends Error {
  override readonly name = 'CspUrlError';
}

const SCHEME_SOURCE = /^([a-z][a-z0-9+.-]*):$/i;
// [scheme "://"] host [":" port] [path]: host is "*", or dot-separated labels with an optional
// leading "*." and trailing "."; a path is absolute, never "//…", and has no ";" or ",".
const HOST_SOURCE =
  /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?)(?::(\d+|\*))?(\/(?!\/)[^;,\s]*)?$/i;
const ASCII_WHITESPACE = /[\t\n\f\r ]+/;
const TRIM = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443' };

/**
 * A serialized policy's directives, name → source list; the first of a repeated directive wins
 * and later ones are ignored, as browsers do.
 */
function parsePolicy(policy: string): Map<string, readonly string[]> {
  const directives = new Map<string, readonly string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.replace(TRIM, '').split(ASCII_WHITESPACE);
    if (name === undefined || name === '') continue;
    const key = name.toLowerCase();
    if (!/^[a-z0-9-]+$/.test(key) || directives.has(key)) continue;
    directives.set(key, sources);
  }
  return directives;
}

/** CSP3 "scheme-part match": `a` from a source expression, `b` a URL's scheme, both lower case. */
function schemeMatches(a: string, b: string): boolean {
  return (
    a === b ||
    (a === 'http' && b === 'https') ||
    (a === 'ws' && (b === 'wss' || b === 'http' || b === 'https')) ||
    (a === 'wss' && b === 'https')
  );
}

/**
 * CSP3 "host-part match", as browsers apply it: CSP3's first step ("host is not a domain") would
 * refuse every IP address, but Chromium matches an IPv4 literal source such as
 * `http://127.0.0.1:*` exactly (tests/csp.e2e.ts proves it), so this does too; a `*.` wildcard
 * never matches an IP address, and IPv6 literals (which the grammar cannot name) only `*`.
 */
function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  const ip = host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host);
  if (pattern.startsWith('*.')) return !ip && host.endsWith(pattern.slice(1));
  return pattern === host;
}

/** CSP3 "port-part match"; `url.port` is '' for the scheme's default port. */
function portMatches(port: string | undefined, url: URL, scheme: string): boolean {
  if (port === '*') return true;
  const wanted = port === undefined ? '' : String(Number(port));
  return wanted === url.port || (url.port === '' && wanted === DEFAULT_PORTS[scheme]);
}

/** Percent-decodes to a byte string (one char per byte); a malformed escape stays as it is. */
function percentDecode(piece: string): string {
  const bytes = new TextEncoder().encode(piece);
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    const hex = byte === 0x25 ? String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0) : '';
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += 2;
    } else out += String.fromCharCode(byte);
  }
  return out;
}

/** CSP3 "path-part match": `a` from the source expression, `b` the URL's path. */
function pathMatches(a: string, b: string): boolean {
  if (a === '' || (a === '/' && b === '')) return true;
  const exact = !a.endsWith('/');
  const listA = a.split('/');
  const listB = b.split('/');
  if (listA.length > listB.length || (exact && listA.length !== listB.length)) return false;
  if (!exact) listA.pop();
  return listA.every((piece, i) => percentDecode(piece) === percentDecode(listB[i] ?? ''));
}

/** CSP3 "Does url match expression in origin with redirect count?", for a first request. */
function expressionMatches(expression: string, url: URL, self: URL): boolean {
  const scheme = url.protocol.slice(0, -1);
  const selfScheme = self.protocol.slice(0, -1);
  if (expression === '*') return scheme === 'http' || scheme === 'https' || scheme === selfScheme;
  const schemeSource = SCHEME_SOURCE.exec(expression);
  if (schemeSource) return schemeMatches((schemeSource[1] as string).toLowerCase(), scheme);
  const hostSource = HOST_SOURCE.exec(expression);
  if (hostSource) {
    const [, sourceScheme, host, port, path] = hostSource;
    if (url.hostname === '') return false;
    if (!schemeMatches(sourceScheme?.toLowerCase() ?? selfScheme, scheme)) return false;
    if (!hostMatches((host as string).toLowerCase(), url.hostname.toLowerCase())) return false;
    if (!portMatches(port, url, scheme)) return false;
    return pathMatches(path ?? '', url.pathname);
  }
  if (expression.toLowerCase() === "'self'") {
    if (url.origin === self.origin) return true;
    return (
      url.hostname === self.hostname &&
      url.port === self.port &&
      (scheme === 'https' ||
        scheme === 'wss' ||
        (selfScheme === 'http' && (scheme === 'http' || scheme === 'ws')))
    );
  }
  // Other keywords, nonces, hashes and anything malformed match no URL.
  return false;
}

function parseUrl(value: string, what: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new CspUrlError(`${what} is not an absolute URL: ${JSON.stringify(String(value).slice(0, 200))}`);
  }
}

/**
 * Whether `policy` (one serialized policy: `;`-separated directives, as in a CSP header or meta tag)
 * lets a page whose origin is `selfOrigin` fetch `url`: by its connect-src, or default-src when
 * connect-src is absent, or yes when neither is there. Tokens that are not valid source
 * expressions match nothing, as in browsers. Throws CspUrlError when `url` or `selfOrigin` is
 * not an absolute URL, or `selfOrigin` has no origin (e.g. `data:`).
 */
export function connectAllowed(policy: string, url: string, selfOrigin: string): boolean {
  const target = parseUrl(url, 'the URL to check');
  const self = parseUrl(selfOrigin, "the page's origin");
  if (self.origin === 'null')
    throw new CspUrlError(`the page's origin must be a tuple origin (http or https), got ${self.protocol}`);
  const directives = parsePolicy(policy);
  const sources = directives.get('connect-src') ?? directives.get('default-src');
  if (sources === undefined) return true;
  if (sources.length === 1 && sources[0]?.toLowerCase() === "'none'") return false;
  return sources.some((expression) => expressionMatches(expression, target, self));
}
