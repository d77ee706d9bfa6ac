import type { SourceInterface } from '../types';
import { verified } from './verified';

/**
 * Smart-account entry points that user operations call (their `callData`): eth-infinitism
 * SimpleAccount v0.6 and v0.7 (`samples/SimpleAccount.sol`) and Coinbase Smart Wallet
 * (`CoinbaseSmartWallet.sol`). Not bound: every account is its own address.
 */
export function accountInterfaces(): SourceInterface[] {
  return [
    {
      kind: 'interface',
      id: 'account.simple-account',
      name: 'Smart account (SimpleAccount execute / executeBatch)',
      source: 'manual:scripts/registry/manual/accounts.ts (eth-infinitism SimpleAccount.sol v0.6, v0.7)',
      license: 'GPL-3.0-only',
      abi: verified([
        ['0xb61d27f6', 'function execute(address dest, uint256 value, bytes func)'],
        ['0x18dfb3c7', 'function executeBatch(address[] dest, bytes[] func)'],
        ['0x47e1da2a', 'function executeBatch(address[] dest, uint256[] value, bytes[] func)'],
      ]),
    },
    {
      kind: 'interface',
      id: 'account.coinbase-smart-wallet',
      name: 'Coinbase Smart Wallet',
      source: 'manual:scripts/registry/manual/accounts.ts (coinbase/smart-wallet CoinbaseSmartWallet.sol)',
      license: 'MIT',
      abi: verified([
        ['0xb61d27f6', 'function execute(address target, uint256 value, bytes data) payable'],
        ['0x34fcd5be', 'function executeBatch((address target, uint256 value, bytes data)[] calls) payable'],
      ]),
    },
  ];
}
