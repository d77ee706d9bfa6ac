import { type Hex, keccak256, stringToHex } from 'viem';
import { treeConfidence } from '../decode/types';
import { canonicalJson } from './canonicalJson';
import { DECISION_SCHEMA, type Decision, type Finding, type TraceEntry, type Verdict } from './decision';
import type { Facts } from './facts';
import { policyHash, type Severity, severityRisk } from './policy';
import type { RuleContext } from './rule';
import { rules } from './rules/index';

const severityOrder: Readonly<Record<Severity, number>> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  info: 4,
};

/** Facts that count as unknown when empty, for rules that need them. */
function known(facts: Facts, need: keyof Facts): boolean {
  const value = facts[need];
  if (value === undefined) return false;
  if (need === 'history') return facts.historyKnown || facts.history.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return true;
}

/** keccak256 of the canonical JSON of the payload (or of the raw input, when it did not parse). */
export function payloadHashOf(ctx: Pick<RuleContext, 'payload'>, rawInput?: string): Hex {
  return keccak256(
    stringToHex(ctx.payload ? canonicalJson(ctx.payload) : canonicalJson({ unparsed: rawInput ?? '' })),
  );
}

/**
 * The signing-time gate: a pure function of the decoded request and the policy context. Every rule
 * runs in a fixed order; findings are sorted by severity then id; the verdict is Block on any
 * critical finding, else StepUp when confidence γ < τ_conf or risk ρ > τ_risk, else Allow.
 * An unreadable input is Block (fail closed).
 */
export function evaluateGate(ctx: RuleContext, rawInput?: string): Decision {
  const findings: Finding[] = [];
  const trace: TraceEntry[] = [];
  for (const rule of rules) {
    const override = ctx.policy.rules[rule.id];
    if (override?.enabled === false) {
      trace.push({ rule: rule.id, outcome: 'disabled' });
      continue;
    }
    const missing = rule.needs.filter((need) => !known(ctx.facts, need));
    if (missing.length > 0) {
      trace.push({ rule: rule.id, outcome: 'skipped', missing });
      continue;
    }
    const hit = rule.evaluate(ctx, override?.threshold ?? rule.threshold);
    if (!hit) {
      trace.push({ rule: rule.id, outcome: 'clear' });
      continue;
    }
    const severity = override?.severity ?? rule.severity;
    trace.push({ rule: rule.id, outcome: 'fired', severity });
    findings.push({ rule: rule.id, severity, message: hit.message, path: hit.path });
  }
  findings.sort(
    (a, b) =>
      severityOrder[a.severity] - severityOrder[b.severity] ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );

  const confidence = ctx.parseError
    ? 0
    : Math.min(ctx.intent?.confidence ?? 0, ...ctx.calls.map(treeConfidence));
  const risk = findings.reduce((max, f) => Math.max(max, severityRisk[f.severity]), 0);
  const verdict: Verdict =
    ctx.parseError || findings.some((f) => f.severity === 'critical')
      ? 'block'
      : confidence < ctx.policy.tauConf || risk > ctx.policy.tauRisk
        ? 'stepup'
        : 'allow';
  return {
    schema: DECISION_SCHEMA,
    verdict,
    reasons: findings.filter((f) => f.severity !== 'info').map((f) => f.message),
    findings,
    confidence,
    risk,
    action: ctx.intent?.kind ?? 'unknown',
    trace,
    payloadHash: payloadHashOf(ctx, rawInput),
    policyHash: policyHash(ctx.policy),
    policy: ctx.policy.name,
  };
}
