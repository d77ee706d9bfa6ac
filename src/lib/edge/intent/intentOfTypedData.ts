import type { Address, Hex } from 'viem';
import { decodeCall } from '../decode/decodeCall';
import type { TypedDataPayload } from '../payload';
import { intentOfCall } from './intentOfCall';
import { jsonArgs } from './jsonArgs';
import type { ActionKind, AssetAmount, Counterparty, Intent, Permission } from './types';

type Reading = {
  kind: ActionKind;
  assets?: AssetAmount[];
  counterparties?: Counterparty[];
  permissions?: Permission[];
  children?: Intent[];
};
type Message = Readonly<Record<string, unknown>>;

const UNLIMITED = 1n << 255n;
const PERMIT2_UNLIMITED = (1n << 160n) - 1n;

const field = (m: unknown, key: string): unknown =>
  typeof m === 'object' && m !== null ? (m as Message)[key] : undefined;
const isAddress = (v: unknown): v is Address => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v);
const big = (v: unknown): bigint | undefined => (typeof v === 'bigint' ? v : undefined);

function allowance(
  spender: unknown,
  token: Address | undefined,
  amount: bigint | undefined,
  expiry: bigint | undefined,
  max: bigint,
): Reading {
  if (!isAddress(spender)) return { kind: 'permit' };
  const unlimited = amount !== undefined && (amount >= max || amount >= UNLIMITED);
  const common = {
    ...(token && { asset: token }),
    ...(amount !== undefined && { amount }),
    ...(unlimited && { unlimited }),
  };
  return {
    kind: 'permit',
    assets: [{ role: 'allow', ...common }],
    counterparties: [{ role: 'spender', address: spender }],
    permissions:
      amount === 0n
        ? []
        : [{ kind: 'allowance', to: spender, ...common, ...(expiry !== undefined && { expiry }) }],
  };
}

/** Seaport/LooksRare-style items: `{ itemType, token, identifierOrCriteria, startAmount, … }`. */
function items(list: unknown, role: AssetAmount['role']): AssetAmount[] {
  if (!Array.isArray(list)) return [];
  return list.map((item) => {
    const token = field(item, 'token');
    const amount = big(field(item, 'startAmount')) ?? big(field(item, 'amount'));
    const id = big(field(item, 'identifierOrCriteria'));
    const native = token === '0x0000000000000000000000000000000000000000';
    return {
      role,
      ...(isAddress(token) && !native && { asset: token }),
      ...(amount !== undefined && { amount }),
      ...(id !== undefined && id !== 0n && { tokenId: id }),
    };
  });
}

/** Readings of well-known typed-data messages, by primary type. */
const readers: Readonly<Record<string, (m: Message, p: TypedDataPayload) => Reading>> = {
  // EIP-2612 Permit, and DAI's (holder, spender, nonce, expiry, allowed)
  Permit: (m, p) =>
    'allowed' in m
      ? allowance(
          m.spender,
          p.domain.verifyingContract,
          m.allowed === true ? UNLIMITED : 0n,
          big(m.expiry),
          UNLIMITED,
        )
      : allowance(m.spender, p.domain.verifyingContract, big(m.value), big(m.deadline), (1n << 256n) - 1n),
  // Permit2 AllowanceTransfer
  PermitSingle: (m) => {
    const d = m.details;
    const token = field(d, 'token');
    return allowance(
      m.spender,
      isAddress(token) ? token : undefined,
      big(field(d, 'amount')),
      big(field(d, 'expiration')),
      PERMIT2_UNLIMITED,
    );
  },
  PermitBatch: (m) => {
    const details = Array.isArray(m.details) ? m.details : [];
    const readings = details.map((d) => {
      const token = field(d, 'token');
      return allowance(
        m.spender,
        isAddress(token) ? token : undefined,
        big(field(d, 'amount')),
        big(field(d, 'expiration')),
        PERMIT2_UNLIMITED,
      );
    });
    return {
      kind: 'permit',
      assets: readings.flatMap((r) => r.assets ?? []),
      counterparties: readings[0]?.counterparties ?? [],
      permissions: readings.flatMap((r) => r.permissions ?? []),
    };
  },
  // Permit2 SignatureTransfer (and its witness variants, read the same way)
  PermitTransferFrom: (m) => transferPermit(m),
  PermitWitnessTransferFrom: (m) => transferPermit(m),
  PermitBatchTransferFrom: (m) => transferPermit(m),
  PermitBatchWitnessTransferFrom: (m) => transferPermit(m),
  // Seaport
  OrderComponents: (m) => order(m),
  BulkOrder: () => ({ kind: 'order' }),
  // CoW Protocol
  Order: (m) => {
    if ('sellToken' in m && 'buyToken' in m) {
      const receiver = m.receiver;
      return {
        kind: 'swap',
        assets: [
          {
            role: 'send',
            ...(isAddress(m.sellToken) && { asset: m.sellToken }),
            ...(big(m.sellAmount) !== undefined && { amount: big(m.sellAmount) as bigint }),
          },
          {
            role: 'receive',
            ...(isAddress(m.buyToken) && { asset: m.buyToken }),
            ...(big(m.buyAmount) !== undefined && { amount: big(m.buyAmount) as bigint }),
          },
        ],
        counterparties:
          isAddress(receiver) && receiver !== '0x0000000000000000000000000000000000000000'
            ? [{ role: 'recipient', address: receiver }]
            : [],
      };
    }
    if ('offer' in m || 'consideration' in m) return order(m);
    if ('trader' in m && 'side' in m)
      return nftOrder(m.side === 1n, m.collection, [m.tokenId], [m.amount], m.paymentToken, m.price);
    return { kind: 'order' };
  },
  // LooksRare v1 (isOrderAsk) and v2 (quoteType 1 = ask) maker orders
  MakerOrder: (m) =>
    nftOrder(m.isOrderAsk === true, m.collection, [m.tokenId], [m.amount], m.currency, m.price),
  Maker: (m) =>
    nftOrder(
      m.quoteType === 1n,
      m.collection,
      Array.isArray(m.itemIds) ? m.itemIds : [],
      Array.isArray(m.amounts) ? m.amounts : [],
      m.currency,
      m.price,
    ),
  // USDC (EIP-3009)
  TransferWithAuthorization: (m, p) => authorization(m, p),
  ReceiveWithAuthorization: (m, p) => authorization(m, p),
  // Governance (Compound/OpenZeppelin Governor)
  Delegation: (m) =>
    isAddress(m.delegatee)
      ? {
          kind: 'delegate',
          counterparties: [{ role: 'delegate', address: m.delegatee }],
          permissions: [{ kind: 'delegation', to: m.delegatee }],
        }
      : { kind: 'delegate' },
  Ballot: () => ({ kind: 'messageSignature' }),
  // Safe: the transaction the owners sign, decoded as a call
  SafeTx: (m, p) => {
    const to = m.to;
    const data = typeof m.data === 'string' ? (m.data as Hex) : '0x';
    if (!isAddress(to)) return { kind: 'unknown' };
    const operation = m.operation === 1n ? 'delegatecall' : 'call';
    const call = decodeCall({
      data,
      to,
      value: big(m.value) ?? 0n,
      operation,
      ...(p.domain.chainId !== undefined && { chainId: p.domain.chainId }),
    });
    return { kind: 'batch', children: [intentOfCall(call)] };
  },
};

/**
 * A marketplace NFT order (Blur, LooksRare): a sell (ask) gives the NFTs for the price, a buy (bid)
 * gives the price for the NFTs. A zero currency is the chain's native currency.
 */
function nftOrder(
  sell: boolean,
  collection: unknown,
  ids: readonly unknown[],
  amounts: readonly unknown[],
  currency: unknown,
  price: unknown,
): Reading {
  const nfts: AssetAmount[] = ids.map((id, i) => ({
    role: sell ? 'send' : 'receive',
    ...(isAddress(collection) && { asset: collection }),
    ...(big(id) !== undefined && { tokenId: big(id) as bigint }),
    ...(big(amounts[i]) !== undefined && { amount: big(amounts[i]) as bigint }),
  }));
  const native = currency === '0x0000000000000000000000000000000000000000';
  const payment: AssetAmount = {
    role: sell ? 'receive' : 'send',
    ...(isAddress(currency) && !native && { asset: currency }),
    ...(big(price) !== undefined && { amount: big(price) as bigint }),
  };
  return { kind: 'order', assets: sell ? [...nfts, payment] : [payment, ...nfts] };
}

function transferPermit(m: Message): Reading {
  const permitted = Array.isArray(m.permitted) ? m.permitted : [m.permitted];
  const spender = m.spender;
  return {
    kind: 'permit',
    assets: permitted.map((p) => {
      const token = field(p, 'token');
      const amount = big(field(p, 'amount'));
      return {
        role: 'send' as const,
        ...(isAddress(token) && { asset: token }),
        ...(amount !== undefined && { amount }),
      };
    }),
    counterparties: isAddress(spender) ? [{ role: 'spender', address: spender }] : [],
  };
}

function order(m: Message): Reading {
  const offerer = m.offerer;
  const consideration = Array.isArray(m.consideration) ? m.consideration : [];
  const toOfferer = consideration.filter((c) => field(c, 'recipient') === offerer);
  const toOthers = consideration.filter((c) => field(c, 'recipient') !== offerer);
  return {
    kind: 'order',
    assets: [...items(m.offer, 'send'), ...items(toOfferer, 'receive')],
    counterparties: toOthers.flatMap((c) => {
      const r = field(c, 'recipient');
      return isAddress(r) ? [{ role: 'recipient' as const, address: r }] : [];
    }),
  };
}

function authorization(m: Message, p: TypedDataPayload): Reading {
  const to = m.to;
  const amount = big(m.value);
  return {
    kind: 'tokenTransfer',
    assets: [
      {
        role: 'send',
        ...(p.domain.verifyingContract && { asset: p.domain.verifyingContract }),
        ...(amount !== undefined && { amount }),
      },
    ],
    counterparties: isAddress(to) ? [{ role: 'recipient', address: to }] : [],
  };
}

/**
 * The intent of an EIP-712 request. Well-known primary types (EIP-2612 and DAI permits, Permit2,
 * Seaport orders, CoW orders, EIP-3009 authorizations, governance delegation, Safe transactions)
 * are read into assets, counterparties and permissions; others are a message signature.
 * The typed data was validated against its types when parsed: these reads are exact, γ = 1.
 */
export function intentOfTypedData(payload: TypedDataPayload): Intent {
  const reader = readers[payload.primaryType];
  const reading: Reading = reader ? reader(payload.message, payload) : { kind: 'messageSignature' };
  const children = reading.children ?? [];
  const confidence = Math.min(1, ...children.map((c) => c.confidence));
  return {
    kind: reading.kind,
    primaryType: payload.primaryType,
    ...(payload.domain.verifyingContract && { to: payload.domain.verifyingContract }),
    args: jsonArgs(
      (payload.types[payload.primaryType] ?? []).map((f) => ({
        name: f.name,
        type: f.type,
        param: { name: f.name, type: f.type },
        value: payload.message[f.name],
      })),
    ),
    assets: reading.assets ?? [],
    counterparties: reading.counterparties ?? [],
    permissions: reading.permissions ?? [],
    source: 'typedData',
    confidence,
    children,
  };
}
