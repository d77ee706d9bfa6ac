import type { Finding } from '$lib/edge/gate/decision';
import { severityRisk } from '$lib/edge/gate/policy';

/** The findings, most severe first; findings of equal severity keep the gate's order. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => severityRisk[b.finding.severity] - severityRisk[a.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}

/** A hash cut to its first 10 characters (`0x` and 8 hex digits), for display next to a copy button. */
export function shortHash(hash: string): string {
  return hash.length > 10 ? `${hash.slice(0, 10)}…` : hash;
}

/** A confidence in [0, 1] as a whole percentage. */
export function percent(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100);
}
