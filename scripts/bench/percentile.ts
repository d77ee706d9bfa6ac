/** Latency percentiles of a set of samples, in the samples' unit (milliseconds in these scripts). */
export type Percentiles = {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
};

/**
 * The p-th percentile (0 < p ≤ 100) of samples sorted in ascending order, by the nearest-rank
 * method: the smallest sample such that at least p % of the samples are ≤ it. Throws a RangeError
 * for an empty array or a p outside (0, 100].
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (!(Number.isFinite(p) && p > 0 && p <= 100)) throw new RangeError(`p must be within (0, 100], got ${p}`);
  if (sorted.length === 0) throw new RangeError('no samples');
  // The small tolerance keeps p·n that is an integer in exact arithmetic (99.9 × 1000) from
  // rounding up to the next rank in floating point.
  const rank = Math.ceil((p * sorted.length) / 100 - 1e-9);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1] as number;
}

/** p50, p95, p99, p99.9 and the maximum of unsorted samples (the input is not modified). */
export function summarize(samples: readonly number[]): Percentiles {
  if (samples.some((s) => !Number.isFinite(s))) throw new RangeError('every sample must be a finite number');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: percentile(sorted, 100),
  };
}

/**
 * Milliseconds with about three significant digits, and never more than the microsecond the
 * timer is worth: 0.042, 1.23, 12.3, 140.
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`not a duration: ${ms}`);
  if (ms < 1) return ms.toFixed(3);
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}
