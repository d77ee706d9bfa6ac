import { formatEther, formatGwei } from 'viem';
import { chainName } from './chains';

/** `1.5 ETH` — an amount of wei in ether, exact (no rounding). */
export function formatEth(wei: bigint): string {
  return `${formatEther(wei)} ETH`;
}

/** `12.5 gwei` — a gas price, exact. */
export function formatGasPrice(wei: bigint): string {
  return `${formatGwei(wei)} gwei`;
}

/** `Ethereum (1)`, or `12345` alone for a chain Vigil does not know (the label already says chain). */
export function formatChain(chainId: bigint): string {
  const name = chainName(chainId);
  return name ? `${name} (${chainId})` : chainId.toString();
}

/** `1,234,567` — an integer with thousands separators, locale-independent. */
export function formatInteger(value: bigint | number): string {
  const text = value.toString();
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${grouped}` : grouped;
}
