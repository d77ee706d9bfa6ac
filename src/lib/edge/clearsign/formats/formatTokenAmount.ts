import { type Address, formatUnits } from 'viem';
import { nativeCurrency } from '../../tokens/nativeCurrency';
import { type TokenInfo, tokenInfo } from '../../tokens/tokens';

/** Parameters of {@link formatTokenAmount}, already resolved from the descriptor. */
export type FormatTokenAmountParameters = {
  amount: bigint;
  /** Absent when the EIP-712 domain names no chain: then no token is known. */
  chainId?: bigint;
  /** The token contract; undefined when the descriptor gives no way to find it. */
  token?: Address;
  /** Addresses that stand for the native currency (`nativeCurrencyAddress`). */
  nativeCurrencyAddresses?: readonly Address[];
  /** At or above this, the amount is shown as `message` (e.g. `Unlimited`). */
  threshold?: bigint;
  message?: string;
  /** Token metadata the descriptor itself declares (`metadata.token`), for its own contract. */
  declared?: { address: Address; info: TokenInfo };
};

/** The rendered amount and what the user should know about it. */
export type FormatTokenAmountReturnType = { value: string; warnings: string[] };

/**
 * ERC-7730 `tokenAmount`: `1234.5 USDC` (exact decimals, no separators), `Unlimited USDC` at or
 * above the threshold. An amount of a token Vigil does not know is shown in base units, with a
 * warning: never with guessed decimals.
 */
export function formatTokenAmount(parameters: FormatTokenAmountParameters): FormatTokenAmountReturnType {
  const { amount, chainId, token, threshold } = parameters;
  const warnings: string[] = [];
  let info: TokenInfo | undefined;
  if (token === undefined) {
    warnings.push('The descriptor does not say which token this amount is in.');
  } else if (parameters.nativeCurrencyAddresses?.some((a) => a.toLowerCase() === token.toLowerCase())) {
    info = chainId === undefined ? undefined : nativeCurrency(chainId);
  } else if (parameters.declared && parameters.declared.address.toLowerCase() === token.toLowerCase()) {
    info = parameters.declared.info;
  } else {
    info = chainId === undefined ? undefined : tokenInfo(chainId, token);
  }
  if (token !== undefined && !info)
    warnings.push(
      `Unknown token ${token} on chain ${chainId ?? '(none)'}: the amount is shown in its smallest unit.`,
    );
  if (threshold !== undefined && amount >= threshold) {
    const message = parameters.message ?? 'Unlimited';
    return { value: info ? `${message} ${info.symbol}` : message, warnings };
  }
  return {
    value: info ? `${formatUnits(amount, info.decimals)} ${info.symbol}` : amount.toString(),
    warnings,
  };
}
