import type { Address } from 'viem';

/** A contract that wallets delegate an EOA to with EIP-7702. */
export type KnownDelegate = {
  /** Lower-case. */
  readonly address: Address;
  readonly name: string;
  /** `walletbeat:<file>@<commit>`. */
  readonly source: string;
};

export type KnownDelegateReturnType = { readonly name: string; readonly source: string } | undefined;

/**
 * EIP-7702 delegates named by walletbeat (MIT), from the vendored
 * scripts/facts/vendor/walletbeat/delegates.json (delegates.test.ts keeps the two in step). Left
 * out: Ambire Smart Account (`eip7702Delegatable: false`) and "Kernal 7702", whose source file
 * repeats the MetaMask delegator's address.
 */
export const knownDelegates: readonly KnownDelegate[] = [
  {
    address: '0x000000005c84f8fd50b21cac312528a64437030e',
    name: 'Calibur (Uniswap)',
    source: 'walletbeat:data/wallet-contracts/uniswap-calibur.ts@1e4d7774261415f636c1bcab2be1c604266035bc',
  },
  {
    address: '0x5a7fc11397e9a8ad41bf10bf13f22b0a63f96f6d',
    name: 'Ambire Delegator',
    source: 'walletbeat:data/wallet-contracts/ambire-delegator.ts@03b656acd6cb164cbc5f0ac83dea372739ca4f1f',
  },
  {
    address: '0x612373d7003d694220f7800eeaf8e3924c0951d3',
    name: 'Rainbow Calibur',
    source: 'walletbeat:data/wallet-contracts/rainbow-calibur.ts@1f4c4f2f23891ed75021ae8f43d2e6ae33b984f0',
  },
  {
    address: '0x63c0c19a282a1b52b07dd5a65b58948a07dae32b',
    name: 'MetaMask 7702 Delegator',
    source:
      'walletbeat:data/wallet-contracts/metamask-7702-delegator.ts@03b656acd6cb164cbc5f0ac83dea372739ca4f1f',
  },
  {
    address: '0x7702cb554e6bfb442cb743a7df23154544a7176c',
    name: 'Coinbase EIP-7702 Proxy',
    source:
      'walletbeat:data/wallet-contracts/coinbase-eip7702-proxy.ts@83983ffede06f32c8ca0b8d4929b79fee47b7f83',
  },
  {
    address: '0xe40ccb2d94975c51bff0c004efdfd9b3a5796fa4',
    name: 'OKX EIP-7702 Delegator',
    source: 'walletbeat:data/wallet-contracts/okx-7702-delegator.ts@5fc27ec526f1c80aa18a44b1804020a11b2dc94c',
  },
  {
    address: '0xe6cae83bde06e4c305530e199d7217f42808555b',
    name: 'eth-infinitism Simple7702Account',
    source:
      'walletbeat:data/wallet-contracts/eth-infinitism-simple-7702.ts@fdfd54fa7c40e9d9569da2503747dc84c82980c0',
  },
];

/**
 * The known EIP-7702 delegate at `address` (case-insensitive), or `undefined`. Not being listed is not
 * evidence of malice: the list is short and names only wallets walletbeat reviews.
 */
export function knownDelegate(address: Address): KnownDelegateReturnType {
  if (typeof address !== 'string') return undefined;
  const key = address.toLowerCase();
  const found = knownDelegates.find((d) => d.address === key);
  return found && { name: found.name, source: found.source };
}
