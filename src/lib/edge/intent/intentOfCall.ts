import type { Address } from 'viem';
import { type DecodedCall, treeConfidence } from '../decode/types';
import { jsonArgs } from './jsonArgs';
import type { ActionKind, AssetAmount, Counterparty, Intent, Permission } from './types';

const UNLIMITED = 1n << 255n; // amounts this large are effectively unlimited (type(uint256).max and its kin)

type Reading = {
  kind: ActionKind;
  assets?: AssetAmount[];
  counterparties?: Counterparty[];
  permissions?: Permission[];
};

const a = (node: DecodedCall, i: number): unknown => node.args[i]?.value;
const addr = (value: unknown): Address => value as Address;

/** Readings of well-known functions, by canonical signature. The token is the called contract. */
const readers: Readonly<Record<string, (node: DecodedCall, token: Address | undefined) => Reading>> = {
  'transfer(address,uint256)': (n, token) => ({
    kind: 'tokenTransfer',
    assets: [{ role: 'send', asset: token, amount: a(n, 1) as bigint }],
    counterparties: [{ role: 'recipient', address: addr(a(n, 0)) }],
  }),
  'transferFrom(address,address,uint256)': (n, token) => ({
    kind: 'tokenTransfer',
    assets: [{ role: 'send', asset: token, amount: a(n, 2) as bigint }],
    counterparties: [{ role: 'recipient', address: addr(a(n, 1)) }],
  }),
  'safeTransferFrom(address,address,uint256)': (n, token) => nft(n, token),
  'safeTransferFrom(address,address,uint256,bytes)': (n, token) => nft(n, token),
  'safeTransferFrom(address,address,uint256,uint256,bytes)': (n, token) => ({
    kind: 'tokenTransfer',
    assets: [{ role: 'send', asset: token, tokenId: a(n, 2) as bigint, amount: a(n, 3) as bigint }],
    counterparties: [{ role: 'recipient', address: addr(a(n, 1)) }],
  }),
  'approve(address,uint256)': (n, token) => allowance(addr(a(n, 0)), token, a(n, 1) as bigint),
  'increaseAllowance(address,uint256)': (n, token) => allowance(addr(a(n, 0)), token, a(n, 1) as bigint),
  // Permit2 AllowanceTransfer.approve(token, spender, amount, expiration)
  'approve(address,address,uint160,uint48)': (n) =>
    allowance(addr(a(n, 1)), addr(a(n, 0)), a(n, 2) as bigint, a(n, 3) as bigint, (1n << 160n) - 1n),
  'setApprovalForAll(address,bool)': (n, token) =>
    a(n, 1) === true
      ? {
          kind: 'setApprovalForAll',
          counterparties: [{ role: 'operator', address: addr(a(n, 0)) }],
          permissions: [{ kind: 'operator', to: addr(a(n, 0)), ...(token && { asset: token }) }],
        }
      : { kind: 'setApprovalForAll', counterparties: [{ role: 'operator', address: addr(a(n, 0)) }] },
  'permit(address,address,uint256,uint256,uint8,bytes32,bytes32)': (n, token) => ({
    ...allowance(addr(a(n, 1)), token, a(n, 2) as bigint, a(n, 3) as bigint),
    kind: 'permit',
  }),
  'transferOwnership(address)': (n) => admin('newOwner', addr(a(n, 0))),
  'renounceOwnership()': () => ({ kind: 'adminChange' }),
  'changeAdmin(address)': (n) => admin('newOwner', addr(a(n, 0))),
  'upgradeTo(address)': (n) => admin('implementation', addr(a(n, 0))),
  'upgradeToAndCall(address,bytes)': (n) => admin('implementation', addr(a(n, 0))),
  'addOwnerWithThreshold(address,uint256)': (n) => admin('newOwner', addr(a(n, 0))),
  'swapOwner(address,address,address)': (n) => admin('newOwner', addr(a(n, 2))),
  'removeOwner(address,address,uint256)': () => ({ kind: 'adminChange' }),
  'changeThreshold(uint256)': () => ({ kind: 'adminChange' }),
  'enableModule(address)': (n) => admin('target', addr(a(n, 0))),
  'setGuard(address)': (n) => admin('target', addr(a(n, 0))),
  'setFallbackHandler(address)': (n) => admin('target', addr(a(n, 0))),
  'deposit()': () => ({ kind: 'deposit' }),
  'withdraw(uint256)': () => ({ kind: 'withdraw' }),
};

function nft(n: DecodedCall, token: Address | undefined): Reading {
  return {
    kind: 'tokenTransfer',
    assets: [{ role: 'send', asset: token, tokenId: a(n, 2) as bigint }],
    counterparties: [{ role: 'recipient', address: addr(a(n, 1)) }],
  };
}

function allowance(
  spender: Address,
  token: Address | undefined,
  amount: bigint,
  expiry?: bigint,
  max = (1n << 256n) - 1n,
): Reading {
  const unlimited = amount >= max || amount >= UNLIMITED;
  return {
    kind: 'approve',
    assets: [{ role: 'allow', ...(token && { asset: token }), amount, ...(unlimited && { unlimited }) }],
    counterparties: [{ role: 'spender', address: spender }],
    permissions:
      amount === 0n
        ? []
        : [
            {
              kind: 'allowance',
              to: spender,
              ...(token && { asset: token }),
              amount,
              ...(unlimited && { unlimited }),
              ...(expiry !== undefined && { expiry }),
            },
          ],
  };
}

function admin(role: Counterparty['role'], address: Address): Reading {
  return {
    kind: 'adminChange',
    counterparties: [{ role, address }],
    permissions: role === 'newOwner' ? [{ kind: 'ownership', to: address }] : [],
  };
}

/** Guesses the action from the function name when no reader knows the signature. */
function byName(name: string): ActionKind {
  const n = name.toLowerCase();
  if (/swap|exactinput|exactoutput|unoswap|sellto|fillorder|transformerc20/.test(n)) return 'swap';
  if (/fulfill|matchorder|bulkexecute|^execute$|settle/.test(n)) return 'order';
  if (/bridge|deposittransaction|sendtoL2|outboundtransfer/i.test(n)) return 'bridge';
  if (/stake|submit|delegate/.test(n)) return n.includes('delegate') ? 'delegate' : 'stake';
  if (/^(deposit|supply|mint|repay)/.test(n)) return 'deposit';
  if (/^(withdraw|redeem|borrow|unstake|claim)/.test(n)) return 'withdraw';
  return 'unknown';
}

/** UR commands and v4 actions read as swaps, permits, wraps, sweeps and transfers. */
function commandKind(name: string): ActionKind {
  if (/SWAP/.test(name)) return 'swap';
  if (/PERMIT2_PERMIT/.test(name)) return 'permit';
  if (/TRANSFER|SWEEP|PAY_PORTION|TAKE/.test(name)) return 'tokenTransfer';
  if (/WRAP/.test(name)) return /UNWRAP/.test(name) ? 'withdraw' : 'deposit';
  if (/SEAPORT|LOOKS_RARE/.test(name)) return 'order';
  return 'unknown';
}

/** Universal Router recipients 1 and 2 stand for the caller and the router itself. */
const routerPlaceholders = new Set([
  '0x0000000000000000000000000000000000000001',
  '0x0000000000000000000000000000000000000002',
]);

/** A router swap: `(recipient, amountIn|amountOut, amountOutMin|amountInMax, path, payerIsUser)`. */
function swapReading(node: DecodedCall, route: readonly Address[]): Reading {
  const exactOut = node.function?.name.endsWith('EXACT_OUT') === true;
  const first = a(node, 1) as bigint;
  const second = a(node, 2) as bigint;
  const recipient = addr(a(node, 0));
  return {
    kind: 'swap',
    assets: [
      { role: 'send', asset: route[0] as Address, amount: exactOut ? second : first },
      { role: 'receive', asset: route[route.length - 1] as Address, amount: exactOut ? first : second },
    ],
    counterparties: routerPlaceholders.has(recipient.toLowerCase())
      ? []
      : [{ role: 'recipient', address: recipient }],
  };
}

/**
 * The intent of one decoded call and, recursively, of the calls nested in it. Known functions are
 * read into assets, counterparties and permissions; others get an action kind from their name at
 * most. Confidence is the minimum over the subtree.
 */
export function intentOfCall(node: DecodedCall): Intent {
  const children = node.children.map(intentOfCall);
  const token = node.to ?? undefined;
  const signature = node.function?.signature;
  const reader = signature && node.kind === 'call' ? readers[signature] : undefined;
  let reading: Reading;
  if (node.kind === 'call' && node.to === null) reading = { kind: 'deploy' };
  else if (node.source === 'empty')
    reading =
      node.value && node.value > 0n && node.to
        ? {
            kind: 'nativeTransfer',
            assets: [{ role: 'send', amount: node.value }],
            counterparties: [{ role: 'recipient', address: node.to }],
          }
        : { kind: 'unknown' };
  else if (reader) reading = reader(node, token);
  else if (node.kind !== 'call' && node.route) reading = swapReading(node, node.route);
  else if (node.kind !== 'call' && node.function) reading = { kind: commandKind(node.function.name) };
  else if (children.length > 0) reading = { kind: 'batch' };
  else reading = { kind: node.function ? byName(node.function.name) : 'unknown' };
  if (node.value && node.value > 0n && node.source !== 'empty')
    reading.assets = [...(reading.assets ?? []), { role: 'send', amount: node.value }];
  return {
    kind: reading.kind,
    ...(signature && { function: signature }),
    ...(node.selector && { selector: node.selector }),
    ...(node.to !== undefined && { to: node.to }),
    args: jsonArgs(node.args),
    assets: reading.assets ?? [],
    counterparties: reading.counterparties ?? [],
    permissions: reading.permissions ?? [],
    source: node.source,
    confidence: treeConfidence(node),
    children,
  };
}
