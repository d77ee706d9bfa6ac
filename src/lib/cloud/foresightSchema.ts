import { REPUTATIONS } from './types';

/** The most incidents an answer may list. */
export const MAX_INCIDENTS = 5;

/** Length caps (in code points, after cleaning) of the texts the cloud model may write. */
export const FORESIGHT_TEXT_LIMITS = {
  what: 300,
  when: 40,
  source: 200,
  context: 800,
  explanation: 1200,
} as const;

/*
 * The answer's JSON schema, sent as `response_format.json_schema.schema`. Only the core keywords
 * that vLLM's and SGLang's grammar backends (xgrammar, outlines, llguidance) and OpenAI's strict
 * mode all accept: type, properties, required, additionalProperties, items, enum. Every property is
 * required (OpenAI's strict mode demands it), so an incident's unknown `when` / `source` is written
 * as "". Counts, lengths and the risk range are enforced by parseForesight.ts, which never trusts
 * the server to have applied the grammar.
 */
export const foresightSchema = {
  type: 'object',
  properties: {
    reputation: { type: 'string', enum: REPUTATIONS },
    incidents: {
      type: 'array',
      items: {
        type: 'object',
        properties: { what: { type: 'string' }, when: { type: 'string' }, source: { type: 'string' } },
        required: ['what', 'when', 'source'],
        additionalProperties: false,
      },
    },
    context: { type: 'string' },
    risk: { type: 'number' },
    suggested: { type: 'string', enum: ['allow', 'stepup', 'block'] },
    explanation: { type: 'string' },
  },
  required: ['reputation', 'incidents', 'context', 'risk', 'suggested', 'explanation'],
  additionalProperties: false,
} as const;

/** The schema's name in `response_format.json_schema.name`. */
export const FORESIGHT_SCHEMA_NAME = 'vigil_foresight';
