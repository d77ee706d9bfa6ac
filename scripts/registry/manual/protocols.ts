import type { SourceContract, SourceInterface } from '../types';
import { verified } from './verified';

/**
 * The first ETHRegistrarController (2019 – 2023; `ETHRegistrarController.sol` of ensdomains/ens-contracts),
 * still callable on mainnet. ensjs ships only the current controller.
 */
export function ensLegacyContracts(): SourceContract[] {
  return [
    {
      kind: 'contract',
      tier: 'abi',
      id: 'ens.eth-registrar-controller@2019',
      name: 'ENS ETHRegistrarController (2019)',
      source: 'manual:scripts/registry/manual/protocols.ts (ensdomains ETHRegistrarController.sol, 2019)',
      license: 'MIT',
      abi: verified([
        ['0xf14fcbc8', 'function commit(bytes32 commitment)'],
        [
          '0x85f6d155',
          'function register(string name, address owner, uint256 duration, bytes32 secret) payable',
        ],
        [
          '0xf7a16963',
          'function registerWithConfig(string name, address owner, uint256 duration, bytes32 secret, address resolver, address addr) payable',
        ],
        ['0xacf1a841', 'function renew(string name, uint256 duration) payable'],
      ]),
      deployments: [[1, '0x283Af0B28c62C092C9727F1Ee09c02CA627EB7F5']],
    },
  ];
}

/**
 * Aave V3 Pool functions the ERC-7730 descriptor of the Pool does not display (aave/aave-v3-core
 * `interfaces/IPool.sol`); the descriptor binds the Pool's addresses.
 */
export function aaveInterfaces(): SourceInterface[] {
  return [
    {
      kind: 'interface',
      id: 'aave.v3-pool',
      name: 'Aave V3 Pool (flash loans, liquidation, e-mode)',
      source: 'manual:scripts/registry/manual/protocols.ts (aave-v3-core IPool.sol)',
      license: 'MIT',
      abi: verified([
        [
          '0xab9c4b5d',
          'function flashLoan(address receiverAddress, address[] assets, uint256[] amounts, uint256[] interestRateModes, address onBehalfOf, bytes params, uint16 referralCode)',
        ],
        [
          '0x42b0b77c',
          'function flashLoanSimple(address receiverAddress, address asset, uint256 amount, bytes params, uint16 referralCode)',
        ],
        [
          '0x00a718a9',
          'function liquidationCall(address collateralAsset, address debtAsset, address user, uint256 debtToCover, bool receiveAToken)',
        ],
        ['0x28530a47', 'function setUserEMode(uint8 categoryId)'],
      ]),
    },
  ];
}
