import type { AppConfig } from '@mlc-ai/web-llm';
import { proxy, type Remote, releaseProxy, wrap } from 'comlink';
import type { LlmWorkerApi } from '../workers/llm.worker';
import { fromChatCompletion, toChatRequest } from './chatRequest';
import type { Completion, CompletionRequest } from './complete';
import { abortError, type Engine, EngineDisposedError } from './engine';
import type { LoadReport } from './progress';

/**
 * The real engine: web-llm's MLCEngine in its own module worker (`llm.worker.ts`), reached through
 * Comlink. Create it only in the browser, when a model is first needed. A worker that fails to
 * start (its script missing, a crash) rejects every pending call instead of leaving it hanging.
 */
export class WorkerEngine implements Engine {
  readonly kind = 'webllm' as const;
  readonly #worker: Worker;
  readonly #api: Remote<LlmWorkerApi>;
  readonly #ended: Promise<never>;
  #end: (error: Error) => void = () => {};
  #disposed = false;

  constructor() {
    this.#worker = new Worker(new URL('../workers/llm.worker.ts', import.meta.url), { type: 'module' });
    this.#api = wrap<LlmWorkerApi>(this.#worker);
    this.#ended = new Promise<never>((_, reject) => {
      this.#end = reject;
    });
    // Nobody may be waiting when the worker ends; the rejection is still observed.
    this.#ended.catch(() => {});
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#end(new Error(`The model worker failed: ${event.message || 'it could not start'}.`));
    });
    this.#worker.addEventListener('messageerror', () => {
      this.#end(new Error('The model worker sent a message that could not be read.'));
    });
  }

  #call<T>(run: () => Promise<T>): Promise<T> {
    if (this.#disposed) return Promise.reject(new EngineDisposedError());
    return Promise.race([run(), this.#ended]);
  }

  load(appConfig: AppConfig, modelId: string, onProgress: (report: LoadReport) => void): Promise<void> {
    // Only the fields the report has: Comlink clones the argument into this thread.
    const callback = proxy((report: LoadReport) =>
      onProgress({ progress: report.progress, timeElapsed: report.timeElapsed, text: report.text }),
    );
    return this.#call(() => this.#api.load(appConfig, modelId, callback));
  }

  async complete(request: CompletionRequest, signal?: AbortSignal): Promise<Completion> {
    const chat = toChatRequest(request);
    if (signal?.aborted) throw abortError();
    const interrupt = (): void => {
      void this.interrupt().catch((error: unknown) => console.warn('Vigil: interrupt failed', error));
    };
    signal?.addEventListener('abort', interrupt, { once: true });
    try {
      const completion = fromChatCompletion(await this.#call(() => this.#api.complete(chat)));
      return signal?.aborted ? { ...completion, finishReason: 'abort' } : completion;
    } finally {
      signal?.removeEventListener('abort', interrupt);
    }
  }

  interrupt(): Promise<void> {
    return this.#call(() => this.#api.interrupt());
  }

  unload(): Promise<void> {
    return this.#call(() => this.#api.unload());
  }

  hasInCache(appConfig: AppConfig, modelId: string): Promise<boolean> {
    return this.#call(() => this.#api.hasInCache(appConfig, modelId));
  }

  deleteCache(appConfig: AppConfig, modelId: string): Promise<void> {
    return this.#call(() => this.#api.deleteCache(appConfig, modelId));
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#end(new EngineDisposedError());
    this.#api[releaseProxy]();
    this.#worker.terminate();
  }
}
