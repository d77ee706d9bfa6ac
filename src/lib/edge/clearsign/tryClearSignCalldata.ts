import { type Address, getAddress, type Hex, isAddress } from 'viem';
import { calldataFormats } from './calldataFormats';
import { decodeExactCall } from './decodeExactCall';
import { descriptorsAt } from './descriptors';
import { formatTitle } from './formatTitle';
import { fromAbiValues } from './fromAbiValues';
import { genericCalldataDescriptor } from './genericCalldataDescriptor';
import { MAX_NESTED_DEPTH } from './limits';
import { renderFields } from './renderFields';
import type { ClearSignMissCode, ClearSignOutcome, Descriptor } from './types';

/** Parameters of {@link tryClearSignCalldata}: a call as a transaction makes it. */
export type ClearSignCalldataParameters = {
  chainId: bigint;
  to: Address;
  from?: Address;
  value: bigint;
  data: Hex;
  /** How deep this call is nested in another (0, the default, for a transaction's own call). */
  depth?: number;
};

/**
 * Clear-signs a contract call with the ERC-7730 registry: finds the descriptor bound to
 * (chainId, to) — or, where the registry has none, a generic ERC one flagged `generic` — and the
 * format whose key's selector matches, decodes the data against that key's signature (only a
 * canonical encoding is accepted; bytes after it are allowed, with a warning), and renders its fields. Pure and offline. Returns the
 * display, or why there is none.
 */
export function tryClearSignCalldata(parameters: ClearSignCalldataParameters): ClearSignOutcome {
  const { chainId, value } = parameters;
  const depth = parameters.depth ?? 0;
  if (depth > MAX_NESTED_DEPTH)
    return miss('tooDeep', `Calls nested deeper than ${MAX_NESTED_DEPTH} are not decoded.`);
  if (!isAddress(parameters.to, { strict: false }))
    return miss('invalidInput', 'The target is not an address.');
  if (typeof parameters.data !== 'string' || !/^0x(?:[0-9a-fA-F]{2})*$/.test(parameters.data))
    return miss('invalidInput', 'The call data is not hex bytes.');
  const to = getAddress(parameters.to);
  const data = parameters.data.toLowerCase() as Hex;
  if (data.length < 10) return miss('noFormat', 'The call has no function selector (under 4 bytes of data).');
  const selector = data.slice(0, 10);

  let candidates: readonly Descriptor[] = descriptorsAt('calldata', chainId, to);
  const warnings: string[] = [];
  if (candidates.length === 0) {
    const generic = genericCalldataDescriptor(chainId, to, selector);
    if (!generic)
      return miss('noDescriptor', `No clear-signing descriptor is bound to ${to} on chain ${chainId}.`);
    candidates = [generic.descriptor];
    warnings.push(generic.warning);
  }
  for (const descriptor of candidates) {
    const found = calldataFormats(descriptor).get(selector);
    if (!found) continue;
    const decoded = decodeExactCall(found.item, data);
    if (!decoded.ok) return miss(decoded.code, decoded.message);
    if (decoded.trailing)
      warnings.push(
        `${(decoded.trailing.length - 2) / 2} bytes follow the arguments (${decoded.trailing.slice(0, 42)}${decoded.trailing.length > 42 ? '…' : ''}): the function does not read them; apps append tags there, but nothing shown covers them.`,
      );
    const rendered = renderFields(found.format.fields, {
      descriptor,
      container: { chainId, to, value, ...(parameters.from !== undefined && { from: parameters.from }) },
      data: fromAbiValues(found.item.inputs, decoded.args),
      depth,
      nested: tryClearSignCalldata,
    });
    const owner = descriptor.owner ?? descriptor.contractName;
    return {
      display: {
        title: formatTitle(found.format, found.item.name),
        fields: rendered.fields,
        descriptor: descriptor.id,
        ...(owner !== undefined && { owner }),
        ...(descriptor.generic && { generic: true as const }),
        warnings: [...new Set([...warnings, ...rendered.warnings])],
      },
    };
  }
  return miss(
    'noFormat',
    `${candidates.map((d) => d.id).join(', ')} has no format for the function ${selector} called on ${to}.`,
  );
}

function miss(code: ClearSignMissCode, message: string): ClearSignOutcome {
  return { display: null, reason: { code, message } };
}
