import type { ChatMessage } from '../verifier/complete';
import { FORESIGHT_MAX_TOKENS, foresightPrompt } from './foresightPrompt';
import { FORESIGHT_SCHEMA_NAME, foresightSchema } from './foresightSchema';
import type { SanitizedRequest } from './sanitized';

/**
 * The JSON body POSTed to `/chat/completions`. Only fields that OpenAI, vLLM (≥ 0.6) and SGLang all
 * accept: `response_format: { type: 'json_schema', json_schema: { name, schema, strict } }` is the
 * OpenAI shape, and both vLLM and SGLang read it and constrain decoding to the schema. No
 * vendor-only fields (`guided_json`, `chat_template_kwargs`, `seed`), so a strict gateway does not
 * refuse it; a Qwen3/DMind server should run with a reasoning parser so the thinking stays out of
 * `content`.
 */
export type ChatBody = {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly temperature: 0;
  readonly max_tokens: number;
  readonly response_format: {
    readonly type: 'json_schema';
    readonly json_schema: {
      readonly name: string;
      readonly schema: typeof foresightSchema;
      readonly strict: true;
    };
  };
};

/** The chat-completions body for a `<FORESIGHT>` question about `request`. Pure. */
export function chatBody(model: string, request: SanitizedRequest): ChatBody {
  return {
    model,
    messages: foresightPrompt(request),
    temperature: 0,
    max_tokens: FORESIGHT_MAX_TOKENS,
    response_format: {
      type: 'json_schema',
      json_schema: { name: FORESIGHT_SCHEMA_NAME, schema: foresightSchema, strict: true },
    },
  };
}
