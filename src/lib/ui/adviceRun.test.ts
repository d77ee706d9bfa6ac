import { afterEach, describe, expect, test } from 'vitest';
import type { CloudSetup } from '$lib/cloud/setup';
import { inspect } from '$lib/edge/inspect';
import { initialLatency, LATENCY_PRIORS } from '$lib/orchestrator';
import type { LocalModels } from '$lib/verifier/localModels.svelte';
import { chatCompletion, type Loopback, startLoopback } from '../../../scripts/cloud/loopback';
import { AdviceRun, type AdviceRunShell } from './adviceRun.svelte';

const approval = inspect(
  JSON.stringify({
    from: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
    chainId: 1,
    data: `0x095ea7b3${'4b'.repeat(20).padStart(64, '0')}${'f'.repeat(64)}`,
  }),
);
if (!approval.ok) throw new Error('fixture');

/** No local model: the models cannot run here (as in headless Chromium without WebGPU). */
const noModels = {
  roles: {
    nano: { status: 'unavailable', reason: 'no-webgpu' },
    verifier: { status: 'unavailable', reason: 'no-webgpu' },
  },
  complete: () => async () => {
    throw new Error('no model');
  },
} as unknown as LocalModels;

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    map,
  };
}

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function runWith(setup: CloudSetup | undefined, extra: Partial<AdviceRunShell> = {}) {
  const storage = memoryStorage();
  const run = new AdviceRun({
    models: noModels,
    cloud: () => setup,
    online: () => true,
    cspAllows: () => undefined,
    account: () => ({ addresses: [] }),
    storage,
    ...extra,
  });
  return { run, storage };
}

const options = {
  language: 'en' as const,
  known: [],
  tauConf: 0.7,
  tauRisk: 0.4,
  budgetMs: 30_000,
  edgeMs: 0.5,
};

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('AdviceRun', () => {
  test('routes a Step up to the cloud, records provenance and the latency it measured, and waits the signer', async () => {
    server = await startLoopback();
    const setup: CloudSetup = {
      config: { baseUrl: server.url, model: 'm', timeoutMs: 2000 },
      profile: 'strict',
    };
    const { run, storage } = runWith(setup);
    run.ask(approval, options);
    expect(run.route?.plan.id).toBe('edge-cloud');
    expect(run.pendingFor(approval.decision)).toBe(true);
    await until(() => run.cloud?.result !== undefined);
    expect(run.pendingFor(approval.decision)).toBe(false);
    expect(run.cloud?.result?.kind).toBe('advice');
    expect(run.provenance.map((r) => [r.tier, r.signal, r.outcome])).toEqual([
      ['edge', 'decision', 'decided'],
      ['cloud', 'foresight', 'answered'],
    ]);
    expect(run.provenance[1]?.promptHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(run.provenance[1]?.profile).toBe('strict');
    expect(run.latency.cloud.samples).toBe(1);
    expect(JSON.parse(storage.map.get('vigil.latency') ?? '{}').cloud.samples).toBe(1);
    // The same question is not asked twice.
    run.ask(approval, options);
    expect(server.requests).toHaveLength(1);
  });

  test('a late answer counts as the whole timeout, and the decision to sign under stays the rules’', async () => {
    server = await startLoopback({ delayMs: 400 });
    const setup: CloudSetup = {
      config: { baseUrl: server.url, model: 'm', timeoutMs: 100 },
      profile: 'default',
    };
    const { run } = runWith(setup);
    run.ask(approval, options);
    await until(() => run.cloud?.result !== undefined);
    expect(run.cloud?.result).toMatchObject({ kind: 'none', reason: 'late' });
    expect(run.latency.cloud.meanMs).toBe(100);
    expect(run.decisionFor(approval.decision)).toBe(approval.decision);
  });

  test('a malicious answer raises the decision to sign under, and says the cloud raised it', async () => {
    const bad = {
      reputation: 'malicious',
      incidents: [],
      context: 'x',
      risk: 0.99,
      suggested: 'block',
      explanation: 'No.',
    };
    server = await startLoopback({ answer: () => chatCompletion(JSON.stringify(bad)) });
    const setup: CloudSetup = {
      config: { baseUrl: server.url, model: 'm', timeoutMs: 2000 },
      profile: 'default',
    };
    const { run } = runWith(setup);
    run.ask(approval, options);
    await until(() => run.cloud?.result !== undefined);
    expect(run.decisionFor(approval.decision).verdict).toBe('block');
    expect(run.raisedBy(approval.decision)).toBe('cloud');
  });

  test('a budget too small for the cloud keeps it out, asks nothing, and relaxes the prediction', async () => {
    server = await startLoopback();
    const setup: CloudSetup = {
      config: { baseUrl: server.url, model: 'm', timeoutMs: 2000 },
      profile: 'default',
    };
    const storage = memoryStorage();
    storage.setItem(
      'vigil.latency',
      JSON.stringify({ ...initialLatency(), cloud: { meanMs: 5000, samples: 3 } }),
    );
    const { run } = runWith(setup, { storage });
    run.ask(approval, { ...options, budgetMs: 1000 });
    expect(run.route?.plan.id).toBe('edge');
    expect(run.cloud?.asked).toBe(false);
    expect(run.latency.cloud.meanMs).toBeCloseTo(5000 - 0.25 * (5000 - LATENCY_PRIORS.cloud));
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(0);
    expect(run.pendingFor(approval.decision)).toBe(false);
  });

  test('offline or no cloud: the plan is the edge alone and the reason is kept', () => {
    const { run } = runWith(undefined);
    run.ask(approval, options);
    expect(run.route?.plan.id).toBe('edge');
    expect(run.cloud?.availability).toEqual({ available: false, reason: 'not-configured' });
    expect(run.localAvailability).toEqual({ available: false, reason: 'unsupported' });
  });

  test('Δ > ε once the words are read re-routes: a confident Allow is then worth asking the cloud', async () => {
    server = await startLoopback();
    const setup: CloudSetup = {
      config: { baseUrl: server.url, model: 'm', timeoutMs: 2000 },
      profile: 'strict',
    };
    const transfer = inspect(
      JSON.stringify({
        chainId: 1,
        to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
        data: `0xa9059cbb${'70997970c51812dc3a010c7d01b50e0d17dc79c8'.padStart(64, '0')}${(5_000_000).toString(16).padStart(64, '0')}`,
      }),
    );
    if (!transfer.ok) throw new Error('fixture');
    expect(transfer.decision.verdict).toBe('allow');
    const nanoOnly = {
      roles: {
        nano: { status: 'ready', model: { id: 'fake-nano' }, source: 'self-hosted', notes: [] },
        verifier: { status: 'idle', model: { id: 'fake-4b' }, notes: [] },
      },
      complete: () => async (request: { task: string }) => {
        if (request.task === 'intent')
          return {
            text: JSON.stringify({ action: 'bridge', asset: { symbol: 'ETH' }, amount: { value: '3' } }),
            finishReason: 'stop',
          };
        return { text: 'A transfer of 5 USDC.', finishReason: 'stop' };
      },
    } as unknown as LocalModels;
    const { run } = runWith(setup, { models: nanoOnly });
    run.stated = 'bridge 3 ETH to Base';
    run.ask(transfer, options);
    expect(run.route?.plan.id).toBe('edge');
    expect(run.cloud?.asked).toBe(false);
    await until(() => run.cloud?.result !== undefined);
    expect(run.route?.escalation.tighten).toBe(true);
    expect(run.route?.plan.id).toBe('edge-cloud');
    expect(server.requests).toHaveLength(1);
    expect(run.provenance.map((r) => r.signal)).toEqual(['decision', 'intent', 'foresight', 'explain']);
    expect(run.provenance.find((r) => r.signal === 'intent')?.source).toBe('fake-nano (self-hosted)');
  });
});
