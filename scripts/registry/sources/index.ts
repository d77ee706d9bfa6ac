import { manualEntries } from '../manual/index';
import { wrappedNativeContract } from '../manual/tokens';
import type { SourceEntry } from '../types';
import { cowContracts } from './cow';
import { ensContracts } from './ens';
import { entryPointContracts } from './entryPoint';
import { erc7730Contracts } from './erc7730';
import { lidoContracts } from './lido';
import { morphoContracts, morphoInterfaces } from './morpho';
import { multicall3Contract } from './multicall';
import { provenance } from './npm';
import { openZeppelinInterfaces } from './openzeppelin';
import { safeContracts } from './safe';
import { seaportContracts } from './seaport';
import { uniswapContracts, uniswapInterfaces, uniswapWrappedNative } from './uniswap';

/** Every registry entry from every source, in no particular order (generation sorts). */
export async function collectSources(): Promise<SourceEntry[]> {
  return [
    ...openZeppelinInterfaces(),
    ...uniswapInterfaces(),
    ...morphoInterfaces(),
    ...safeContracts(),
    ...uniswapContracts(),
    wrappedNativeContract(
      uniswapWrappedNative(),
      provenance('@uniswap/universal-router-sdk', 'CHAIN_CONFIGS weth').source,
    ),
    ...seaportContracts(),
    ...entryPointContracts(),
    ...cowContracts(),
    ...lidoContracts(),
    ...morphoContracts(),
    ...(await ensContracts()),
    multicall3Contract(),
    ...manualEntries(),
    ...erc7730Contracts(),
  ];
}
