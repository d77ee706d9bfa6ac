import { treeConfidence } from '../../decode/types';
import type { Rule } from '../rule';
import { walkCalls } from '../walk';

export const inputMalformed: Rule = {
  id: 'input.malformed',
  title: 'Input not readable',
  needs: [],
  severity: 'critical',
  evaluate: (ctx) =>
    ctx.parseError
      ? {
          path: 'input',
          message: `Vigil could not read this input (${ctx.parseError.code}): there is nothing safe to sign.`,
        }
      : null,
};

export const decodeFailed: Rule = {
  id: 'decode.failed',
  title: 'Part of the request could not be decoded',
  needs: [],
  severity: 'high',
  evaluate: (ctx) => {
    for (const [call, path] of walkCalls(ctx.calls))
      if (call.source === 'none' && call.issue)
        return { path, message: `${call.issue.message} What this part does is unknown.` };
    return null;
  },
};

export const decodeLowConfidence: Rule = {
  id: 'decode.low-confidence',
  title: 'Decode not certain',
  needs: [],
  severity: 'medium',
  evaluate: (ctx) => {
    if (ctx.parseError) return null; // input.malformed already says it all
    const gamma = ctx.intent?.confidence ?? 0;
    const lowest = ctx.calls.reduce((min, call) => Math.min(min, treeConfidence(call)), 1);
    const confidence = Math.min(gamma, lowest);
    if (confidence >= ctx.policy.tauConf) return null;
    return {
      path: 'intent',
      message: `Vigil is ${Math.round(confidence * 100)}% sure of this decode (your policy asks for ${Math.round(ctx.policy.tauConf * 100)}%).`,
    };
  },
};
