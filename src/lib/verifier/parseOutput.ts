import type { Completion } from './complete';
import { finishedText, malformed } from './finishedText';
import {
  readConcerns,
  readIntentFields,
  readObject,
  readRisk,
  readText,
  readVerdict,
  TEXT_LIMITS,
} from './readFields';
import { answerText, OutputError, readJsonObject } from './readJson';
import { verifierSchema } from './schemas';
import type { Advice, ExplainResult, Language, StatedIntentResult, VerifyMode } from './types';

/*
 * Every parser here is total: any answer that is not exactly what the task asked for — cut off,
 * not JSON, wrong types, extra keys, out-of-range numbers, bad addresses, overlong text — becomes
 * `{ kind: 'none', reason: 'malformed', detail }`. Text that will be shown is cleaned of control and
 * bidi characters and stays text: nothing in it is ever interpreted.
 */

/** The nano's reading of a stated intent (task `intent`), or malformed. */
export function parseStatedIntentOutput(completion: Completion): StatedIntentResult {
  try {
    const object = readJsonObject(finishedText(completion));
    return { kind: 'expected', expected: readIntentFields(object, '$') };
  } catch (error) {
    return malformed(error);
  }
}

/** The verifier's answer (task `verify` or `audit`) as advice, or malformed. */
export function parseVerifierOutput(completion: Completion, mode: VerifyMode): Advice {
  try {
    const keys = verifierSchema(mode).required;
    const object = readObject(readJsonObject(finishedText(completion)), '$', keys, keys);
    const audit =
      mode === 'reflect'
        ? {
            hypothesis: readText(object.hypothesis, '$.hypothesis', TEXT_LIMITS.audit, true),
            critique: readText(object.critique, '$.critique', TEXT_LIMITS.audit, true),
          }
        : undefined;
    return {
      kind: 'advice',
      source: 'verifier',
      mode,
      refined: readIntentFields(object.refined, '$.refined'),
      risk: readRisk(object.risk, '$.risk'),
      suggested: readVerdict(object.verdict, '$.verdict'),
      concerns: readConcerns(object.concerns, '$.concerns'),
      explanation: readText(object.explanation, '$.explanation', TEXT_LIMITS.explanation, true),
      ...(audit && { audit }),
    };
  } catch (error) {
    return malformed(error);
  }
}

/** The most characters an explanation may have. */
export const MAX_EXPLANATION_CHARS = 900;

/** Share of Han characters among the letters of a text, hex addresses and numbers left out. */
function hanShare(text: string): number {
  const words = text.replace(/0x[0-9a-fA-F]+/g, '');
  const letters = words.match(/\p{L}/gu)?.length ?? 0;
  const han = words.match(/\p{Script=Han}/gu)?.length ?? 0;
  return letters === 0 ? 0 : han / letters;
}

/**
 * The nano's explanation (task `explain`): plain sentences in the asked language, or malformed — an
 * answer in JSON or a code block, an empty or overlong one, or one in the wrong language (Chinese
 * needs at least 30% Han letters; English at most 20%).
 */
export function parseExplanationOutput(completion: Completion, language: Language): ExplainResult {
  try {
    const raw = answerText(finishedText(completion));
    if (/^(?:[{[]|```)/.test(raw))
      throw new OutputError('$', 'expected plain sentences, got JSON or a code block');
    const text = readText(raw, '$', MAX_EXPLANATION_CHARS);
    const share = hanShare(text);
    if (language === 'zh' ? share < 0.3 : share > 0.2)
      throw new OutputError('$', `not written in ${language === 'zh' ? 'Chinese' : 'English'}`);
    return { kind: 'explanation', language, text };
  } catch (error) {
    return malformed(error);
  }
}
