import { t } from '$lib/i18n/i18n.svelte';
import type { TokenView } from './draft.svelte';

/** What Compose knows about a token, in words, for the hint under its address. */
export function tokenHint(view: TokenView): string | undefined {
  switch (view.source) {
    case 'none':
      return undefined;
    case 'bundled':
      return t('compose.token.bundled', { symbol: view.symbol, decimals: view.decimals });
    case 'chain':
      return t('compose.token.chain', {
        symbol: view.symbol ?? t('compose.token.noSymbol'),
        decimals: view.decimals,
      });
    case 'reading':
      return t('compose.token.reading');
    case 'failed':
      return `${t(`compose.read.${view.reason}`)} ${t('compose.token.typeDecimals')}`;
    case 'offline':
      return t('compose.token.offline');
  }
}

/** The token's symbol when known (bundled or read), for labels. */
export function tokenSymbol(view: TokenView): string | undefined {
  return view.source === 'bundled' || view.source === 'chain' ? view.symbol : undefined;
}

/** The token's decimals when known (bundled or read). */
export function tokenDecimals(view: TokenView): number | undefined {
  return view.source === 'bundled' || view.source === 'chain' ? view.decimals : undefined;
}
