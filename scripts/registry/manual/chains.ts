/**
 * Chains on which Vigil binds contracts deployed at one deterministic CREATE2 address on every EVM
 * chain (ERC-4337 EntryPoints through the keyless deployer of EIP-2470 / Arachnid's
 * deterministic-deployment-proxy, Seaport through its keyless ImmutableCreate2Factory).
 *
 * Binding such an address on a chain where it is not deployed yet is safe: the address derives from
 * the factory, a salt and the hash of the init code, so only that same contract can ever be deployed
 * there. Chains where CREATE2 derives addresses differently (zkSync Era) are left out. The list is
 * kept to large, long-lived chains and their main testnets rather than every chain id.
 */
export const DETERMINISTIC_CHAINS: readonly number[] = [
  1, // Ethereum
  10, // OP Mainnet
  56, // BNB Smart Chain
  100, // Gnosis
  137, // Polygon PoS
  8453, // Base
  42161, // Arbitrum One
  43114, // Avalanche C-Chain
  84532, // Base Sepolia
  421614, // Arbitrum Sepolia
  11155111, // Sepolia
  11155420, // OP Sepolia
];
