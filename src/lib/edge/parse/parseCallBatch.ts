import { ParseError } from '../errors';
import type { BatchCall, CallBatchPayload } from '../payload';
import { normalizeAddress } from './normalizeAddress';
import { normalizeHex } from './normalizeHex';
import { parseQuantity } from './parseQuantity';
import { boundedArray, optional } from './parseTransactionObject';
import { asObject, asString, at } from './readJson';

/**
 * Reads an EIP-5792 `wallet_sendCalls` request object: `{ version, chainId, from, atomicRequired,
 * calls: [{ to, data, value }], capabilities }`.
 */
export function parseCallBatch(value: unknown, path: string, method?: string): CallBatchPayload {
  const object = asObject(value, path || 'the batch');
  const list = boundedArray(object.calls, at(path, 'calls'));
  if (list.length === 0)
    throw new ParseError('missingField', 'The batch has no calls.', {
      path: at(path, 'calls'),
      expected: 'at least one call',
    });
  const calls = list.map((item, i): BatchCall => {
    const callPath = at(at(path, 'calls'), i);
    const call = asObject(item, callPath);
    const to = optional(call, callPath, 'to', normalizeAddress) ?? null;
    const data =
      optional(call, callPath, 'data', (v, p) => normalizeHex(asString(v, p).trim(), { path: p })) ?? '0x';
    if (to === null && data === '0x')
      throw new ParseError('missingField', `Call ${i} has neither a recipient (to) nor data.`, {
        path: callPath,
      });
    return { to, value: optional(call, callPath, 'value', parseQuantity) ?? 0n, data };
  });
  const capabilities = optional(object, path, 'capabilities', (v, p) => Object.keys(asObject(v, p))) ?? [];
  const version = optional(object, path, 'version', asString);
  const chainId = optional(object, path, 'chainId', parseQuantity);
  const from = optional(object, path, 'from', normalizeAddress);
  const atomicRequired = optional(object, path, 'atomicRequired', (v, p) => {
    if (typeof v !== 'boolean')
      throw new ParseError('invalidField', `Expected true or false at ${p}.`, { path: p });
    return v;
  });
  return {
    kind: 'callBatch',
    ...(method && { method }),
    ...(version !== undefined && { version }),
    ...(chainId !== undefined && { chainId }),
    ...(from !== undefined && { from }),
    ...(atomicRequired !== undefined && { atomicRequired }),
    calls,
    capabilities,
  };
}
