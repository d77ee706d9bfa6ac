import { t } from '$lib/i18n/i18n.svelte';
import type { ComposeErrorKey } from '$lib/wallet/compose';

/** A form error in words; `decimals` is how many an amount may have (NaN while unknown). */
export function errorText(key: ComposeErrorKey | undefined, decimals: number): string | undefined {
  if (!key) return undefined;
  if (key === 'amount')
    return Number.isInteger(decimals)
      ? t('compose.error.amount', { decimals })
      : t('compose.error.amountNoDecimals');
  return t(`compose.error.${key}`);
}
