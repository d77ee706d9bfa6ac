import type { SourceEntry } from '../types';
import { accountInterfaces } from './accounts';
import { blurContracts, zeroExContracts } from './marketplaces';
import { multicallContracts } from './multicall';
import { aaveInterfaces, ensLegacyContracts } from './protocols';
import { daiContract } from './tokens';

/** Every hand-written entry that needs no package (WETH9 and Multicall3 are bound in sources/). */
export function manualEntries(): SourceEntry[] {
  return [
    ...multicallContracts(),
    daiContract(),
    ...blurContracts(),
    ...zeroExContracts(),
    ...ensLegacyContracts(),
    ...aaveInterfaces(),
    ...accountInterfaces(),
  ];
}
