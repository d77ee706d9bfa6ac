import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { advanceFacts } from '../../src/lib/edge/gate/advanceFacts';
import { type Facts, noFacts } from '../../src/lib/edge/gate/facts';
import { parseContext, parsePolicy } from '../../src/lib/edge/gate/parseContext';
import { inspect } from '../../src/lib/edge/inspect';

/**
 * Multi-turn scenarios: each file is a sequence of requests with the verdict expected at each
 * step. Facts carry over between turns as the shell would carry them: a request the user signs
 * (any verdict but block) adds its recipients to the history and its grants and payments to the
 * session's exposure; an `observe` step adds what the wallet saw happen (e.g. an incoming dust
 * transfer that puts a look-alike address in the history).
 */
export type Step =
  | { input: string; expect: 'allow' | 'stepup' | 'block'; rules?: string[] }
  | { observe: Record<string, unknown> };
export type Scenario = {
  name: string;
  description: string;
  policy?: unknown;
  context?: unknown;
  steps: Step[];
};

/** Every scenario file in tests/scenarios, in name order. */
export function loadScenarios(dir = 'tests/scenarios'): Scenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Scenario);
}

/** Runs a scenario; returns the steps that went wrong (empty: multi-turn success). */
export function runScenario(scenario: Scenario): string[] {
  const policy = parsePolicy(scenario.policy ?? {});
  let facts: Facts = parseContext(scenario.context ?? {}, noFacts);
  const wrong: string[] = [];
  scenario.steps.forEach((step, i) => {
    if ('observe' in step) {
      facts = parseContext(
        {
          ...step.observe,
          history: [...facts.history.map((h) => h.address), ...((step.observe.history as string[]) ?? [])],
        },
        facts,
      );
      return;
    }
    const result = inspect(step.input, { policy, facts });
    const { verdict, findings } = result.decision;
    const rules = findings.map((f) => f.rule);
    if (verdict !== step.expect)
      wrong.push(`step ${i + 1}: ${verdict} ≠ ${step.expect} (${rules.join(', ') || 'no findings'})`);
    for (const rule of step.rules ?? [])
      if (!rules.includes(rule)) wrong.push(`step ${i + 1}: ${rule} did not fire`);
    if (result.ok && verdict !== 'block') facts = advanceFacts(facts, result.intent, facts.now);
  });
  return wrong;
}
