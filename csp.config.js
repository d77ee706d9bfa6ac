import { anvil, arbitrum, base, mainnet, optimism, polygon, sepolia } from 'viem/chains';

/*
 * Vigil's Content Security Policy: the source lists SvelteKit writes into a
 * `<meta http-equiv="content-security-policy">` of every prerendered page (svelte.config.js,
 * `kit.csp`). A plain module so unit tests can read the same lists the build uses
 * (src/lib/cloud/cspConfig.test.ts).
 *
 * Keywords are written without quotes, as `kit.csp` takes them ('self' → `self`); SvelteKit quotes
 * them and adds the hash of its own inline bootstrap script to script-src.
 */

/**
 * The chains the wallet connection knows (src/lib/wallet/chains.ts `walletChains`; a unit test
 * fails if the two lists drift). Their default RPC endpoints are where viem's `http()` transport,
 * and WalletConnect's provider for calls a phone wallet does not answer itself, send requests.
 */
export const cspChains = [mainnet, base, optimism, arbitrum, polygon, sepolia, anvil];

/**
 * This machine: the user's own vLLM/SGLang server, the loopback cloud stand-in, anvil. CSP source
 * expressions cannot name an IPv6 literal, so `http://[::1]` stays out.
 */
export const loopbackSources = ['http://127.0.0.1:*', 'http://localhost:*'];

/**
 * WalletConnect, contacted only once the user saved a project id and pairs a phone wallet: the
 * relay's WebSocket, and WalletConnect's RPC/bundler service, which its provider asks for an
 * EIP-5792 batch status (`wallet_getCallsStatus`) when the phone wallet names a bundler. Left out:
 * Verify's public key (verify.walletconnect.org/v3/public-key is fetched only to check the
 * attestation of a request a dApp sent, i.e. by wallets; Vigil's side of Verify is the frame
 * below), telemetry (pulse.walletconnect.org; off) and push (echo.walletconnect.com; wallets only).
 */
export const walletConnectSources = ['wss://relay.walletconnect.org', 'https://rpc.walletconnect.org'];

/**
 * WalletConnect Verify's attestation frame (the only frame Vigil loads): it tells the phone wallet
 * which site asks for a session.
 */
export const walletConnectFrames = ['https://verify.walletconnect.org'];

/**
 * The public model builds of static/models/manifest.json (a unit test checks every URL there).
 * web-llm downloads in its worker, whose own policy is its response's (none); the main thread
 * contacts these only to say which files of a failed load are missing (HEAD requests).
 */
export const modelSources = ['https://huggingface.co', 'https://raw.githubusercontent.com'];

/** A bad `VIGIL_CLOUD_ORIGINS`; the build stops with this message. */
export class CloudOriginsError extends Error {
  /** @override */
  name = 'CloudOriginsError';
}

/**
 * Reads `VIGIL_CLOUD_ORIGINS`: comma-separated `https://host[:port]` origins of the cloud endpoints
 * this build may call (no path, query, credentials or wildcard). Returns them normalized
 * (lower-case host, default port dropped), without duplicates; none for an unset or blank value.
 * Throws CloudOriginsError naming the bad entry.
 *
 * @param {string | undefined} value
 * @returns {string[]}
 */
export function readCloudOrigins(value) {
  if (value === undefined || value.trim() === '') return [];
  /** @type {string[]} */
  const origins = [];
  const entries = value.split(',');
  entries.forEach((raw, index) => {
    const entry = raw.trim();
    const where = `VIGIL_CLOUD_ORIGINS entry ${index + 1} of ${entries.length}`;
    if (entry === '')
      throw new CloudOriginsError(`${where} is empty (origins are separated by single commas)`);
    const shown = JSON.stringify(entry.slice(0, 200));
    if (entry.includes('*'))
      throw new CloudOriginsError(`${where}, ${shown}: name each origin; wildcards are not accepted`);
    /** @type {URL} */
    let url;
    try {
      url = new URL(entry);
    } catch {
      throw new CloudOriginsError(`${where}, ${shown}, is not a URL; expected e.g. https://api.example.com`);
    }
    if (url.protocol !== 'https:')
      throw new CloudOriginsError(
        `${where}, ${shown}: must be https:// (this machine's http://127.0.0.1 and http://localhost are always allowed)`,
      );
    if (url.username !== '' || url.password !== '')
      throw new CloudOriginsError(`${where}, ${shown}: must not contain a user name or password`);
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(entry))
      throw new CloudOriginsError(
        `${where}, ${shown}: must be an origin only, e.g. ${url.origin} (no path, query or fragment)`,
      );
    if (!origins.includes(url.origin)) origins.push(url.origin);
  });
  return origins;
}

/** The origin of each URL, without duplicates, in order. @param {readonly string[]} urls */
function originsOf(urls) {
  return [...new Set(urls.map((u) => new URL(u).origin))];
}

/**
 * The default RPC origins of the wallet chains that the loopback sources do not already cover.
 * @returns {string[]}
 */
export function chainRpcSources() {
  const loopback = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;
  return originsOf(cspChains.flatMap((chain) => chain.rpcUrls.default.http)).filter((o) => !loopback.test(o));
}

/**
 * @typedef {Record<string, string[]>} CspDirectives
 *   Directive name → sources, keywords unquoted (`self`, `none`, `unsafe-inline`, …).
 */

/**
 * The policy's directives for `kit.csp.directives`.
 *
 * - script-src: this site only. `wasm-unsafe-eval` lets WebAssembly compile (web-llm) should a
 *   browser give the model worker the page's policy; no third-party script origin at all.
 * - style-src: `unsafe-inline` because the prerendered HTML and Svelte's templates carry style=""
 *   attributes; no hash may join it (a hash would make browsers ignore `unsafe-inline`).
 * - frame-ancestors, report-uri and sandbox cannot be delivered in a meta tag, so none is set.
 *
 * @param {{ cloudOrigins?: readonly string[] }} [options]
 * @returns {CspDirectives}
 */
export function cspDirectives({ cloudOrigins = [] } = {}) {
  return {
    'default-src': ['self'],
    'script-src': ['self', 'wasm-unsafe-eval'],
    'style-src': ['self', 'unsafe-inline'],
    'img-src': ['self', 'data:', 'blob:'],
    'font-src': ['self'],
    'connect-src': [
      'self',
      ...loopbackSources,
      ...chainRpcSources(),
      ...walletConnectSources,
      ...modelSources,
      ...cloudOrigins,
    ],
    'worker-src': ['self', 'blob:'],
    'manifest-src': ['self'],
    'frame-src': [...walletConnectFrames],
    'object-src': ['none'],
    'base-uri': ['self'],
    'form-action': ['self'],
  };
}

const keywords = new Set([
  'self',
  'none',
  'unsafe-inline',
  'unsafe-eval',
  'wasm-unsafe-eval',
  'strict-dynamic',
]);

/**
 * The policy as a browser reads it (keywords quoted, as SvelteKit writes it), before SvelteKit adds
 * its script hash.
 *
 * @param {CspDirectives} directives
 * @returns {string}
 */
export function serializePolicy(directives) {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources.map((s) => (keywords.has(s) ? `'${s}'` : s))].join(' '))
    .join('; ');
}
