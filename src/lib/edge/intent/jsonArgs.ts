import type { AbiParameter } from 'viem';
import type { DecodedArgument } from '../decode/types';
import type { IntentArgValue } from './types';

/**
 * Converts decoded arguments to JSON-ready named values: integers as decimal strings, addresses and
 * bytes as lower-case hex, tuples as objects keyed by component name (or index when unnamed).
 */
export function jsonArgs(args: readonly DecodedArgument[]): Record<string, IntentArgValue> {
  return Object.fromEntries(args.map((arg, i) => [arg.name || `arg${i}`, jsonValue(arg.value, arg.param)]));
}

function jsonValue(value: unknown, param: AbiParameter | undefined): IntentArgValue {
  if (typeof value === 'bigint' || typeof value === 'number') return value.toString();
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return /^0x[0-9a-fA-F]*$/.test(value) ? value.toLowerCase() : value;
  const arrayMatch = param ? /^(.*)\[\d*\]$/.exec(param.type) : null;
  if (Array.isArray(value) && arrayMatch) {
    const itemParam = { ...param, type: arrayMatch[1] as string } as AbiParameter;
    return value.map((item) => jsonValue(item, itemParam));
  }
  const components = param && 'components' in param ? param.components : undefined;
  if (value !== null && typeof value === 'object' && components) {
    const record = value as Record<string | number, unknown>;
    return Object.fromEntries(
      components.map((component, i) => [
        component.name || String(i),
        jsonValue(Array.isArray(value) ? record[i] : record[component.name ?? i], component),
      ]),
    );
  }
  if (Array.isArray(value)) return value.map((item) => jsonValue(item, undefined));
  // EIP-712 structs: plain objects keyed by member name.
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonValue(item, undefined)]));
  return String(value);
}
