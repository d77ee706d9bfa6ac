import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi } from 'viem';
import { UNISWAP_V3_SWAP_ROUTER } from '../manual/uniswap';
import type { Deployment, SourceContract, SourceInterface } from '../types';
import { artifactAbi, packageFile, provenance } from './npm';

const modules = join(dirname(fileURLToPath(import.meta.url)), '../../../node_modules');
const require = createRequire(import.meta.url);

type RouterConfig = { readonly address: string };
type ChainConfig = { readonly weth: string; readonly routerConfigs: Readonly<Record<string, RouterConfig>> };
type SdkCoreAddresses = Readonly<Record<string, Readonly<Record<string, string | undefined>>>>;

/** Modules whose package `exports` hide them: loaded by path (they are plain CommonJS). */
function load<T>(path: string): T {
  return require(join(modules, path)) as T;
}

const urConstants = load<{ CHAIN_CONFIGS: Readonly<Record<string, ChainConfig>> }>(
  '@uniswap/universal-router-sdk/dist/cjs/src/utils/constants.js',
);
const sdkCore = load<{
  CHAIN_TO_ADDRESSES_MAP: SdkCoreAddresses;
  V2_ROUTER_ADDRESSES: Readonly<Record<string, string>>;
  SWAP_ROUTER_02_ADDRESSES: (chainId: number) => string;
}>('@uniswap/sdk-core/dist/cjs/src/index.js');
const permit2Sdk = load<{ permit2Address: (chainId: number) => string }>(
  '@uniswap/permit2-sdk/dist/cjs/src/index.js',
);
const v4Abi = load<{ positionManagerAbi: Abi }>(
  '@uniswap/v4-sdk/dist/cjs/src/utils/positionManagerAbi.js',
).positionManagerAbi;

const urChains = Object.entries(urConstants.CHAIN_CONFIGS).map(
  ([chain, config]) => [Number(chain), config] as const,
);

/**
 * Universal Router deployments by ABI line. The SDK reuses one address under several versions on
 * some chains (a chain that never had 1.2 lists its 2.0 router under 1.2 too); such an address is
 * bound to the newest version that lists it.
 */
function universalRouterDeployments(): { v1: Deployment[]; v2: Deployment[] } {
  const v1: Deployment[] = [];
  const v2: Deployment[] = [];
  for (const [chain, config] of urChains) {
    const versions = Object.entries(config.routerConfigs).sort(([a], [b]) =>
      a.localeCompare(b, 'en', { numeric: true }),
    );
    const newest = new Map<string, string>();
    for (const [version, { address }] of versions) newest.set(address.toLowerCase(), version);
    for (const [address, version] of newest) (version.startsWith('1.') ? v1 : v2).push([chain, address]);
  }
  return { v1, v2 };
}

function sdkCoreDeployments(key: string): Deployment[] {
  return Object.entries(sdkCore.CHAIN_TO_ADDRESSES_MAP).flatMap(([chain, addresses]): Deployment[] => {
    const address = addresses[key];
    return address ? [[Number(chain), address]] : [];
  });
}

/** Universal Router 1.2 and 2.x, SwapRouter, SwapRouter02, V2 Router02, V3 and V4 position managers, Permit2, WETH9. */
export function uniswapContracts(): SourceContract[] {
  const { v1, v2 } = universalRouterDeployments();
  const urPath = 'artifacts/contracts/UniversalRouter.sol/UniversalRouter.json';
  const coreChains = Object.keys(sdkCore.CHAIN_TO_ADDRESSES_MAP).map(Number);
  const permit2Path = 'dist/cjs/abis/Permit2.json';
  const contract = (entry: Omit<SourceContract, 'kind' | 'tier'>): SourceContract => ({
    kind: 'contract',
    tier: 'abi',
    ...entry,
  });
  return [
    contract({
      id: 'uniswap.universal-router@1.2',
      name: 'Uniswap Universal Router 1.2',
      ...provenance('uniswap-universal-router-v1', urPath),
      abi: artifactAbi('uniswap-universal-router-v1', urPath),
      deployments: v1,
    }),
    contract({
      // Deployments 2.0 – 2.2 share this ABI line; `executeSigned` exists from 2.1.1 on.
      id: 'uniswap.universal-router@2',
      name: 'Uniswap Universal Router 2',
      ...provenance('@uniswap/universal-router', urPath),
      abi: artifactAbi('@uniswap/universal-router', urPath),
      deployments: v2,
    }),
    contract({
      id: 'uniswap.v3-swap-router',
      name: 'Uniswap V3 SwapRouter',
      ...provenance('@uniswap/v3-periphery', 'artifacts/contracts/SwapRouter.sol/SwapRouter.json'),
      abi: artifactAbi('@uniswap/v3-periphery', 'artifacts/contracts/SwapRouter.sol/SwapRouter.json'),
      deployments: UNISWAP_V3_SWAP_ROUTER,
    }),
    contract({
      id: 'uniswap.swap-router-02',
      name: 'Uniswap SwapRouter02',
      ...provenance(
        '@uniswap/swap-router-contracts',
        'artifacts/contracts/SwapRouter02.sol/SwapRouter02.json',
      ),
      abi: artifactAbi(
        '@uniswap/swap-router-contracts',
        'artifacts/contracts/SwapRouter02.sol/SwapRouter02.json',
      ),
      deployments: coreChains.map((chain): Deployment => [chain, sdkCore.SWAP_ROUTER_02_ADDRESSES(chain)]),
    }),
    contract({
      id: 'uniswap.v2-router-02',
      name: 'Uniswap V2 Router02',
      ...provenance('@uniswap/v2-periphery', 'build/UniswapV2Router02.json'),
      abi: artifactAbi('@uniswap/v2-periphery', 'build/UniswapV2Router02.json'),
      deployments: Object.entries(sdkCore.V2_ROUTER_ADDRESSES).map(
        ([chain, a]): Deployment => [Number(chain), a],
      ),
    }),
    contract({
      id: 'uniswap.v3-nonfungible-position-manager',
      name: 'Uniswap V3 NonfungiblePositionManager',
      ...provenance(
        '@uniswap/v3-periphery',
        'artifacts/contracts/NonfungiblePositionManager.sol/NonfungiblePositionManager.json',
      ),
      abi: artifactAbi(
        '@uniswap/v3-periphery',
        'artifacts/contracts/NonfungiblePositionManager.sol/NonfungiblePositionManager.json',
      ),
      deployments: sdkCoreDeployments('nonfungiblePositionManagerAddress'),
    }),
    contract({
      id: 'uniswap.v4-position-manager',
      name: 'Uniswap V4 PositionManager',
      ...provenance('@uniswap/v4-sdk', 'dist/cjs/src/utils/positionManagerAbi.js'),
      abi: v4Abi,
      deployments: sdkCoreDeployments('v4PositionManagerAddress'),
    }),
    contract({
      // Every chain with a Universal Router has Permit2 (the router pays through it).
      id: 'uniswap.permit2',
      name: 'Permit2',
      ...provenance('@uniswap/permit2-sdk', permit2Path),
      abi: packageFile<Abi>('@uniswap/permit2-sdk', permit2Path),
      deployments: urChains.map(([chain]): Deployment => [chain, permit2Sdk.permit2Address(chain)]),
    }),
  ];
}

/** The wrapped native token of every Universal Router chain (WETH9 or a WETH9-compatible clone). */
export function uniswapWrappedNative(): Deployment[] {
  return urChains.flatMap(([chain, config]): Deployment[] =>
    /^0x0{40}$/i.test(config.weth) ? [] : [[chain, config.weth]],
  );
}

/** Uniswap periphery interfaces users sign for without a fixed address. */
export function uniswapInterfaces(): SourceInterface[] {
  const path = 'artifacts/contracts/interfaces/IMulticallExtended.sol/IMulticallExtended.json';
  return [
    {
      kind: 'interface',
      id: 'uniswap.multicall-extended',
      name: 'Uniswap periphery multicall (with deadline / previous block hash)',
      ...provenance('@uniswap/swap-router-contracts', path),
      abi: artifactAbi('@uniswap/swap-router-contracts', path),
    },
  ];
}
