import { type Hex, hashDomain, hashStruct } from 'viem';
import { clearSignCalldata } from './clearsign/clearSignCalldata';
import { clearSignTypedData } from './clearsign/clearSignTypedData';
import type { ClearSignDisplay } from './clearsign/types';
import { decodePayloadCalls } from './decode/decodePayloadCalls';
import { toParseErrorInfo } from './errors';
import { formatChain, formatEth, formatGasPrice, formatInteger } from './format';
import { evaluateGate } from './gate/evaluateGate';
import { type Facts, noFacts } from './gate/facts';
import { defaultPolicy, type Policy } from './gate/policy';
import { intentOfPayload } from './intent/intentOfPayload';
import { toJsonText } from './json';
import { hexByteLength } from './parse/normalizeHex';
import { parsePayload } from './parse/parsePayload';
import type { Payload, TransactionFields, TypedDataPayload } from './payload';
import type { Field, FieldKey, InspectResult } from './view';

/** The policy and facts the gate decides under; defaults: the balanced policy, no facts. */
export type InspectContext = { readonly policy?: Policy; readonly facts?: Facts };

/**
 * Parses any input and lays out what the inspector shows: its kind, its normalized fields, every
 * call it makes decoded (nested calls included, each with its provenance and γ), its intent, and
 * the ERC-7730 clear-signing display when a descriptor applies, and the gate's decision. Never throws.
 */
export function inspect(text: string, context: InspectContext = {}): InspectResult {
  const policy = context.policy ?? defaultPolicy();
  const facts = context.facts ?? noFacts;
  const parsed = parsePayload(text);
  if (!parsed.ok) {
    const error = toParseErrorInfo(parsed.error);
    return {
      ok: false,
      error,
      decision: evaluateGate({ parseError: error, calls: [], policy, facts }, text),
    };
  }
  const { payload } = parsed;
  const calls = decodePayloadCalls(payload);
  const intent = intentOfPayload(payload, calls);
  const display = clearSign(payload);
  return {
    ok: true,
    kind: payload.kind,
    payload,
    fields: describePayload(payload),
    calls,
    intent,
    ...(display && { display }),
    decision: evaluateGate({ payload, calls, intent, policy, facts }),
  };
}

/** The clear-signing display of a transaction whose chain and target are known, or of typed data. */
function clearSign(payload: Payload): ClearSignDisplay | undefined {
  if (payload.kind === 'typedData') {
    const { domain, types, primaryType, message, from } = payload;
    return clearSignTypedData({ domain, types, primaryType, message, ...(from && { from }) }) ?? undefined;
  }
  if (payload.kind !== 'transaction' && payload.kind !== 'rawTransaction' && payload.kind !== 'eip681')
    return undefined;
  const { chainId, to, from, value, data } = payload.tx;
  if (chainId === undefined || !to || data === '0x') return undefined;
  return clearSignCalldata({ chainId, to, value, data, ...(from && { from }) }) ?? undefined;
}

/** The EIP-712 domain separator and struct hash, the two halves of the digest a device shows. */
function typedDataHashes(payload: TypedDataPayload): { domainSeparator: Hex; structHash: Hex } {
  const { domain, types, primaryType, message } = payload;
  return {
    domainSeparator: hashDomain({ domain, types } as Parameters<typeof hashDomain>[0]),
    structHash: hashStruct({ data: message, primaryType, types } as Parameters<typeof hashStruct>[0]),
  };
}

/** The fields of a payload, in display order. */
export function describePayload(payload: Payload): Field[] {
  const out = new FieldList();
  switch (payload.kind) {
    case 'calldata':
      out.data(payload.data);
      break;
    case 'transaction':
      out.text('method', payload.method);
      out.tx(payload.tx);
      break;
    case 'rawTransaction':
      out.flag('signed', payload.signed);
      out.text('hash', payload.hash, true);
      out.tx(payload.tx);
      break;
    case 'eip681':
      out.text('uri', payload.uri, true);
      out.text('function', payload.call?.signature);
      out.tx(payload.tx);
      break;
    case 'typedData':
      out.text('method', payload.method);
      out.text('from', payload.from);
      out.text('primaryType', payload.primaryType);
      out.text('domainName', payload.domain.name);
      out.text('domainVersion', payload.domain.version);
      out.chain(payload.domain.chainId);
      out.text('verifyingContract', payload.domain.verifyingContract);
      {
        const hashes = typedDataHashes(payload);
        out.text('domainSeparator', hashes.domainSeparator, true);
        if (payload.primaryType !== 'EIP712Domain') out.text('structHash', hashes.structHash, true);
      }
      out.text('digest', payload.digest, true);
      out.text('message', toJsonText(payload.message, 2), true);
      break;
    case 'message':
      out.text('method', payload.method);
      out.text('from', payload.from);
      out.text('messageText', payload.text, true);
      out.bytes(hexByteLength(payload.raw));
      out.text('data', payload.raw, true);
      out.text('digest', payload.digest, true);
      break;
    case 'callBatch':
      out.text('method', payload.method);
      out.chain(payload.chainId);
      out.text('from', payload.from);
      out.text('callCount', String(payload.calls.length));
      if (payload.atomicRequired !== undefined)
        out.text('atomicRequired', payload.atomicRequired ? 'yes' : 'no');
      if (payload.capabilities.length > 0) out.text('capabilities', payload.capabilities.join(', '));
      break;
    case 'userOperation': {
      const op = payload.userOperation;
      out.text(
        'entryPoint',
        payload.entryPoint
          ? `${payload.entryPoint} (v${payload.entryPointVersion})`
          : `v${payload.entryPointVersion}`,
      );
      out.text('sender', op.sender);
      out.integer('nonce', op.nonce);
      out.gasPrice('maxFeePerGas', op.maxFeePerGas);
      out.gasPrice('maxPriorityFeePerGas', op.maxPriorityFeePerGas);
      out.data(op.callData);
      break;
    }
  }
  return out.fields;
}

function formatBytes(size: number): string {
  return `${formatInteger(size)} byte${size === 1 ? '' : 's'}`;
}

/** Accumulates fields, skipping absent values. */
class FieldList {
  readonly fields: Field[] = [];

  text(key: FieldKey, value: string | undefined, block = false): void {
    if (value === undefined || value === '') return;
    this.fields.push({ key, value, copy: value, ...(block && { block }) });
  }

  flag(key: FieldKey, value: boolean): void {
    this.fields.push({ key, value: value ? 'yes' : 'no', copy: String(value), format: 'boolean' });
  }

  bytes(size: number): void {
    this.fields.push({ key: 'dataSize', value: formatBytes(size), copy: String(size), format: 'bytes' });
  }

  integer(key: FieldKey, value: bigint | undefined): void {
    if (value === undefined) return;
    this.fields.push({ key, value: formatInteger(value), copy: value.toString() });
  }

  gasPrice(key: FieldKey, value: bigint | undefined): void {
    if (value === undefined) return;
    this.fields.push({
      key,
      value: formatGasPrice(value),
      detail: `${formatInteger(value)} wei`,
      copy: value.toString(),
    });
  }

  chain(chainId: bigint | undefined): void {
    if (chainId === undefined) return;
    this.fields.push({ key: 'chain', value: formatChain(chainId), copy: chainId.toString() });
  }

  data(data: Hex): void {
    const size = hexByteLength(data);
    this.bytes(size);
    if (size >= 4) this.text('selector', data.slice(0, 10));
    if (size > 0) this.text('data', data, true);
  }

  tx(tx: TransactionFields): void {
    this.chain(tx.chainId);
    this.text('from', tx.from);
    if (tx.to === null)
      this.fields.push({ key: 'contractCreation', value: 'yes', copy: '', format: 'boolean' });
    else this.text('to', tx.to);
    this.fields.push({
      key: 'value',
      value: formatEth(tx.value),
      detail: `${formatInteger(tx.value)} wei`,
      copy: tx.value.toString(),
    });
    this.text('txType', tx.type);
    this.integer('nonce', tx.nonce);
    this.integer('gas', tx.gas);
    this.gasPrice('gasPrice', tx.gasPrice);
    this.gasPrice('maxFeePerGas', tx.maxFeePerGas);
    this.gasPrice('maxPriorityFeePerGas', tx.maxPriorityFeePerGas);
    this.gasPrice('maxFeePerBlobGas', tx.maxFeePerBlobGas);
    if (tx.blobVersionedHashes) this.text('blobCount', String(tx.blobVersionedHashes.length));
    if (tx.accessList?.length) this.text('accessList', toJsonText(tx.accessList, 2), true);
    if (tx.authorizationList?.length) this.text('authorizations', toJsonText(tx.authorizationList, 2), true);
    this.data(tx.data);
  }
}
