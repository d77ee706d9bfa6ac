import { ParseError } from '../errors';
import type { Payload } from '../payload';
import { normalizeHex } from './normalizeHex';
import { parseCallBatch } from './parseCallBatch';
import { parseRawTransaction } from './parseRawTransaction';
import { parseSignMessage } from './parseSignMessage';
import { parseTransactionObject } from './parseTransactionObject';
import { parseTypedData } from './parseTypedData';
import { looksLikeUserOperation, parseUserOperation } from './parseUserOperation';
import { asArray, asObject, asString, has, type JsonObject } from './readJson';

const transactionMethods = new Set([
  'eth_sendTransaction',
  'eth_signTransaction',
  'eth_call',
  'eth_estimateGas',
]);
const typedDataMethods = new Set(['eth_signTypedData_v4', 'eth_signTypedData_v3']);

/**
 * Reads a parsed JSON value as a payload: a JSON-RPC request (`{method, params}`), bare params
 * (`[tx]`, `[address, typedData]`), a transaction object, typed data, a `wallet_sendCalls` batch,
 * a user operation, or an evaluation-corpus case (`{rawTx}`, `{typedData}`, `{to, data, value}`).
 */
export function parseJsonPayload(value: unknown): Payload {
  if (Array.isArray(value)) return parseBareParams(value);
  const object = asObject(value, 'the top level');
  if (typeof object.method === 'string') return parseRequest(object.method, object);
  if (has(object, 'types') && has(object, 'primaryType')) return parseTypedData(object);
  if (has(object, 'typedData')) return parseTypedData(object.typedData, { path: 'typedData' });
  if (has(object, 'calls')) return parseCallBatch(object, '');
  if (looksLikeUserOperation(object)) return parseUserOperation(object, '');
  const raw = object.rawTx ?? object.raw ?? object.rawTransaction ?? object.serializedTransaction;
  if (typeof raw === 'string') return parseRawTransaction(normalizeHex(raw.trim(), { path: 'rawTx' }));
  if (isTransactionLike(object)) return { kind: 'transaction', tx: parseTransactionObject(object, '') };
  throw new ParseError('unrecognized', 'This JSON is none of the request shapes Vigil reads.', {
    expected:
      'a JSON-RPC request {method, params}, a transaction {to, data, value}, typed data {types, domain, primaryType, message}, a wallet_sendCalls batch or a user operation',
  });
}

function isTransactionLike(object: JsonObject): boolean {
  return ['to', 'data', 'input', 'value'].some((key) => has(object, key));
}

function parseRequest(method: string, request: JsonObject): Payload {
  const params = has(request, 'params') ? asArray(request.params, 'params') : [];
  if (transactionMethods.has(method))
    return { kind: 'transaction', method, tx: parseTransactionObject(params[0], 'params[0]') };
  if (method === 'eth_sendRawTransaction')
    return parseRawTransaction(normalizeHex(asString(params[0], 'params[0]').trim(), { path: 'params[0]' }));
  if (typedDataMethods.has(method)) {
    const from = params[0];
    return parseTypedData(params[1], {
      method,
      path: 'params[1]',
      ...(typeof from === 'string' && { from }),
    });
  }
  if (method === 'eth_signTypedData' || method === 'eth_signTypedData_v1')
    throw new ParseError(
      'unsupportedMethod',
      `${method} (legacy typed data v1) is not supported: its meaning is not standard.`,
      {
        path: 'method',
        expected: 'eth_signTypedData_v4',
      },
    );
  if (method === 'personal_sign' || method === 'eth_sign') return parseSignMessage(method, params);
  if (method === 'wallet_sendCalls') return parseCallBatch(params[0], 'params[0]', method);
  if (method === 'eth_sendUserOperation') return parseUserOperation(params[0], 'params[0]', params[1]);
  throw new ParseError(
    'unsupportedMethod',
    `Vigil does not inspect ${JSON.stringify(method.slice(0, 60))} requests.`,
    {
      path: 'method',
      expected:
        'eth_sendTransaction, eth_signTransaction, eth_sendRawTransaction, eth_signTypedData_v4, personal_sign, eth_sign, wallet_sendCalls or eth_sendUserOperation',
    },
  );
}

function parseBareParams(params: readonly unknown[]): Payload {
  const [first, second] = params;
  if (params.length === 1 && typeof first === 'object' && first !== null) {
    const object = first as JsonObject;
    // A JSON-RPC batch of one request, as some dApps and loggers write it.
    if (typeof object.method === 'string') return parseRequest(object.method, object);
    if (has(object, 'calls')) return parseCallBatch(object, '[0]');
    return { kind: 'transaction', tx: parseTransactionObject(object, '[0]') };
  }
  if (
    params.length === 2 &&
    typeof first === 'string' &&
    second !== undefined &&
    typeof second !== 'number'
  ) {
    const typed = typeof second === 'string' ? second.trim().startsWith('{') : typeof second === 'object';
    if (typed) return parseTypedData(second, { path: '[1]', from: first });
  }
  throw new ParseError('unrecognized', 'This JSON array is not a parameter list Vigil reads.', {
    expected:
      '[transaction] (eth_sendTransaction params) or [address, typedData] (eth_signTypedData_v4 params)',
  });
}
