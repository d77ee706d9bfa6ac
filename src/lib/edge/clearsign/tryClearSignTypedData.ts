import { type Address, getAddress, isAddress } from 'viem';
import { descriptors, descriptorsAt, formatsOf } from './descriptors';
import { encodeType, normalizeTypeKey } from './encodeType';
import { ClearSignFormatError } from './errors';
import { formatTitle } from './formatTitle';
import { fromTypedDataValues, type TypedDataTypes } from './fromTypedDataValues';
import { renderFields } from './renderFields';
import { tryClearSignCalldata } from './tryClearSignCalldata';
import type { ClearSignMissCode, ClearSignOutcome, Descriptor, DescriptorFormat, ValueNode } from './types';

/** Parameters of {@link tryClearSignTypedData}: EIP-712 typed data, best as parseTypedData gives it. */
export type ClearSignTypedDataParameters = {
  domain: {
    name?: string;
    version?: string;
    chainId?: bigint | number;
    verifyingContract?: Address;
    salt?: string;
  };
  types: TypedDataTypes;
  primaryType: string;
  message: Readonly<Record<string, unknown>>;
  /** The signer, when known (`@.from`). */
  from?: Address;
};

/**
 * Clear-signs EIP-712 typed data with the ERC-7730 registry: a descriptor bound to the domain's
 * (chainId, verifyingContract) — one whose domain name/version agree with the data's first; one
 * that disagrees still applies, with a warning — and the format keyed by the message's exact
 * encodeType. Where the registry binds none, a generic `ercs/`
 * descriptor with that exact encodeType (e.g. ERC-2612 `Permit`) applies, flagged `generic`.
 * Pure and offline. Returns the display, or why there is none.
 */
export function tryClearSignTypedData(parameters: ClearSignTypedDataParameters): ClearSignOutcome {
  const { domain, primaryType } = parameters;
  const { EIP712Domain: _domain, ...types } = parameters.types;
  let typeKey: string;
  try {
    typeKey = encodeType(types, primaryType);
  } catch (error) {
    if (!(error instanceof ClearSignFormatError)) throw error;
    return miss('invalidInput', `The typed data cannot be clear-signed: ${error.shortMessage}.`);
  }
  const chainId = toChainId(domain.chainId);
  const verifyingContract =
    domain.verifyingContract && isAddress(domain.verifyingContract, { strict: false })
      ? getAddress(domain.verifyingContract)
      : undefined;

  const bound =
    chainId !== undefined && verifyingContract ? descriptorsAt('eip712', chainId, verifyingContract) : [];
  // Descriptors whose domain name/version agree come first; one that disagrees still applies (the
  // binding is the contract), with a warning: a signature over another domain does not verify there.
  const ordered = [
    ...bound.filter((descriptor) => domainMismatch(descriptor, domain) === undefined),
    ...bound.filter((descriptor) => domainMismatch(descriptor, domain) !== undefined),
  ];
  const warnings: string[] = [];
  let chosen: { descriptor: Descriptor; format: DescriptorFormat } | undefined;
  for (const descriptor of ordered) {
    const format = findFormat(descriptor, typeKey);
    if (!format) continue;
    chosen = { descriptor, format };
    const mismatch = domainMismatch(descriptor, domain);
    if (mismatch) warnings.push(mismatch);
    break;
  }
  if (!chosen) {
    if (bound.length > 0)
      return miss(
        'noFormat',
        `${bound.map((d) => d.id).join(', ')} has no format for ${primaryType} with this schema.`,
      );
    for (const descriptor of descriptors) {
      if (!descriptor.generic || descriptor.kind !== 'eip712') continue;
      const format = findFormat(descriptor, typeKey);
      if (format) {
        chosen = { descriptor, format };
        warnings.push(
          `Generic descriptor ${descriptor.id}: the verifying contract ${verifyingContract ?? '(none)'} is not in the clear-signing registry.`,
        );
        break;
      }
    }
    if (!chosen)
      return miss(
        'noDescriptor',
        `No clear-signing descriptor is bound to ${verifyingContract ?? 'this domain'}${chainId !== undefined ? ` on chain ${chainId}` : ''} for ${primaryType}.`,
      );
  }

  let data: ValueNode;
  try {
    data = fromTypedDataValues(types, primaryType, parameters.message);
  } catch (error) {
    if (!(error instanceof ClearSignFormatError)) throw error;
    return miss('invalidInput', `The message does not match its types: ${error.shortMessage}.`);
  }
  const { descriptor, format } = chosen;
  const rendered = renderFields(format.fields, {
    descriptor,
    container: {
      ...(chainId !== undefined && { chainId }),
      ...(verifyingContract && { to: verifyingContract }),
      ...(parameters.from !== undefined && { from: parameters.from }),
    },
    data,
    depth: 0,
    nested: tryClearSignCalldata,
  });
  const owner = descriptor.owner ?? descriptor.contractName;
  return {
    display: {
      title: formatTitle(format, primaryType),
      fields: rendered.fields,
      descriptor: descriptor.id,
      ...(owner !== undefined && { owner }),
      ...(descriptor.generic && { generic: true as const }),
      warnings: [...new Set([...warnings, ...rendered.warnings])],
    },
  };
}

function findFormat(descriptor: Descriptor, typeKey: string): DescriptorFormat | undefined {
  for (const [key, format] of Object.entries(formatsOf(descriptor)))
    if (normalizeTypeKey(key) === typeKey) return format;
  return undefined;
}

/** How the data's domain name/version contradict the descriptor's, or undefined when they agree. */
function domainMismatch(
  descriptor: Descriptor,
  domain: ClearSignTypedDataParameters['domain'],
): string | undefined {
  const expected = descriptor.domain;
  const differs = (key: 'name' | 'version') =>
    expected?.[key] !== undefined && domain[key] !== undefined && expected[key] !== domain[key];
  if (!differs('name') && !differs('version')) return undefined;
  return `The EIP-712 domain (${JSON.stringify(domain.name)} version ${JSON.stringify(domain.version)}) is not the one ${descriptor.id} describes (${JSON.stringify(expected?.name)} version ${JSON.stringify(expected?.version)}): a signature over it will not verify at this contract, or the descriptor is out of date.`;
}

function toChainId(value: bigint | number | undefined): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return undefined;
}

function miss(code: ClearSignMissCode, message: string): ClearSignOutcome {
  return { display: null, reason: { code, message } };
}
