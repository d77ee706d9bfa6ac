/**
 * The local models' worker: web-llm's MLCEngine, exposed with Comlink. The only module that
 * imports web-llm's code (6.8 MB); everything else uses `import type`. One worker per role.
 */
import {
  type AppConfig,
  type ChatCompletionRequestNonStreaming,
  deleteChatConfigInCache,
  deleteModelInCache,
  deleteModelWasmInCache,
  hasModelInCache,
  type InitProgressCallback,
  MLCEngine,
} from '@mlc-ai/web-llm';
import { expose } from 'comlink';

const engine = new MLCEngine();

const api = {
  /** Loads a model; `onProgress` is a Comlink proxy. */
  async load(appConfig: AppConfig, modelId: string, onProgress: InitProgressCallback): Promise<void> {
    engine.setAppConfig(appConfig);
    engine.setInitProgressCallback(onProgress);
    await engine.reload(modelId);
  },
  async complete(request: ChatCompletionRequestNonStreaming) {
    const { choices } = await engine.chat.completions.create(request);
    return { choices };
  },
  interrupt: () => engine.interruptGenerate(),
  unload: () => engine.unload(),
  hasInCache: (appConfig: AppConfig, modelId: string) => hasModelInCache(modelId, appConfig),
  async deleteCache(appConfig: AppConfig, modelId: string): Promise<void> {
    const record = appConfig.model_list.find((r) => r.model_id === modelId);
    if (!record) throw new Error(`No record for ${modelId}.`);
    // web-llm finds the shards to delete through tensor-cache.json and downloads that file when it
    // is not cached: delete shards only when it is (after a cancelled download too), then the file.
    const index = new URL('tensor-cache.json', record.model).href;
    const shards = await caches.open('webllm/model');
    if (await shards.match(index)) {
      await deleteModelInCache(modelId, appConfig);
      await shards.delete(index);
    }
    await deleteModelWasmInCache(modelId, appConfig);
    await deleteChatConfigInCache(modelId, appConfig);
  },
};

/** The worker's contract: what the main thread `wrap`s. */
export type LlmWorkerApi = typeof api;

expose(api);
