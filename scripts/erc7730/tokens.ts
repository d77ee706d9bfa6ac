/**
 * Bundles token metadata (symbol, decimals, name) and each chain's native currency into
 * src/lib/edge/tokens/tokens.generated.json, for offline amount rendering.
 *
 * Sources, in order of precedence (the first to name a (chain, address) wins):
 * 1. `metadata.token` of the vendored ERC-7730 descriptors (CC0-1.0), for their deployments;
 * 2. `@eth-optimism/tokenlist` (MIT): the Superchain token list (Ethereum, OP Mainnet, Base, …);
 * 3. `@yodlpay/tokenlists` (MIT): featured, then generated lists (Ethereum, BNB Chain, Polygon,
 *    Arbitrum, Avalanche, Gnosis, …).
 * Uniswap's and SushiSwap's default lists are GPL-3.0-or-later and are deliberately not used.
 * Native currencies come from `viem/chains` (MIT), with a few overrides.
 *
 * Run: `npm run registry:tokens`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import superchain from '@eth-optimism/tokenlist';
import * as chains from 'viem/chains';

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, 'vendor');
const output = join(here, '../../src/lib/edge/tokens/tokens.generated.json');
const require = createRequire(import.meta.url);

type ListToken = { chainId: number; address: string; symbol: string; decimals: number; name: string };
type Entry = [symbol: string, decimals: number, name: string];

/** Testnets whose native currency is worth naming (the registry binds descriptors on some); their
 * tokens are left out: test tokens are worth nothing and would only grow the bundle. */
const TESTNETS = new Set([11155111, 17000, 560048, 84532, 11155420, 421614]);
/** Where viem's spelling differs from what wallets show. */
const NATIVE_OVERRIDES: Record<number, Entry> = { 100: ['xDAI', 18, 'xDAI'] };

function packageVersion(name: string): string {
  // Some packages do not export their package.json: read it next to the resolved entry.
  let dir = dirname(require.resolve(name));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version: string;
      };
      if (pkg.name === name) return pkg.version;
    } catch {
      // not this folder: keep climbing
    }
  }
  throw new Error(`cannot find the version of ${name}`);
}

function validToken(token: ListToken): boolean {
  return (
    Number.isSafeInteger(token.chainId) &&
    token.chainId > 0 &&
    /^0x[0-9a-fA-F]{40}$/.test(token.address) &&
    typeof token.symbol === 'string' &&
    token.symbol.trim() !== '' &&
    token.symbol.length <= 32 &&
    Number.isInteger(token.decimals) &&
    token.decimals >= 0 &&
    token.decimals <= 77 &&
    typeof token.name === 'string'
  );
}

function registryTokens(dir: string): ListToken[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name): ListToken[] => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return registryTokens(path);
      if (!name.endsWith('.json')) return [];
      const file = JSON.parse(readFileSync(path, 'utf8'));
      const token = file?.metadata?.token;
      const deployments = file?.context?.contract?.deployments ?? file?.context?.eip712?.deployments ?? [];
      if (!token || typeof token.ticker !== 'string' || typeof token.decimals !== 'number') return [];
      return deployments.map((d: { chainId: number; address: string }) => ({
        chainId: d.chainId,
        address: d.address,
        symbol: token.ticker,
        decimals: token.decimals,
        name: typeof token.name === 'string' ? token.name : token.ticker,
      }));
    });
}

function sorted<T>(record: Record<string, T>, compare: (a: string, b: string) => number): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort(compare)
      .map((key) => [key, record[key] as T]),
  );
}

function main(): void {
  const yodlFeatured = require('@yodlpay/tokenlists/dist/tokenlist-featured.json') as { tokens: ListToken[] };
  const yodlGenerated = require('@yodlpay/tokenlists/dist/tokenlist-generated.json') as {
    tokens: ListToken[];
  };
  const lists: [string, ListToken[]][] = [
    ['registry', registryTokens(vendor)],
    ['superchain', superchain.tokens as ListToken[]],
    ['yodlFeatured', yodlFeatured.tokens],
    ['yodlGenerated', yodlGenerated.tokens],
  ];

  const tokens: Record<string, Record<string, Entry>> = {};
  const counts: Record<string, number> = {};
  for (const [source, list] of lists) {
    counts[source] = 0;
    for (const token of list) {
      if (!validToken(token) || TESTNETS.has(token.chainId)) continue;
      const address = token.address.toLowerCase();
      // Lists put the native currency at 0xEeee…; that is not a token contract.
      if (address === '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' || /^0x0{40}$/.test(address)) continue;
      const chain = tokens[String(token.chainId)] ?? {};
      tokens[String(token.chainId)] = chain;
      if (chain[address]) continue;
      chain[address] = [token.symbol.trim(), token.decimals, token.name.trim()];
      counts[source] = (counts[source] ?? 0) + 1;
    }
  }

  const native: Record<string, Entry> = {};
  const candidates = Object.entries(chains)
    .filter(([, chain]) => typeof chain === 'object' && chain !== null && 'nativeCurrency' in chain)
    .map(([exportName, chain]) => ({ exportName, chain: chain as chains.Chain }))
    .filter(({ chain }) => chain.testnet !== true || TESTNETS.has(chain.id))
    .sort((a, b) => a.chain.id - b.chain.id || (a.exportName < b.exportName ? -1 : 1));
  for (const { chain } of candidates) {
    const key = String(chain.id);
    if (native[key]) continue;
    const { symbol, decimals, name } = chain.nativeCurrency;
    native[key] = [symbol, decimals, name];
  }
  for (const [id, entry] of Object.entries(NATIVE_OVERRIDES)) native[id] = entry;

  const byNumber = (a: string, b: string) => Number(a) - Number(b);
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sources = [
    'ERC-7730 registry metadata.token (LedgerHQ/clear-signing-erc7730-registry@d2489c5, CC0-1.0)',
    `@eth-optimism/tokenlist@${packageVersion('@eth-optimism/tokenlist')} (MIT)`,
    `@yodlpay/tokenlists@${packageVersion('@yodlpay/tokenlists')} (MIT)`,
    `viem/chains@${packageVersion('viem')} (MIT)`,
  ];
  const chainLines = Object.entries(sorted(tokens, byNumber)).map(
    ([chainId, entries]) => `  ${JSON.stringify(chainId)}:${JSON.stringify(sorted(entries, byText))}`,
  );
  const text = `{"sources":${JSON.stringify(sources)},\n"native":${JSON.stringify(
    sorted(native, byNumber),
  )},\n"tokens":{\n${chainLines.join(',\n')}\n}}\n`;
  writeFileSync(output, text);
  const total = Object.values(tokens).reduce((n, chain) => n + Object.keys(chain).length, 0);
  console.log(
    `${relative(process.cwd(), output)}: ${total} tokens on ${Object.keys(tokens).length} chains (${Object.entries(
      counts,
    )
      .map(([source, n]) => `${source} ${n}`)
      .join(', ')}), ${Object.keys(native).length} native currencies`,
  );
}

main();
