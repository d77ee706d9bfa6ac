import { describe, expect, test } from 'vitest';
import type { CloudAdvice } from '../cloud/types';
import { inspect } from '../edge/inspect';
import { CLOUD_RULE, withCloudAdvice } from './withCloudAdvice';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const stranger = '0x1111111111111111111111111111111111111111';
const unlimitedApprove = JSON.stringify({
  chainId: 1,
  to: USDC,
  data: `0x095ea7b3${stranger.slice(2).padStart(64, '0')}${'f'.repeat(64)}`,
});

function decided(text: string) {
  const result = inspect(text);
  if (!result.ok) throw new Error('fixture does not inspect');
  return result.decision;
}

const advice = (over: Partial<CloudAdvice> = {}): CloudAdvice => ({
  kind: 'advice',
  source: 'cloud',
  mode: 'foresight',
  reputation: 'trusted',
  incidents: [],
  context: 'A widely used stablecoin.',
  risk: 0,
  suggested: 'allow',
  explanation: 'Looks fine.',
  ...over,
});

describe('withCloudAdvice', () => {
  test('a cloud answer that calls a Step up safe does not lower it', () => {
    const edge = decided(unlimitedApprove);
    expect(edge.verdict).toBe('stepup');
    expect(withCloudAdvice(edge, advice(), 0.4)).toBe(edge);
  });

  test('a cloud Block raises the verdict, with a finding that names the incident', () => {
    const edge = decided(unlimitedApprove);
    const raised = withCloudAdvice(
      edge,
      advice({
        reputation: 'malicious',
        risk: 0.95,
        suggested: 'block',
        incidents: [{ what: 'drainer campaign', when: '2025-03' }],
      }),
      0.4,
    );
    expect(raised.verdict).toBe('block');
    const added = raised.findings.at(-1);
    expect(added).toMatchObject({ rule: CLOUD_RULE, severity: 'high' });
    expect(added?.message).toContain('drainer campaign (2025-03)');
    expect(raised.findings.slice(0, -1)).toEqual(edge.findings);
    expect(raised.payloadHash).toBe(edge.payloadHash);
  });

  test('a risk above τ_risk raises to Step up; no advice changes nothing', () => {
    const edge = { ...decided(unlimitedApprove), verdict: 'allow' as const };
    expect(withCloudAdvice(edge, advice({ risk: 0.6 }), 0.4).verdict).toBe('stepup');
    expect(withCloudAdvice(edge, advice({ risk: 0.3 }), 0.4)).toBe(edge);
    for (const none of [undefined, { kind: 'none', reason: 'late' } as const])
      expect(withCloudAdvice(edge, none, 0.4)).toBe(edge);
  });
});
