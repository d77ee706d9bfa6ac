import type { AppConfig } from '@mlc-ai/web-llm';
import { toChatRequest } from './chatRequest';
import type { Completion, CompletionRequest } from './complete';
import { abortError, type Engine, EngineDisposedError } from './engine';
import { defaultReplayLoadMs, type Recording, type ReplaySetting } from './engineSetting';
import { NoRecordingError } from './errors';
import type { LoadReport } from './progress';

/** How many progress steps a simulated load reports. */
export const replaySteps = 8;
/** The size a simulated load pretends to fetch per step, in MB. */
const replayStepMB = 32;

/**
 * The engine behind the same interface as the real one, answering with recorded outputs. Chosen
 * only by the explicit `vigil.llm.engine` setting (tests); it loads nothing and runs no model, but
 * simulates a load with web-llm-shaped progress so the UI's path is exercised.
 */
export class ReplayEngine implements Engine {
  readonly kind = 'replay' as const;
  readonly #setting: ReplaySetting;
  /** Model URLs "cached" by a finished load (per source, like web-llm's cache). */
  readonly #cached = new Set<string>();
  readonly #cancels = new Set<() => void>();
  #loaded: string | undefined;
  #disposed = false;

  constructor(setting: ReplaySetting) {
    this.#setting = setting;
  }

  /** Waits `ms`; false when cut short by `signal`, an interrupt or dispose. */
  #wait(ms: number, signal?: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.#disposed || signal?.aborted) return resolve(false);
      if (ms <= 0) return resolve(true);
      const done = (completed: boolean): void => {
        clearTimeout(timer);
        this.#cancels.delete(cancel);
        signal?.removeEventListener('abort', cancel);
        resolve(completed);
      };
      const cancel = (): void => done(false);
      const timer = setTimeout(() => done(true), ms);
      this.#cancels.add(cancel);
      signal?.addEventListener('abort', cancel, { once: true });
    });
  }

  #record(appConfig: AppConfig, modelId: string) {
    const record = appConfig.model_list.find((r) => r.model_id === modelId);
    if (!record) throw new Error(`No record for ${modelId}.`);
    return record;
  }

  async load(appConfig: AppConfig, modelId: string, onProgress: (report: LoadReport) => void): Promise<void> {
    if (this.#disposed) throw new EngineDisposedError();
    const record = this.#record(appConfig, modelId);
    this.#loaded = undefined;
    const stepMs = (this.#setting.loadMs ?? defaultReplayLoadMs) / replaySteps;
    onProgress({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' });
    for (let step = 1; step <= replaySteps; step++) {
      if (!(await this.#wait(stepMs))) throw new EngineDisposedError();
      const pct = Math.floor((step * 100) / replaySteps);
      const seconds = Math.round((step * stepMs) / 1000);
      onProgress({
        progress: step / replaySteps,
        timeElapsed: seconds,
        text: `Fetching param cache[${step}/${replaySteps}]: ${step * replayStepMB}MB fetched. ${pct}% completed, ${seconds} secs elapsed. (Replay: nothing is downloaded.)`,
      });
    }
    onProgress({ progress: 1, timeElapsed: 0, text: 'Finish loading on the replay engine (test setting)' });
    this.#cached.add(record.model);
    this.#loaded = modelId;
  }

  #recordingFor(request: CompletionRequest): Recording {
    const lastUser = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const found = this.#setting.recordings.find(
      (r) => r.task === request.task && (r.match === undefined || lastUser.includes(r.match)),
    );
    if (!found)
      throw new NoRecordingError(
        `No recorded output for the task “${request.task}” matching the last user message.`,
      );
    return found;
  }

  async complete(request: CompletionRequest, signal?: AbortSignal): Promise<Completion> {
    toChatRequest(request); // the same checks as the real engine
    if (this.#disposed) throw new EngineDisposedError();
    if (this.#loaded === undefined) throw new Error('No model is loaded.');
    if (signal?.aborted) throw abortError();
    const recording = this.#recordingFor(request);
    if (!(await this.#wait(recording.delayMs ?? 0, signal))) {
      if (this.#disposed) throw new EngineDisposedError();
      return { text: '', finishReason: 'abort' };
    }
    if (recording.error !== undefined) throw new Error(recording.error);
    return { text: recording.text, finishReason: recording.finishReason ?? 'stop' };
  }

  async interrupt(): Promise<void> {
    for (const cancel of [...this.#cancels]) cancel();
  }

  async unload(): Promise<void> {
    this.#loaded = undefined;
  }

  async hasInCache(appConfig: AppConfig, modelId: string): Promise<boolean> {
    return this.#cached.has(this.#record(appConfig, modelId).model);
  }

  async deleteCache(appConfig: AppConfig, modelId: string): Promise<void> {
    this.#cached.delete(this.#record(appConfig, modelId).model);
  }

  dispose(): void {
    this.#disposed = true;
    this.#loaded = undefined;
    for (const cancel of [...this.#cancels]) cancel();
  }
}
