import {
  type Address,
  bytesToHex,
  encodeFunctionData,
  getAddress,
  type Hex,
  parseAbi,
  stringToHex,
} from 'viem';
import { parsePayload } from '../edge/parse/parsePayload';
import type { Secrets } from './leakSearch';

/**
 * Synthetic requests with known secrets, for the privacy property test and `npm run audit:privacy`.
 * Every random choice comes from `draw`, so a seeded source makes a run reproducible.
 */
export type Draw = {
  /** An integer in [0, max). */
  readonly int: (max: number) => number;
  readonly bytes: (length: number) => Uint8Array;
};

/** The private context a case comes with: the user's account and an address book. */
export type PrivateContext = {
  readonly self: Address;
  readonly book: readonly { readonly address: Address; readonly name: string }[];
};

/** One generated request: the input text for `inspect`, its private context, and what must not leak. */
export type PrivacyCase = {
  readonly label: string;
  readonly input: string;
  readonly context: PrivateContext;
  readonly secrets: Secrets;
};

/** A corpus line (tests/fixtures/corpus-sample.jsonl, /work/shared/eval/corpus.jsonl) of kind tx or typedData. */
export type CorpusCase =
  | {
      readonly kind: 'tx';
      readonly chainId: number;
      readonly to: Address;
      readonly data: Hex;
      readonly value?: string;
    }
  | {
      readonly kind: 'typedData';
      readonly typedData: {
        readonly types: Record<string, readonly { name: string; type: string }[]>;
        readonly primaryType: string;
        readonly domain: Record<string, unknown>;
        readonly message: Record<string, unknown>;
      };
    };

/** Listed tokens on Ethereum mainnet used for synthetic transfers (address, decimals). */
const TOKENS: readonly (readonly [Address, number])[] = [
  ['0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', 6],
  ['0xdAC17F958D2ee523a2206206994597C13D831ec7', 6],
  ['0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', 18],
  ['0x6B175474E89094C44Da98b954EedeAC495271d0F', 18],
];

const erc20 = parseAbi([
  'function transfer(address to, uint256 amount)',
  'function approve(address spender, uint256 amount)',
  'function transferFrom(address from, address to, uint256 amount)',
]);

const WORDS = [
  'vault',
  'claim',
  'reward',
  'login',
  'airdrop',
  'welcome',
  'session',
  'verify',
  'bridge',
  'grant',
];

/** A random address. */
export function drawAddress(draw: Draw): Address {
  return getAddress(bytesToHex(draw.bytes(20)));
}

/** A random integer of 10 to `maxDigits` decimal digits (long enough to be searched for). */
export function drawBig(draw: Draw, maxDigits = 30): bigint {
  const digits = 10 + draw.int(maxDigits - 9);
  let out = BigInt(1 + draw.int(9));
  for (let i = 1; i < digits; i++) out = out * 10n + BigInt(draw.int(10));
  return out;
}

/** Random words and a random number, at least 12 characters: free text no bucket could produce. */
export function drawText(draw: Draw): string {
  const words = Array.from({ length: 2 + draw.int(4) }, () => WORDS[draw.int(WORDS.length)]);
  return `${words.join(' ')} #${drawBig(draw, 12)}`;
}

/** A private context: the user and 1–4 address-book entries with distinctive names. */
export function drawContext(draw: Draw): PrivateContext {
  const book = Array.from({ length: 1 + draw.int(4) }, () => ({
    address: drawAddress(draw),
    name: `contact-${bytesToHex(draw.bytes(4)).slice(2)}-${WORDS[draw.int(WORDS.length)]}`,
  }));
  return { self: drawAddress(draw), book };
}

type Builder = {
  counterparties: Address[];
  amounts: Secrets['amounts'][number][];
  numbers: bigint[];
  hex: Hex[];
  timings: bigint[];
  texts: string[];
  usedBook: Set<string>;
};

function builder(): Builder {
  return {
    counterparties: [],
    amounts: [],
    numbers: [],
    hex: [],
    timings: [],
    texts: [],
    usedBook: new Set(),
  };
}

/** A counterparty: a fresh address, or one from the address book (so book addresses appear in requests). */
function counterparty(draw: Draw, context: PrivateContext, b: Builder): Address {
  const entry = context.book[draw.int(context.book.length)];
  const address = entry && draw.int(2) === 0 ? entry.address : drawAddress(draw);
  if (entry && address === entry.address) b.usedBook.add(address);
  b.counterparties.push(address);
  return address;
}

function finish(label: string, input: string, context: PrivateContext, b: Builder): PrivacyCase {
  return {
    label,
    input,
    context,
    secrets: {
      private: [context.self, ...context.book.map((e) => e.address).filter((a) => !b.usedBook.has(a))],
      names: context.book.map((e) => e.name),
      numbers: b.numbers,
      hex: b.hex,
      counterparties: b.counterparties,
      amounts: b.amounts,
      timings: b.timings,
      texts: b.texts,
    },
  };
}

function txJson(tx: Record<string, string>): string {
  return JSON.stringify({ method: 'eth_sendTransaction', params: [tx] });
}

/** An ERC-20 transfer, approve or transferFrom on a listed token, from the user. */
export function tokenCall(draw: Draw, context: PrivateContext): PrivacyCase {
  const b = builder();
  const [token, decimals] = TOKENS[draw.int(TOKENS.length)] as readonly [Address, number];
  const amount = drawBig(draw);
  const nonce = drawBig(draw, 12);
  b.amounts.push({ value: amount, decimals });
  b.numbers.push(nonce);
  const other = counterparty(draw, context, b);
  const which = draw.int(3);
  const data =
    which === 0
      ? encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [other, amount] })
      : which === 1
        ? encodeFunctionData({ abi: erc20, functionName: 'approve', args: [other, amount] })
        : encodeFunctionData({
            abi: erc20,
            functionName: 'transferFrom',
            args: [context.self, other, amount],
          });
  const input = txJson({
    chainId: '0x1',
    from: context.self,
    to: token,
    data,
    value: '0x0',
    nonce: `0x${nonce.toString(16)}`,
  });
  return finish('token call', input, context, b);
}

/** A native transfer of a random amount to a counterparty. */
export function nativeTransfer(draw: Draw, context: PrivateContext): PrivacyCase {
  const b = builder();
  const value = drawBig(draw);
  const nonce = drawBig(draw, 12);
  b.amounts.push({ value, decimals: 18 });
  b.numbers.push(nonce);
  const to = counterparty(draw, context, b);
  const input = txJson({
    chainId: '0x1',
    from: context.self,
    to,
    data: '0x',
    value: `0x${value.toString(16)}`,
    nonce: `0x${nonce.toString(16)}`,
  });
  return finish('native transfer', input, context, b);
}

/** A `personal_sign` of random text that names the user's address and a number. */
export function personalSign(draw: Draw, context: PrivateContext): PrivacyCase {
  const b = builder();
  const text = `${drawText(draw)} for ${draw.int(2) === 0 ? context.self : context.self.toLowerCase()}`;
  b.texts.push(text.slice(0, text.indexOf(' for ')));
  const input = JSON.stringify({ method: 'personal_sign', params: [stringToHex(text), context.self] });
  return finish('personal_sign', input, context, b);
}

/** A corpus transaction sent from the user with a random nonce (and a random value when it pays). */
export function corpusTransaction(
  draw: Draw,
  context: PrivateContext,
  line: Extract<CorpusCase, { kind: 'tx' }>,
): PrivacyCase {
  const b = builder();
  const nonce = drawBig(draw, 12);
  b.numbers.push(nonce);
  let value = BigInt(line.value ?? '0');
  if (value > 0n) {
    value = drawBig(draw);
    b.amounts.push({ value, decimals: 18 });
  }
  const input = txJson({
    chainId: `0x${line.chainId.toString(16)}`,
    from: context.self,
    to: line.to,
    data: line.data,
    value: `0x${value.toString(16)}`,
    nonce: `0x${nonce.toString(16)}`,
  });
  return finish('corpus transaction', input, context, b);
}

const OWNER = /^(owner|from|holder|signer|user|account|wallet|maker|sender|trader|delegator)$/i;
const TIMING = /(deadline|expir|valid|sigdeadline|end|start|until|after|before)/i;
const NONCE = /(nonce|salt|counter|id)$/i;

/**
 * A corpus typed-data request signed by the user: owner-like address fields become the user,
 * other addresses random counterparties or book entries, amounts and nonces random 10+ digit
 * numbers, deadlines random times, strings random text, bytes random hex.
 */
export function corpusTypedData(
  draw: Draw,
  context: PrivateContext,
  line: Extract<CorpusCase, { kind: 'typedData' }>,
): PrivacyCase {
  const b = builder();
  const { types, primaryType } = line.typedData;
  const fill = (type: string, value: unknown, depth: number): unknown => {
    const fields = types[type];
    if (!fields || depth > 4 || typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const { name, type: fieldType } of fields) {
      if (fieldType.endsWith(']')) continue;
      if (fieldType === 'address')
        out[name] = OWNER.test(name) ? context.self : counterparty(draw, context, b);
      else if (/^uint\d*$/.test(fieldType)) {
        const bits = Number(fieldType.slice(4) || 256);
        if (bits < 40) continue;
        if (TIMING.test(name)) {
          const t = 1_700_000_000n + BigInt(draw.int(400_000_000));
          b.timings.push(t);
          out[name] = t.toString();
        } else {
          const n = drawBig(draw, Math.min(30, Math.floor(bits * 0.3)));
          if (NONCE.test(name)) b.numbers.push(n);
          else
            b.amounts.push({ value: n, decimals: 0 }, { value: n, decimals: 6 }, { value: n, decimals: 18 });
          out[name] = n.toString();
        }
      } else if (fieldType === 'string') {
        const text = drawText(draw);
        b.texts.push(text);
        out[name] = text;
      } else if (/^bytes(32)?$/.test(fieldType)) {
        const hex = bytesToHex(draw.bytes(32));
        b.hex.push(hex);
        out[name] = hex;
      } else if (types[fieldType]) out[name] = fill(fieldType, out[name], depth + 1);
    }
    return out;
  };
  const typedData = { ...line.typedData, message: fill(primaryType, line.typedData.message, 0) };
  const input = JSON.stringify({
    method: 'eth_signTypedData_v4',
    params: [context.self, JSON.stringify(typedData)],
  });
  return finish('corpus typed data', input, context, b);
}

/** An `eth_sign` over 32 random bytes (a blind signature): the bytes must never leave. */
export function blindSign(draw: Draw, context: PrivateContext): PrivacyCase {
  const b = builder();
  const hash = bytesToHex(draw.bytes(32));
  b.hex.push(hash);
  return finish('eth_sign', JSON.stringify({ method: 'eth_sign', params: [context.self, hash] }), context, b);
}

/**
 * A signed raw transaction (from tests/fixtures/signed-transactions.json): its recovered sender is
 * the user; its signature, hash and nonce must never leave.
 */
export function signedTransaction(context: PrivateContext, raw: Hex): PrivacyCase {
  const parsed = parsePayload(raw);
  if (!parsed.ok || parsed.payload.kind !== 'rawTransaction' || !parsed.payload.tx.from)
    throw new Error('signed fixture does not parse as a signed transaction');
  const { payload } = parsed;
  const b = builder();
  if (payload.signature) b.hex.push(payload.signature.r, payload.signature.s);
  b.hex.push(payload.hash);
  if (payload.tx.nonce !== undefined) b.numbers.push(payload.tx.nonce);
  if (payload.tx.value > 0n) b.amounts.push({ value: payload.tx.value, decimals: 18 });
  const user = { self: payload.tx.from as Address, book: context.book };
  return finish(`signed ${payload.txType} transaction`, raw, user, b);
}

/** A reproducible `Draw` from a 32-bit seed (mulberry32). */
export function seededDraw(seed: number): Draw {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (max) => Math.floor(next() * max),
    bytes: (length) => Uint8Array.from({ length }, () => Math.floor(next() * 256)),
  };
}

/** Reads corpus lines usable for generation (tx with calldata, typed data); others are skipped. */
export function corpusCases(lines: readonly string[]): CorpusCase[] {
  const out: CorpusCase[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const value = JSON.parse(line) as Record<string, unknown>;
    if (value.kind === 'tx' && typeof value.to === 'string' && typeof value.data === 'string')
      out.push({
        kind: 'tx',
        chainId: Number(value.chainId ?? 1),
        to: value.to as Address,
        data: value.data as Hex,
        ...(typeof value.value === 'string' && { value: value.value }),
      });
    else if (value.kind === 'typedData' && typeof value.typedData === 'object' && value.typedData !== null)
      out.push({
        kind: 'typedData',
        typedData: value.typedData as Extract<CorpusCase, { kind: 'typedData' }>['typedData'],
      });
  }
  return out;
}

/** One generated case: a synthetic request or a corpus request, with a fresh private context. */
export function privacyCase(
  draw: Draw,
  corpus: readonly CorpusCase[],
  signed: readonly Hex[] = [],
): PrivacyCase {
  const context = drawContext(draw);
  const pick = draw.int(corpus.length > 0 ? 12 : 5);
  if (pick === 0) return tokenCall(draw, context);
  if (pick === 1) return nativeTransfer(draw, context);
  if (pick === 2) return personalSign(draw, context);
  if (pick === 3) return blindSign(draw, context);
  if (pick === 4)
    return signed.length > 0
      ? signedTransaction(context, signed[draw.int(signed.length)] as Hex)
      : tokenCall(draw, context);
  if (pick === 5) return tokenCall(draw, context);
  const line = corpus[draw.int(corpus.length)] as CorpusCase;
  return line.kind === 'tx' ? corpusTransaction(draw, context, line) : corpusTypedData(draw, context, line);
}
