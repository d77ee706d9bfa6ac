import type { InspectResult } from '$lib/edge/view';

/** Latency percentiles of the whole signing-time path (parse, decode, intent, gate), in milliseconds. */
export type GateLatency = {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
};

/** Times `inspect` over the inputs, `rounds` times after one unrecorded warm-up round. */
export function measureGate(
  inputs: readonly string[],
  rounds: number,
  inspect: (text: string) => InspectResult,
  now: () => number,
): GateLatency {
  for (const input of inputs) inspect(input);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const input of inputs) {
      const start = now();
      inspect(input);
      samples.push(now() - start);
    }
  samples.sort((a, b) => a - b);
  const at = (p: number) =>
    samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? Number.NaN;
  return {
    samples: samples.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    p999: at(0.999),
    max: samples[samples.length - 1] ?? Number.NaN,
  };
}
