/** One chat message. */
export type ChatMessage = { readonly role: 'system' | 'user' | 'assistant'; readonly content: string };

/** Which local model answers. */
export type ModelRole = 'nano' | 'verifier';

/** One completion request to a local model: what the tasks send, what an engine runs. */
export type CompletionRequest = {
  /** Which task asks; recorded outputs are matched on it in tests. */
  readonly task: 'intent' | 'explain' | 'verify' | 'audit';
  readonly messages: readonly ChatMessage[];
  /** A JSON schema (as a string) the output must follow, when the task wants JSON. */
  readonly schema?: string;
  readonly maxTokens: number;
  readonly temperature: number;
  readonly seed: number;
};

/** What a model returned. */
export type Completion = {
  readonly text: string;
  readonly finishReason: 'stop' | 'length' | 'abort' | 'other';
};

/** Runs one completion on a loaded model; rejects when the model is unavailable or fails. */
export type Complete = (request: CompletionRequest, signal?: AbortSignal) => Promise<Completion>;
