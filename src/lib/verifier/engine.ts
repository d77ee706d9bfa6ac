import type { AppConfig } from '@mlc-ai/web-llm';
import type { Completion, CompletionRequest } from './complete';
import type { LoadReport } from './progress';

/**
 * One role's engine: it loads one model and answers completions on it. Two implementations sit
 * behind this interface — `WorkerEngine` (web-llm's MLCEngine in a Comlink worker) and
 * `ReplayEngine` (recorded outputs, chosen only by the explicit `vigil.llm.engine` test setting) —
 * and the client does not care which it has.
 *
 * `appConfig` is web-llm's: one model record (one build from one source) and the cache backend.
 */
export interface Engine {
  /** Which implementation this is (the panel says so when it is not a real model). */
  readonly kind: 'webllm' | 'replay';
  /** Loads `modelId` (downloading what is not cached), reporting progress; rejects on failure. */
  load(appConfig: AppConfig, modelId: string, onProgress: (report: LoadReport) => void): Promise<void>;
  /**
   * Runs one completion on the loaded model. Aborting `signal` interrupts the generation, which
   * then resolves with `finishReason: 'abort'`; a signal already aborted rejects with an AbortError.
   */
  complete(request: CompletionRequest, signal?: AbortSignal): Promise<Completion>;
  /** Stops the running generation, if any. */
  interrupt(): Promise<void>;
  /** Frees the loaded model (GPU memory); the cached weights stay. */
  unload(): Promise<void>;
  /** Whether every weight shard of `modelId` (from this record's source) is in the browser's cache. */
  hasInCache(appConfig: AppConfig, modelId: string): Promise<boolean>;
  /** Deletes the cached weights, library and config of `modelId` (from this record's source). */
  deleteCache(appConfig: AppConfig, modelId: string): Promise<void>;
  /** Ends the engine at once, whatever it is doing (a worker is terminated); pending calls reject. */
  dispose(): void;
}

/** The cache backend Vigil gives web-llm: the Cache API, web-llm's best-tested backend. */
export const cacheBackend = 'cache' as const;

/** The error a call rejects with after {@link Engine.dispose}. */
export class EngineDisposedError extends Error {
  constructor() {
    super('The model engine was stopped.');
    this.name = 'EngineDisposedError';
  }
}

/** The rejection for a completion whose signal was aborted before it started. */
export function abortError(): DOMException {
  return new DOMException('The completion was aborted.', 'AbortError');
}
