import { getContext, setContext } from 'svelte';
import type { ModelPrefs } from '$lib/context/records';
import { checkCompletionRequest } from './chatRequest';
import type { Complete, ModelRole } from './complete';
import { abortError, type Engine } from './engine';
import { type EngineSetting, readEngineSetting } from './engineSetting';
import { errorMessage, ModelUnavailableError } from './errors';
import { appConfigFor, loadFromSources, ModelLoadError } from './loadModel';
import {
  findModel,
  type Manifest,
  type ManifestModel,
  modelRoles,
  modelSources,
  readManifest,
} from './manifest';
import {
  candidates,
  decide,
  type ProbeFacts,
  type ProbeNote,
  type ProbeResult,
  type UnavailableReason,
} from './probe';
import { gatherProbeFacts, type NavigatorLike } from './probeBrowser';
import { advance, type LoadProgress } from './progress';
import { ReplayEngine } from './replayEngine';
import { modelOf, type RoleStatus } from './roleStatus';
import { WorkerEngine } from './workerEngine';

/** Where the manifest is served (a static file: self-hosters may edit it without rebuilding). */
export const manifestUrl = '/models/manifest.json';

/** What the client reads from its surroundings; tests pass their own. Defaults: the browser's. */
export type LocalModelsOptions = {
  readonly fetcher?: typeof fetch;
  readonly storage?: Pick<Storage, 'getItem'>;
  readonly navigator?: NavigatorLike;
  readonly origin?: string;
  /** Makes one role's engine; default: the replay engine when the setting asks for it, else a worker. */
  readonly createEngine?: (setting: Exclude<EngineSetting, { kind: 'invalid' }>, role: ModelRole) => Engine;
  /** A monotonic clock in ms (for the ETA). */
  readonly now?: () => number;
};

/** A panel action in flight on a role, and the last action's failure. */
export type RoleAction = { readonly busy?: 'unloading' | 'deleting' | 'checking'; readonly error?: string };

const roleWords: Readonly<Record<ModelRole, string>> = { nano: 'nano', verifier: 'verifier' };

/**
 * The local models as runes: per role, whether a model can run here and which build, its load
 * (progress with bytes, percent and ETA; cancel), unload, deletion of its cached weights, the
 * storage estimate, and a {@link Complete} running on it. One engine (one worker) per role,
 * created only when first needed, in the browser. Nothing here blocks the page: loading and
 * inference run in the workers.
 */
export class LocalModels {
  /** The engine setting (`vigil.llm.engine`); `replay` means no real model is involved. */
  setting = $state.raw<EngineSetting>({ kind: 'webllm' });
  manifest = $state.raw<Manifest | undefined>();
  /** The probe's answer (not asked in replay mode). */
  probe = $state.raw<ProbeResult | undefined>();
  /** `navigator.storage.estimate()`; null where the browser cannot tell. */
  storage = $state.raw<{ readonly usage: number; readonly quota: number } | null | undefined>();
  roles = $state.raw<Readonly<Record<ModelRole, RoleStatus>>>({
    nano: { status: 'probing' },
    verifier: { status: 'probing' },
  });
  actions = $state.raw<Readonly<Record<ModelRole, RoleAction>>>({ nano: {}, verifier: {} });

  readonly #options: LocalModelsOptions;
  readonly #engines: Partial<Record<ModelRole, Engine>> = {};
  readonly #generation: Record<ModelRole, number> = { nano: 0, verifier: 0 };
  readonly #loading: Partial<Record<ModelRole, Promise<void>>> = {};
  #started: Promise<void> | undefined;
  #facts: ProbeFacts | undefined;
  #choices: Partial<Record<ModelRole, string>> = {};
  #prefsSeen = false;
  #autoload = false;

  constructor(options: LocalModelsOptions = {}) {
    this.#options = options;
  }

  get #fetch(): typeof fetch {
    return this.#options.fetcher ?? ((input, init) => fetch(input, init));
  }

  get #origin(): string {
    return this.#options.origin ?? location.origin;
  }

  #now(): number {
    return this.#options.now?.() ?? performance.now();
  }

  #set(role: ModelRole, status: RoleStatus): void {
    this.roles = { ...this.roles, [role]: status };
  }

  #act(role: ModelRole, action: RoleAction): void {
    this.actions = { ...this.actions, [role]: action };
  }

  /** Reads the setting and the manifest and probes the browser, once (browser only). */
  start(): Promise<void> {
    this.#started ??= this.#start();
    return this.#started;
  }

  async #start(): Promise<void> {
    const setting = readEngineSetting(
      this.#options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage),
    );
    this.setting = setting;
    if (setting.kind === 'invalid')
      return this.#allUnavailable({ code: 'setting', message: setting.message });
    try {
      const response = await this.#fetch(manifestUrl, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${manifestUrl} answered HTTP ${response.status}`);
      this.manifest = readManifest(await response.text());
    } catch (error) {
      return this.#allUnavailable({ code: 'manifest', message: errorMessage(error) });
    }
    if (setting.kind === 'webllm') {
      this.#facts = await gatherProbeFacts(
        this.#options.navigator ?? (navigator as unknown as NavigatorLike),
      );
      this.storage = this.#facts.storage ?? null;
    } else {
      void this.refreshStorage();
    }
    this.#decide();
    if (this.#autoload) this.#loadAll();
  }

  #allUnavailable(reason: UnavailableReason): void {
    this.roles = { nano: { status: 'unavailable', reason }, verifier: { status: 'unavailable', reason } };
  }

  /** (Re)decides the build of every role that is not loading or loaded. */
  #decide(): void {
    const manifest = this.manifest;
    const setting = this.setting;
    if (!manifest || setting.kind === 'invalid') return;
    const result =
      setting.kind === 'webllm' && this.#facts ? decide(manifest, this.#facts, this.#choices) : undefined;
    this.probe = result;
    for (const role of modelRoles) {
      const current = this.roles[role];
      if (current.status !== 'probing' && current.status !== 'unavailable' && current.status !== 'idle')
        continue;
      let next: RoleStatus;
      if (result) {
        const choice = result.roles[role];
        next = choice.available
          ? { status: 'idle', model: choice.model, notes: choice.notes }
          : { status: 'unavailable', reason: choice.reason };
      } else {
        // Replay: no GPU is involved, so the role's first candidate stands in.
        const id = candidates(manifest, role, this.#choices[role])[0] ?? manifest.roles[role].preferred;
        const model = findModel(manifest, id) ?? findModel(manifest, manifest.roles[role].preferred);
        next = model
          ? { status: 'idle', model, notes: [] }
          : { status: 'unavailable', reason: { code: 'noModel', model: id } };
      }
      if (current.status === 'idle' && next.status === 'idle' && next.model.id === current.model.id) continue;
      this.#set(role, next);
    }
  }

  /**
   * Follows the user's model preferences (call whenever they are read). The first time, a
   * `loadAtStart` preference loads both models; later changes of it wait for the next start.
   */
  usePrefs(prefs: ModelPrefs | undefined): void {
    const choices: Partial<Record<ModelRole, string>> = {
      ...(prefs?.nano && { nano: prefs.nano }),
      ...(prefs?.verifier && { verifier: prefs.verifier }),
    };
    if (choices.nano !== this.#choices.nano || choices.verifier !== this.#choices.verifier) {
      this.#choices = choices;
      this.#decide();
    }
    if (this.#prefsSeen) return;
    this.#prefsSeen = true;
    if (prefs?.loadAtStart) {
      this.#autoload = true;
      if (this.manifest) this.#loadAll();
    }
  }

  #loadAll(): void {
    for (const role of modelRoles) if (this.roles[role].status === 'idle') void this.load(role);
  }

  #engine(role: ModelRole): Engine {
    const existing = this.#engines[role];
    if (existing) return existing;
    const setting = this.setting;
    if (setting.kind === 'invalid') throw new ModelUnavailableError('The engine setting is not valid.');
    const engine =
      this.#options.createEngine?.(setting, role) ??
      (setting.kind === 'replay' ? new ReplayEngine(setting) : new WorkerEngine());
    this.#engines[role] = engine;
    return engine;
  }

  #dropEngine(role: ModelRole): void {
    this.#engines[role]?.dispose();
    delete this.#engines[role];
  }

  /** Loads a role's model (downloading what is not cached). Never rejects: the status says how it went. */
  load(role: ModelRole): Promise<void> {
    const current = this.roles[role];
    if (current.status === 'downloading') return this.#loading[role] ?? Promise.resolve();
    if (current.status !== 'idle' && current.status !== 'error') return Promise.resolve();
    const run = this.#load(role, current.model, current.notes);
    this.#loading[role] = run;
    return run;
  }

  async #load(role: ModelRole, model: ManifestModel, notes: readonly ProbeNote[]): Promise<void> {
    const generation = ++this.#generation[role];
    const live = (): boolean => this.#generation[role] === generation;
    this.#act(role, {});
    let progress: LoadProgress | undefined;
    let source: 'self-hosted' | 'public' | undefined;
    const show = (): void => {
      if (live())
        this.#set(role, {
          status: 'downloading',
          model,
          notes,
          ...(progress && { progress }),
          ...(source && { source }),
        });
    };
    show();
    try {
      const loaded = await loadFromSources({
        engine: this.#engine(role),
        model,
        sources: modelSources(model, this.#origin),
        fetcher: this.#fetch,
        onSource: (s) => {
          source = s.kind;
          progress = undefined;
          show();
        },
        onProgress: (report) => {
          if (!live()) return;
          progress = advance(progress, report, this.#now());
          show();
        },
      });
      if (live()) this.#set(role, { status: 'ready', model, notes, source: loaded.kind });
    } catch (error) {
      if (!live()) return; // cancelled: the status already says so
      this.#set(role, {
        status: 'error',
        model,
        notes,
        failure: {
          message: errorMessage(error),
          attempts: error instanceof ModelLoadError ? error.attempts : [],
        },
      });
    } finally {
      if (live()) delete this.#loading[role];
      void this.refreshStorage();
    }
  }

  /** Stops a load at once: its worker is terminated. Files already fetched stay cached until deleted. */
  cancel(role: ModelRole): void {
    const current = this.roles[role];
    if (current.status !== 'downloading') return;
    this.#generation[role]++;
    delete this.#loading[role];
    this.#dropEngine(role);
    this.#set(role, { status: 'idle', model: current.model, notes: current.notes });
  }

  /** Frees a loaded model's GPU memory; its weights stay cached. */
  async unload(role: ModelRole): Promise<void> {
    const current = this.roles[role];
    if (current.status !== 'ready') return;
    this.#act(role, { busy: 'unloading' });
    try {
      await this.#engines[role]?.unload();
    } catch (error) {
      // The worker holds the GPU memory: ending it frees the memory whatever went wrong.
      console.warn('Vigil: unload failed; ending the model worker', error);
      this.#dropEngine(role);
    }
    this.#set(role, { status: 'idle', model: current.model, notes: current.notes, cached: true });
    this.#act(role, {});
  }

  /** Deletes a role's downloaded weights (every source's copy) from the browser's cache. */
  async deleteWeights(role: ModelRole): Promise<void> {
    if (this.roles[role].status === 'downloading') this.cancel(role);
    if (this.roles[role].status === 'ready') await this.unload(role);
    const current = this.roles[role];
    const model = modelOf(current);
    if (!model || current.status === 'downloading' || current.status === 'ready') return;
    const notes = 'notes' in current ? current.notes : [];
    this.#act(role, { busy: 'deleting' });
    try {
      const engine = this.#engine(role);
      for (const source of modelSources(model, this.#origin))
        await engine.deleteCache(appConfigFor(model, source), model.id);
      this.#set(role, { status: 'idle', model, notes, cached: false });
      this.#act(role, {});
    } catch (error) {
      this.#act(role, { error: errorMessage(error) });
    }
    await this.refreshStorage();
  }

  /** Checks which idle roles have their weights cached (starts their engines; call when shown). */
  async checkCache(): Promise<void> {
    await this.start();
    await Promise.all(
      modelRoles.map(async (role) => {
        const current = this.roles[role];
        if (current.status !== 'idle' || current.cached !== undefined) return;
        this.#act(role, { busy: 'checking' });
        try {
          const engine = this.#engine(role);
          const sources = modelSources(current.model, this.#origin);
          const found = await Promise.all(
            sources.map((s) => engine.hasInCache(appConfigFor(current.model, s), current.model.id)),
          );
          const now = this.roles[role];
          if (now.status === 'idle' && now.model.id === current.model.id)
            this.#set(role, { ...now, cached: found.some(Boolean) });
          this.#act(role, {});
        } catch (error) {
          this.#act(role, { error: errorMessage(error) });
        }
      }),
    );
  }

  /** Measures the storage estimate again. */
  async refreshStorage(): Promise<void> {
    const storage = (this.#options.navigator ?? (typeof navigator === 'undefined' ? undefined : navigator))
      ?.storage;
    if (typeof storage?.estimate !== 'function') {
      this.storage = null;
      return;
    }
    try {
      const { usage, quota } = await storage.estimate();
      this.storage = typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : null;
    } catch (error) {
      console.warn('Vigil: no storage estimate', error);
      this.storage = null;
    }
  }

  /** Waits until a role's model is loaded (loading it on first use); throws when it cannot be. */
  async #ready(role: ModelRole): Promise<Engine> {
    await this.start();
    await this.load(role);
    const current = this.roles[role];
    const engine = this.#engines[role];
    if (current.status === 'ready' && engine) return engine;
    if (current.status === 'unavailable')
      throw new ModelUnavailableError(
        `The local ${roleWords[role]} model is unavailable (${current.reason.code}).`,
      );
    if (current.status === 'error')
      throw new ModelUnavailableError(
        `The local ${roleWords[role]} model failed to load: ${current.failure.message}`,
      );
    throw new ModelUnavailableError(`The local ${roleWords[role]} model is not loaded.`);
  }

  /**
   * A {@link Complete} running on a role's model; the model loads on first use. A bad request or
   * an already aborted signal is refused before anything loads.
   */
  complete(role: ModelRole): Complete {
    return async (request, signal) => {
      checkCompletionRequest(request);
      if (signal?.aborted) throw abortError();
      const engine = await this.#ready(role);
      return engine.complete(request, signal);
    };
  }

  /** Ends every engine (their workers). */
  dispose(): void {
    for (const role of modelRoles) {
      this.#generation[role]++;
      this.#dropEngine(role);
    }
  }
}

const key = Symbol('vigil.localModels');

/** Shares the app's local models with every component below (call in the root layout). */
export function setLocalModels(models: LocalModels): LocalModels {
  return setContext(key, models);
}

/** The app's local models (set by the root layout). */
export function getLocalModels(): LocalModels {
  const models = getContext<LocalModels | undefined>(key);
  if (!models) throw new Error('getLocalModels() outside the root layout.');
  return models;
}
