import type { Completion } from './complete';
import { OutputError } from './readJson';
import type { NoAdvice } from './types';

/** An OutputError as no advice (`malformed`); anything else is a bug and is rethrown. */
export function malformed(error: unknown): NoAdvice {
  if (error instanceof OutputError) return { kind: 'none', reason: 'malformed', detail: error.message };
  throw error;
}

/**
 * A completion's text when it finished normally; throws OutputError otherwise. `who` names the
 * answerer in the error ("the engine", "the server").
 */
export function finishedText(completion: Completion, who = 'the engine'): string {
  if (typeof completion !== 'object' || completion === null || typeof completion.text !== 'string')
    throw new OutputError('$', `${who} returned no text`);
  if (completion.finishReason === 'length') throw new OutputError('$', 'cut off at the token limit');
  if (completion.finishReason !== 'stop')
    throw new OutputError(
      '$',
      `finished with ${JSON.stringify(String(completion.finishReason).slice(0, 20))}, not "stop"`,
    );
  return completion.text;
}
