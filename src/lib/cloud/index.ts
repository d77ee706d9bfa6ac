/*
 * The cloud tier: `<FORESIGHT>` advice from an OpenAI-compatible endpoint on a sanitized request
 * only (DESIGN.md, invariants 4 and 5). Advisory, never on the gate's path.
 */
export { type ChatBody, chatBody } from './chatBody';
export { type AskCloudOptions, askCloud } from './client';
export { type CloudConfig, CloudConfigError, checkCloudConfig, completionsUrl } from './config';
export { FORESIGHT_DATA_CAP, FORESIGHT_MAX_TOKENS, foresightPrompt } from './foresightPrompt';
export {
  FORESIGHT_SCHEMA_NAME,
  FORESIGHT_TEXT_LIMITS,
  foresightSchema,
  MAX_INCIDENTS,
} from './foresightSchema';
export { parseForesight } from './parseForesight';
export type { PrivacyProfile, SanitizedRequest } from './sanitized';
export { type CloudAdvice, type CloudResult, type Incident, REPUTATIONS, type Reputation } from './types';
