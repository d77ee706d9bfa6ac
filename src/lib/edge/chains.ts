/** Names of well-known EVM chains by id (data only; no RPC endpoints). */
const chainNames: ReadonlyMap<bigint, string> = new Map([
  [1n, 'Ethereum'],
  [10n, 'OP Mainnet'],
  [25n, 'Cronos'],
  [56n, 'BNB Smart Chain'],
  [100n, 'Gnosis'],
  [130n, 'Unichain'],
  [137n, 'Polygon'],
  [146n, 'Sonic'],
  [250n, 'Fantom'],
  [252n, 'Fraxtal'],
  [324n, 'zkSync Era'],
  [1101n, 'Polygon zkEVM'],
  [1284n, 'Moonbeam'],
  [1329n, 'Sei'],
  [5000n, 'Mantle'],
  [8453n, 'Base'],
  [17000n, 'Holesky'],
  [31337n, 'Anvil (local)'],
  [34443n, 'Mode'],
  [42161n, 'Arbitrum One'],
  [42170n, 'Arbitrum Nova'],
  [42220n, 'Celo'],
  [43114n, 'Avalanche C-Chain'],
  [59144n, 'Linea'],
  [80094n, 'Berachain'],
  [81457n, 'Blast'],
  [84532n, 'Base Sepolia'],
  [534352n, 'Scroll'],
  [560048n, 'Hoodi'],
  [7777777n, 'Zora'],
  [11155111n, 'Sepolia'],
  [11155420n, 'OP Sepolia'],
]);

/** The name of a chain, or `undefined` when Vigil does not know it. */
export function chainName(chainId: bigint): string | undefined {
  return chainNames.get(chainId);
}
