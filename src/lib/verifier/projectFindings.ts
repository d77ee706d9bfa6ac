import type { Finding } from '../edge/gate/decision';
import { clip } from './text';

/** A finding as a model is shown it. */
export type ProjectedFinding = { rule: string; severity: Finding['severity']; message: string; path: string };

/** The most findings a prompt lists, and the longest message it keeps. */
export const FINDING_LIMITS = { count: 24, messageChars: 300 } as const;

/**
 * The edge's findings for a prompt, in the gate's order (most serious first), capped by
 * `FINDING_LIMITS`; `omitted` counts the findings left out. Pure.
 */
export function projectFindings(findings: readonly Finding[]): {
  findings: ProjectedFinding[];
  omitted?: number;
} {
  const kept = findings.slice(0, FINDING_LIMITS.count).map((f) => ({
    rule: clip(f.rule, 64),
    severity: f.severity,
    message: clip(f.message, FINDING_LIMITS.messageChars),
    path: clip(f.path, 96),
  }));
  const omitted = findings.length - kept.length;
  return { findings: kept, ...(omitted > 0 && { omitted }) };
}
