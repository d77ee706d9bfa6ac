/** How sure a decode is, as a tone: `ok` when certain, `warn` when partly, `danger` when barely or not. */
export function confidenceTone(confidence: number): 'ok' | 'warn' | 'danger' {
  return confidence >= 0.9 ? 'ok' : confidence >= 0.5 ? 'warn' : 'danger';
}

/** γ as written on a badge: two decimals, `1.00`, `0.70`. */
export function formatGamma(confidence: number): string {
  return confidence.toFixed(2);
}

/** γ as a whole percentage, `70`. */
export function formatPercent(confidence: number): number {
  return Math.round(confidence * 100);
}
