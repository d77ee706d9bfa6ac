import type { Address } from 'viem';
import { chatBody } from '$lib/cloud/chatBody';
import { askCloud } from '$lib/cloud/client';
import { isSanitized } from '$lib/cloud/sanitize';
import type { SanitizedRequest } from '$lib/cloud/sanitized';
import type { CloudSetup } from '$lib/cloud/setup';
import type { CloudResult } from '$lib/cloud/types';
import type { Decision } from '$lib/edge/gate/decision';
import type { InspectResult } from '$lib/edge/view';
import {
  type Availability,
  initialLatency,
  type LatencyModel,
  ON_DEVICE,
  observe,
  type ProvenanceRecord,
  promptHash,
  type Route,
  readLatency,
  relax,
  route,
  runs,
  type Tier,
  withCloudAdvice,
} from '$lib/orchestrator';
import { type AdviseEngines, advise, type LocalAdvice } from '$lib/verifier/advise';
import type { Complete, ModelRole } from '$lib/verifier/complete';
import { DEFAULT_EPSILON } from '$lib/verifier/divergence';
import { withLocalAdvice } from '$lib/verifier/localFindings';
import type { LocalModels } from '$lib/verifier/localModels.svelte';
import type { KnownAddress } from '$lib/verifier/projectIntent';
import { modelOf } from '$lib/verifier/roleStatus';
import type { Language } from '$lib/verifier/types';
import { cloudReadiness } from './cloudReadiness';

/** Where the latency model is kept between visits (numbers only: nothing private). */
const LATENCY_KEY = 'vigil.latency';

/** The cloud tier's part of one request. */
export type CloudState = {
  readonly availability: Availability;
  /** The exact sanitized request, when one was built (shown under "What the cloud saw"). */
  readonly request?: SanitizedRequest;
  /** Whether the plan asked the cloud. */
  readonly asked: boolean;
  /** Its answer, once it came (or why none did). */
  readonly result?: CloudResult;
  readonly endpoint?: string;
  readonly timeoutMs?: number;
  /** Why the sanitizer refused, when it did. */
  readonly detail?: string;
};

/** What one pass is asked about; a pass answers only for exactly these inputs. */
type Question = {
  readonly payloadHash: string;
  readonly policyHash: string;
  readonly stated: string;
  readonly language: Language;
  readonly roles: readonly ModelRole[];
  /** The cloud setup and whether the browser is online, as a key: a change asks again. */
  readonly cloudKey: string;
};

const sameQuestion = (a: Question | undefined, b: Question): boolean =>
  a !== undefined &&
  a.payloadHash === b.payloadHash &&
  a.policyHash === b.policyHash &&
  a.stated === b.stated &&
  a.language === b.language &&
  a.roles.join() === b.roles.join() &&
  a.cloudKey === b.cloudKey;

/** What the shell gives the run (the page reads these from the private context, the wallet, the browser). */
export type AdviceRunShell = {
  readonly models: LocalModels;
  /** The saved, enabled, usable cloud setup; undefined when there is none. */
  readonly cloud: () => CloudSetup | undefined;
  readonly online: () => boolean;
  /** Whether the page's Content Security Policy allows a URL (undefined: no policy in force). */
  readonly cspAllows: (url: string) => boolean | undefined;
  /** The connected wallet's accounts and chain. */
  readonly account: () => { readonly addresses: readonly Address[]; readonly chainId?: number };
  readonly now?: () => number;
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'>;
};

/** What ask() needs beyond the inspected request. */
export type AskOptions = {
  readonly language: Language;
  readonly known: readonly KnownAddress[];
  /** The policy's τ_conf and τ_risk, and its latency budget B_t. */
  readonly tauConf: number;
  readonly tauRisk: number;
  readonly budgetMs: number;
  /** How long the edge took to decide this request, measured by the page. */
  readonly edgeMs?: number;
};

function readStoredLatency(storage: AdviceRunShell['storage']): LatencyModel {
  try {
    const text = storage?.getItem(LATENCY_KEY);
    return text ? readLatency(JSON.parse(text)) : initialLatency();
  } catch {
    return initialLatency();
  }
}

/**
 * The tiers beyond the edge, for the request on screen (DESIGN.md "Data flow"): routes it (eq. 5)
 * over the local models that are loaded and the cloud endpoint that is configured, runs the chosen
 * plan, keeps the provenance of every signal and the latency each tier took, and gives the decision
 * to sign under — never less strict than the rules'. A new request, other words, another language,
 * a model becoming ready or the cloud settings changing ask again (the previous pass is aborted).
 * The edge's decision is on screen before any of this starts and never waits for it.
 */
export class AdviceRun {
  /** "What do you expect this to do?" — the person's own words, optional. */
  stated = $state('');
  /** The local tier's advice for `question`, filled in as each task answers. */
  advice = $state.raw<LocalAdvice | undefined>();
  cloud = $state.raw<CloudState | undefined>();
  route = $state.raw<Route | undefined>();
  /** Where every signal for `question` came from, in the order they were asked. */
  provenance = $state.raw<readonly ProvenanceRecord[]>([]);
  question = $state.raw<Question | undefined>();
  latency = $state.raw<LatencyModel>(initialLatency());
  /** The local tier as routing saw it for `question`. */
  localAvailability = $state.raw<Availability>({ available: false, reason: 'not-loaded' });
  readonly epsilon = DEFAULT_EPSILON;
  #riskThreshold = 0.5;
  #controller: AbortController | undefined;
  readonly #shell: AdviceRunShell;
  readonly #now: () => number;

  constructor(shell: AdviceRunShell) {
    this.#shell = shell;
    this.#now = shell.now ?? (() => Date.now());
    this.latency = readStoredLatency(shell.storage);
  }

  /** The roles whose model is loaded now. */
  get readyRoles(): ModelRole[] {
    const roles = this.#shell.models.roles;
    return (['nano', 'verifier'] as const).filter((r) => roles[r].status === 'ready');
  }

  /** The local tier as routing sees it: the verifier loaded, or why not. */
  #localAvailability(): Availability {
    const status = this.#shell.models.roles.verifier;
    if (status.status === 'ready') return { available: true };
    return { available: false, reason: status.status === 'unavailable' ? 'unsupported' : 'not-loaded' };
  }

  #setLatency(next: LatencyModel): void {
    this.latency = next;
    try {
      this.#shell.storage?.setItem(LATENCY_KEY, JSON.stringify(next));
    } catch {
      // Storage full or denied: predictions just do not survive a reload.
    }
  }

  #record(record: ProvenanceRecord, replace?: (r: ProvenanceRecord) => boolean): void {
    const index = replace ? this.provenance.findIndex(replace) : -1;
    this.provenance =
      index >= 0 ? this.provenance.map((r, i) => (i === index ? record : r)) : [...this.provenance, record];
  }

  /** A Complete that records the provenance of each task it runs and adds up the local tier's time. */
  #traced(role: ModelRole, complete: Complete, signal: AbortSignal, spent: { ms: number }): Complete {
    const status = this.#shell.models.roles[role];
    const source = `${modelOf(status)?.id ?? role}${status.status === 'ready' ? ` (${status.source})` : ''}`;
    return async (request, taskSignal) => {
      const at = this.#now();
      const base = {
        signal: request.task,
        tier: 'local' as const,
        source,
        promptHash: promptHash(request.messages),
        at,
        saw: ON_DEVICE,
      };
      const same = (r: ProvenanceRecord) => r.at === at && r.signal === request.task && r.tier === 'local';
      if (!signal.aborted) this.#record({ ...base, outcome: 'running' });
      try {
        const completion = await complete(request, taskSignal);
        const durationMs = this.#now() - at;
        if (request.task !== 'explain') spent.ms += durationMs;
        if (!signal.aborted) this.#record({ ...base, durationMs, outcome: 'answered' }, same);
        return completion;
      } catch (error) {
        const durationMs = this.#now() - at;
        const aborted = (error as { name?: string } | null)?.name === 'AbortError';
        if (!signal.aborted)
          this.#record(
            {
              ...base,
              durationMs,
              outcome: aborted ? 'aborted' : 'failed',
              detail: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200),
            },
            same,
          );
        throw error;
      }
    };
  }

  /** Routes the request and runs the plan (no-op when the same question is already asked). */
  ask(result: Extract<InspectResult, { ok: true }>, options: AskOptions): void {
    const roles = this.readyRoles;
    const setup = this.#shell.cloud();
    const online = this.#shell.online();
    const question: Question = {
      payloadHash: result.decision.payloadHash,
      policyHash: result.decision.policyHash,
      stated: this.stated.trim(),
      language: options.language,
      roles,
      cloudKey: setup ? `${online}|${JSON.stringify(setup)}` : 'none',
    };
    if (sameQuestion(this.question, question)) return;
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const { signal } = controller;
    this.#riskThreshold = options.tauRisk;
    this.question = question;
    this.advice = undefined;
    const { decision } = result;
    const at = this.#now();
    this.provenance = [
      {
        signal: 'decision',
        tier: 'edge',
        source: `rules · ${decision.policy}`,
        at,
        ...(options.edgeMs !== undefined && { durationMs: options.edgeMs }),
        saw: ON_DEVICE,
        outcome: 'decided',
      },
    ];
    if (options.edgeMs !== undefined) this.#setLatency(observe(this.latency, 'edge', options.edgeMs));

    const account = this.#shell.account();
    const salt = crypto.getRandomValues(new Uint8Array(32));
    this.localAvailability = this.#localAvailability();
    const readiness = cloudReadiness({
      result,
      setup,
      online,
      cspAllows: setup ? this.#shell.cspAllows(setup.config.baseUrl) : undefined,
      self: account.addresses,
      ...(account.chainId !== undefined && { chainId: BigInt(account.chainId) }),
      salt,
    });
    const routeWith = (delta?: number) =>
      route({
        decision,
        thresholds: { tauConf: options.tauConf, tauRisk: options.tauRisk, epsilon: this.epsilon },
        ...(delta !== undefined && { delta }),
        budgetMs: options.budgetMs,
        latency: this.latency,
        local: this.localAvailability,
        cloud: readiness.availability,
        ...(readiness.leak !== undefined && { cloudLeak: readiness.leak }),
      });
    const routed = routeWith();
    this.route = routed;
    // A tier the budget kept out drifts back toward its prior, so a recovered one is tried again.
    for (const tier of ['local', 'cloud'] as const satisfies readonly Tier[])
      if (
        routed.assessments.some((a) => a.excluded === 'budget' && runs(a.plan, tier)) &&
        !runs(routed.plan, tier)
      )
        this.#setLatency(relax(this.latency, tier));

    const plan = routed.plan;
    const cloudAsked = runs(plan, 'cloud') && setup !== undefined && readiness.request !== undefined;
    this.cloud = {
      availability: readiness.availability,
      asked: cloudAsked,
      ...(readiness.request && { request: readiness.request }),
      ...(readiness.detail && { detail: readiness.detail }),
      ...(setup && { endpoint: new URL(setup.config.baseUrl).origin, timeoutMs: setup.config.timeoutMs }),
    };
    let cloudAnswer: Promise<CloudResult> | undefined;
    if (cloudAsked) cloudAnswer = this.#askCloud(setup, readiness.request as SanitizedRequest, signal);

    const spent = { ms: 0 };
    const verifies = runs(plan, 'local');
    const engines: AdviseEngines = {
      ...(roles.includes('nano') && {
        nano: this.#traced('nano', this.#shell.models.complete('nano'), signal, spent),
      }),
      ...(verifies && {
        verifier: this.#traced('verifier', this.#shell.models.complete('verifier'), signal, spent),
      }),
    };
    if (!engines.nano && !engines.verifier) return;
    let measured = false;
    let rerouted = false;
    const measureLocal = () => {
      if (measured || !verifies || signal.aborted) return;
      measured = true;
      if (spent.ms > 0) this.#setLatency(observe(this.latency, 'local', spent.ms));
    };
    void advise(
      engines,
      {
        result,
        stated: question.stated,
        language: options.language,
        known: options.known,
        riskThreshold: options.tauRisk,
        epsilon: this.epsilon,
        verify: verifies,
        ...(cloudAnswer &&
          plan.id === 'edge-cloud-local' && {
            ecosystem: () =>
              (cloudAnswer as Promise<CloudResult>).then((r) =>
                r.kind === 'advice'
                  ? { reputation: r.reputation, incidents: r.incidents, context: r.context, risk: r.risk }
                  : undefined,
              ),
          }),
      },
      (advice) => {
        if (signal.aborted) return;
        this.advice = advice;
        if (advice.running === 'explain') measureLocal();
        // Eq. 7 once the person's words are read: Δ > ε re-routes, and may bring the cloud in.
        const delta = advice.statedDelta?.delta;
        if (delta !== undefined && !rerouted && delta > this.epsilon) {
          rerouted = true;
          const again = routeWith(delta);
          this.route = again;
          if (!this.cloud?.asked && runs(again.plan, 'cloud') && setup && readiness.request) {
            this.cloud = { ...(this.cloud as CloudState), asked: true };
            void this.#askCloud(setup, readiness.request, signal);
          }
        }
      },
      signal,
    )
      .then(measureLocal)
      .catch(() => undefined);
  }

  /** Asks the cloud; records its provenance and latency; the answer lands in `cloud`. */
  #askCloud(setup: CloudSetup, request: SanitizedRequest, signal: AbortSignal): Promise<CloudResult> {
    const at = this.#now();
    const body = chatBody(setup.config.model, request);
    const base = {
      signal: 'foresight' as const,
      tier: 'cloud' as const,
      source: `${new URL(setup.config.baseUrl).origin} · ${setup.config.model}`,
      promptHash: promptHash(body.messages),
      at,
      saw: request.classes,
      profile: request.profile,
    };
    const same = (r: ProvenanceRecord) => r.tier === 'cloud' && r.at === at;
    this.#record({ ...base, outcome: 'running' });
    return askCloud(setup.config, request, { verify: isSanitized, signal }).then((result) => {
      if (signal.aborted) return result;
      const durationMs = this.#now() - at;
      // A late answer counts as the whole timeout: the prediction must learn the tier is slow.
      this.#setLatency(
        observe(
          this.latency,
          'cloud',
          result.kind === 'none' && result.reason === 'late' ? setup.config.timeoutMs : durationMs,
        ),
      );
      this.#record(
        {
          ...base,
          durationMs,
          outcome: result.kind === 'advice' ? 'answered' : result.reason,
          ...(result.kind === 'none' && result.detail && { detail: result.detail }),
        },
        same,
      );
      if (this.cloud) this.cloud = { ...this.cloud, result };
      return result;
    });
  }

  /** Whether the tiers on screen are for this decision's bytes. */
  #isCurrent(decision: Decision): boolean {
    const q = this.question;
    return q !== undefined && q.payloadHash === decision.payloadHash && q.policyHash === decision.policyHash;
  }

  /** The advisory tiers are still deciding whether to raise this decision (the explanation aside). */
  pendingFor(decision: Decision): boolean {
    if (!this.#isCurrent(decision)) return false;
    const running = this.advice?.running;
    const cloud = this.cloud;
    return (
      running === 'intent' || running === 'verify' || (cloud?.asked === true && cloud.result === undefined)
    );
  }

  /** The local advice for this decision's bytes, if any. */
  adviceFor(decision: Decision): LocalAdvice | undefined {
    return this.#isCurrent(decision) ? this.advice : undefined;
  }

  /** The cloud's part for this decision's bytes, if any. */
  cloudFor(decision: Decision): CloudState | undefined {
    return this.#isCurrent(decision) ? this.cloud : undefined;
  }

  /** The decision after the local tier, then after the cloud (each never less strict than the one before). */
  #layers(decision: Decision): { local: Decision; final: Decision } {
    const local = withLocalAdvice(decision, this.advice, this.epsilon);
    return { local, final: withCloudAdvice(local, this.cloud?.result, this.#riskThreshold) };
  }

  /** The decision to sign under: the rules' verdict raised by the local and cloud tiers, with their findings. */
  decisionFor(decision: Decision): Decision {
    return this.#isCurrent(decision) ? this.#layers(decision).final : decision;
  }

  /** Which advisory tiers made this decision stricter than the rules' verdict, if any. */
  raisedBy(decision: Decision): 'local' | 'cloud' | 'both' | undefined {
    if (!this.#isCurrent(decision)) return undefined;
    const { local, final } = this.#layers(decision);
    const byLocal = local.verdict !== decision.verdict;
    const byCloud = final.verdict !== local.verdict;
    return byLocal && byCloud ? 'both' : byLocal ? 'local' : byCloud ? 'cloud' : undefined;
  }

  /** Stops any pass in flight. */
  stop(): void {
    this.#controller?.abort();
  }
}
