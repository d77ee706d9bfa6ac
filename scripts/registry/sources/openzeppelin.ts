import type { AbiFunction } from 'viem';
import { functionsOf, pick } from '../abi';
import type { SourceInterface } from '../types';
import { artifactAbi, provenance } from './npm';

const OZ = '@openzeppelin/contracts';
/** OpenZeppelin Contracts 4.9: the admin functions of proxies deployed before 5.0, and ERC-20 allowance helpers. */
const OZ4 = 'openzeppelin-contracts-v4';

type Part = readonly [contract: string, functions?: readonly string[]];

function fromArtifacts(
  pkg: string,
  parts: readonly Part[],
): { abi: AbiFunction[]; source: string; license: string } {
  const abi = parts.flatMap(([contract, functions]) => {
    const artifact = artifactAbi(pkg, `build/contracts/${contract}.json`);
    return functions ? pick(artifact, functions, `${pkg} ${contract}`) : functionsOf(artifact);
  });
  const { source, license } = provenance(pkg);
  return { abi, source: `${source} build/contracts/{${parts.map(([c]) => c).join(',')}}.json`, license };
}

function standard(id: string, name: string, parts: readonly Part[], pkg = OZ): SourceInterface {
  return { kind: 'interface', id, name, ...fromArtifacts(pkg, parts) };
}

/** Token standards and their common extensions, account standards, ownership, roles, proxies, governance. */
export function openZeppelinInterfaces(): SourceInterface[] {
  return [
    standard('erc20', 'ERC-20', [['IERC20'], ['IERC20Metadata']]),
    standard(
      'erc20.allowance-helpers',
      'ERC-20 increase/decreaseAllowance (OpenZeppelin 4.x)',
      [['ERC20', ['increaseAllowance', 'decreaseAllowance']]],
      OZ4,
    ),
    standard('erc20.burnable', 'ERC-20 Burnable', [['ERC20Burnable', ['burn', 'burnFrom']]]),
    standard(
      'erc20.mintable-pausable',
      'ERC-20 mint / pause / unpause (OpenZeppelin 4.x preset)',
      [['ERC20PresetMinterPauser', ['mint', 'pause', 'unpause']]],
      OZ4,
    ),
    standard('erc2612', 'ERC-2612 permit', [['IERC20Permit']]),
    standard('erc3009', 'ERC-3009 transfer with authorization', [['IERC3009'], ['IERC3009Cancel']]),
    standard('erc1363', 'ERC-1363 payable token', [
      ['IERC1363', ['transferAndCall', 'transferFromAndCall', 'approveAndCall']],
    ]),
    standard('erc4626', 'ERC-4626 tokenized vault', [['IERC4626']]),
    standard('erc5805', 'ERC-5805 votes delegation', [['IVotes'], ['IERC6372']]),
    standard('erc721', 'ERC-721', [['IERC721'], ['IERC721Metadata'], ['IERC721Enumerable']]),
    standard('erc721.burnable', 'ERC-721 Burnable', [['ERC721Burnable', ['burn']]]),
    standard('erc1155', 'ERC-1155', [['IERC1155'], ['IERC1155MetadataURI']]),
    standard('erc1155.burnable', 'ERC-1155 Burnable', [['ERC1155Burnable', ['burn', 'burnBatch']]]),
    standard('erc6909', 'ERC-6909 multi-token', [['IERC6909']]),
    standard('erc165', 'ERC-165', [['IERC165']]),
    standard('erc1271', 'ERC-1271 contract signatures', [['IERC1271']]),
    standard('erc7821', 'ERC-7821 minimal batch executor', [['IERC7821']]),
    standard('erc7579', 'ERC-7579 modular account', [
      ['IERC7579Execution'],
      ['IERC7579ModuleConfig'],
      ['IERC7579AccountConfig'],
    ]),
    standard('erc4337.account', 'ERC-4337 account', [['IAccount'], ['IAccountExecute']]),
    standard('ownable', 'Ownable', [['Ownable', ['owner', 'transferOwnership', 'renounceOwnership']]]),
    standard('ownable2step', 'Ownable2Step', [['Ownable2Step', ['pendingOwner', 'acceptOwnership']]]),
    standard('access-control', 'AccessControl', [['IAccessControl']]),
    standard('access-control.default-admin-rules', 'AccessControlDefaultAdminRules', [
      ['IAccessControlDefaultAdminRules'],
    ]),
    standard('proxy.transparent', 'ERC-1967 transparent proxy admin (OpenZeppelin 5.x)', [
      ['ITransparentUpgradeableProxy'],
    ]),
    standard('proxy.uups', 'UUPS upgrade (OpenZeppelin 5.x)', [
      ['UUPSUpgradeable', ['upgradeToAndCall', 'proxiableUUID', 'UPGRADE_INTERFACE_VERSION']],
    ]),
    standard('proxy.proxy-admin', 'ProxyAdmin (OpenZeppelin 5.x)', [
      ['ProxyAdmin', ['upgradeAndCall', 'UPGRADE_INTERFACE_VERSION']],
    ]),
    standard('proxy.beacon', 'UpgradeableBeacon', [['UpgradeableBeacon', ['upgradeTo', 'implementation']]]),
    standard(
      'proxy.transparent@oz4',
      'ERC-1967 transparent proxy admin (OpenZeppelin 4.x)',
      [['ITransparentUpgradeableProxy']],
      OZ4,
    ),
    standard(
      'proxy.uups@oz4',
      'UUPS upgrade (OpenZeppelin 4.x)',
      [['UUPSUpgradeable', ['upgradeTo', 'upgradeToAndCall', 'proxiableUUID']]],
      OZ4,
    ),
    standard(
      'proxy.proxy-admin@oz4',
      'ProxyAdmin (OpenZeppelin 4.x)',
      [
        [
          'ProxyAdmin',
          ['changeProxyAdmin', 'getProxyAdmin', 'getProxyImplementation', 'upgrade', 'upgradeAndCall'],
        ],
      ],
      OZ4,
    ),
    standard('governor', 'Governor', [['IGovernor']]),
    standard('timelock', 'TimelockController', [
      [
        'TimelockController',
        [
          'schedule',
          'scheduleBatch',
          'execute',
          'executeBatch',
          'cancel',
          'updateDelay',
          'getMinDelay',
          'hashOperation',
          'hashOperationBatch',
          'getOperationState',
          'getTimestamp',
        ],
      ],
    ]),
    standard('multicall', 'Multicall (bytes[])', [['Multicall']]),
  ];
}
