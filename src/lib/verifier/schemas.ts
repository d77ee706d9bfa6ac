import { USER_ACTION_KINDS, type VerifyMode } from './types';

/*
 * JSON schemas the engine hands to WebLLM's grammar (response_format.schema). They use only the
 * core keywords every XGrammar build supports (type, properties, required, additionalProperties,
 * items, maxItems, enum); string formats, lengths and number ranges are enforced by the parsers in
 * parseOutput.ts, which never trust the grammar to have run. Property order is generation order:
 * in `<REFLECT>` mode the hypothesis and the critique come before the answer.
 */

const addressSchema = { type: 'string' } as const;

/** Action, asset, amount, counterparty: what Δ compares. Only `action` is required. */
export const intentFieldsSchema = {
  type: 'object',
  properties: {
    action: { type: 'string', enum: USER_ACTION_KINDS },
    asset: {
      type: 'object',
      properties: { symbol: { type: 'string' }, address: addressSchema },
      additionalProperties: false,
    },
    amount: {
      type: 'object',
      properties: { value: { type: 'string' }, unlimited: { type: 'boolean' } },
      additionalProperties: false,
    },
    counterparty: {
      type: 'object',
      properties: { address: addressSchema, name: { type: 'string' } },
      additionalProperties: false,
    },
  },
  required: ['action'],
  additionalProperties: false,
} as const;

/** The most concerns a verifier answer may list. */
export const MAX_CONCERNS = 5;

const answerProperties = {
  refined: intentFieldsSchema,
  risk: { type: 'number' },
  verdict: { type: 'string', enum: ['allow', 'stepup', 'block'] },
  concerns: {
    type: 'array',
    maxItems: MAX_CONCERNS,
    items: {
      type: 'object',
      properties: { field: { type: 'string' }, text: { type: 'string' } },
      required: ['field', 'text'],
      additionalProperties: false,
    },
  },
  explanation: { type: 'string' },
} as const;

/** The verifier's answer in one mode, as a schema object. */
export function verifierSchema(mode: VerifyMode) {
  const properties =
    mode === 'reflect'
      ? { hypothesis: { type: 'string' }, critique: { type: 'string' }, ...answerProperties }
      : answerProperties;
  return {
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  } as const;
}

/** The nano's stated-intent answer, as the string a CompletionRequest carries. */
export const EXPECTED_ACTION_SCHEMA: string = JSON.stringify(intentFieldsSchema);

/** The verifier's answer in Standard mode, as a string. */
export const VERIFY_SCHEMA: string = JSON.stringify(verifierSchema('standard'));

/** The verifier's answer in `<REFLECT>` audit mode, as a string. */
export const AUDIT_SCHEMA: string = JSON.stringify(verifierSchema('reflect'));
