import { type AbiParameter, getAddress } from 'viem';
import type { ValueNode } from './types';

/**
 * The value tree of decoded ABI arguments: a struct named by the parameters (an unnamed one by its
 * position), tuples as structs, arrays as arrays; addresses checksummed, bytes lowercase.
 */
export function fromAbiValues(params: readonly AbiParameter[], values: readonly unknown[]): ValueNode {
  return { kind: 'struct', type: 'tuple', fields: structFields(params, values) };
}

function structFields(params: readonly AbiParameter[], values: unknown): Record<string, ValueNode> {
  const fields: Record<string, ValueNode> = {};
  params.forEach((param, i) => {
    const value = Array.isArray(values)
      ? values[i]
      : (values as Record<string, unknown>)[param.name && param.name !== '' ? param.name : String(i)];
    fields[param.name && param.name !== '' ? param.name : String(i)] = fromAbiValue(param, value);
  });
  return fields;
}

function fromAbiValue(param: AbiParameter, value: unknown): ValueNode {
  const array = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (array) {
    const element = { ...param, type: array[1] as string } as AbiParameter;
    const items = (value as readonly unknown[]).map((item) => fromAbiValue(element, item));
    return { kind: 'array', type: param.type, items };
  }
  if (param.type === 'tuple') {
    const components = 'components' in param ? param.components : [];
    // viem gives an object when every component is named, an array otherwise.
    const named = components.every((c) => c.name && c.name !== '');
    return {
      kind: 'struct',
      type: param.type,
      fields: structFields(
        components,
        named || Array.isArray(value) ? value : Object.values(value as object),
      ),
    };
  }
  if (param.type === 'address') return { kind: 'leaf', type: 'address', value: getAddress(value as string) };
  if (param.type === 'bool') return { kind: 'leaf', type: 'bool', value: value as boolean };
  if (param.type === 'string') return { kind: 'leaf', type: 'string', value: value as string };
  if (param.type.startsWith('bytes'))
    return { kind: 'leaf', type: param.type, value: (value as string).toLowerCase() };
  return { kind: 'leaf', type: param.type, value: BigInt(value as bigint | number) };
}
