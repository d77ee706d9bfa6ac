import type { InspectResult } from '../lib/edge/view';

/**
 * What the CLI prints for a result: the parse, the intent (whose JSON form carries the decoded
 * tree), the clear-signing display, and the gate's verdict, findings and hashes. The full trace
 * stays in the app's "Why?" view.
 */
export function cliResult(result: InspectResult): unknown {
  const { decision } = result;
  const gate = {
    verdict: decision.verdict,
    findings: decision.findings.map(({ rule, severity, message }) => ({ rule, severity, message })),
    confidence: decision.confidence,
    payloadHash: decision.payloadHash,
    policyHash: decision.policyHash,
  };
  if (!result.ok) return { ok: false, error: result.error, ...gate };
  const { calls: _calls, display, decision: _decision, ...rest } = result;
  return {
    ...rest,
    ...(display && {
      display: { title: display.title, fields: display.fields.map(({ label, value }) => ({ label, value })) },
    }),
    ...gate,
  };
}
