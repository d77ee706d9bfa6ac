import type { CompletionRequest, ModelRole } from './complete';
import { type DataValue, fenceAll } from './fence';

/**
 * Prompt caps, in characters over all messages (system and user). Qwen3's tokenizer averages 3–4
 * characters per token for English and JSON, so 6,000 characters is about 1,500–2,000 tokens for the
 * 0.6B nano and 12,000 about 3,000–4,000 for the 4B verifier: far inside both models' context
 * windows with room for the answer, and short enough to prefill quickly on a laptop GPU. When the
 * data does not fit, the data is cut (with a visible marker), never the instructions.
 */
export const PROMPT_CAPS: Readonly<Record<ModelRole, number>> = { nano: 6_000, verifier: 12_000 };

/** Answer caps per task, in tokens: room for the schema'd answer, not for rambling. */
export const MAX_TOKENS: Readonly<Record<CompletionRequest['task'], number>> = {
  intent: 160,
  explain: 256,
  verify: 640,
  audit: 1_024,
};

/** Greedy decoding: the same prompt gives the same answer on the same engine. */
export const TEMPERATURE = 0;

/** A fixed seed, for engines that sample even at temperature 0. */
export const SEED = 7;

/** The parts of a prompt: trusted instructions, and untrusted data that goes only into data blocks. */
export type PromptParts = {
  readonly task: CompletionRequest['task'];
  readonly role: ModelRole;
  readonly system: string;
  /** Trusted text before the data blocks in the user message. */
  readonly lead: string;
  readonly data: readonly DataValue[];
  /** Trusted text after the data blocks. */
  readonly tail: string;
  readonly schema?: string;
};

const JOIN = '\n\n';

/**
 * A CompletionRequest whose messages fit the role's cap: the instructions whole, the data blocks
 * sharing what is left. Throws a RangeError when the instructions alone exceed the cap (a bug in a
 * prompt builder, caught by its tests).
 */
export function buildRequest(parts: PromptParts): CompletionRequest {
  const fixed = parts.system.length + parts.lead.length + parts.tail.length + 2 * JOIN.length;
  const budget = PROMPT_CAPS[parts.role] - fixed;
  if (budget < 0)
    throw new RangeError(
      `${parts.task} prompt: the instructions alone exceed ${PROMPT_CAPS[parts.role]} characters`,
    );
  const user = [parts.lead, fenceAll(parts.data, budget), parts.tail].join(JOIN);
  return {
    task: parts.task,
    messages: [
      { role: 'system', content: parts.system },
      { role: 'user', content: user },
    ],
    ...(parts.schema !== undefined && { schema: parts.schema }),
    maxTokens: MAX_TOKENS[parts.task],
    temperature: TEMPERATURE,
    seed: SEED,
  };
}
