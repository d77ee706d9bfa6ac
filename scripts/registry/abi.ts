import { type Abi, type AbiFunction, type AbiParameter, parseAbiItem, toFunctionSignature } from 'viem';

type LegacyFunction = AbiFunction & { readonly constant?: boolean; readonly payable?: boolean };

const nameCache = new Map<string, boolean>();

/** Whether viem reads `name` as a parameter name (it rejects or swallows Solidity keywords). */
function readableName(name: string): boolean {
  let ok = nameCache.get(name);
  if (ok === undefined) {
    try {
      const parsed = parseAbiItem(`function f(uint256 ${name})`) as AbiFunction;
      ok = parsed.inputs[0]?.name === name;
    } catch {
      ok = false;
    }
    nameCache.set(name, ok);
  }
  return ok;
}

function formatParameter(parameter: AbiParameter): string {
  const components = 'components' in parameter ? parameter.components : undefined;
  const type =
    parameter.type.startsWith('tuple') && components
      ? `(${components.map(formatParameter).join(', ')})${parameter.type.slice(5)}`
      : parameter.type;
  return parameter.name && readableName(parameter.name) ? `${type} ${parameter.name}` : type;
}

function mutability(fn: LegacyFunction): string {
  const value = fn.stateMutability ?? (fn.constant ? 'view' : fn.payable ? 'payable' : 'nonpayable');
  return value === 'nonpayable' ? '' : ` ${value}`;
}

/**
 * A function as a viem human-readable signature: parameter names and tuple components kept (except
 * names viem cannot read, such as `address` or `calldata`), state mutability kept (`nonpayable`
 * implied), outputs dropped (calldata decoding does not need them). Throws unless the text parses
 * back to the same canonical signature.
 */
export function humanReadable(fn: AbiFunction): string {
  const text = `function ${fn.name}(${fn.inputs.map(formatParameter).join(', ')})${mutability(fn)}`;
  const parsed = parseAbiItem(text) as AbiFunction;
  if (toFunctionSignature(parsed) !== toFunctionSignature(fn))
    throw new Error(`${toFunctionSignature(fn)}: does not round-trip (got ${toFunctionSignature(parsed)})`);
  return text;
}

/** The functions of an ABI, or of a list of human-readable signatures (`function ` optional). */
export function functionsOf(abi: Abi | readonly string[]): AbiFunction[] {
  return abi.flatMap((item): AbiFunction[] => {
    if (typeof item !== 'string') return item.type === 'function' ? [item] : [];
    const text = item.trim().startsWith('function ') ? item.trim() : `function ${item.trim()}`;
    const parsed = parseAbiItem(text);
    if (parsed.type !== 'function') throw new Error(`not a function: ${item}`);
    return [parsed];
  });
}

/** Only the named functions of an ABI (throws if one is missing: a source changed under us). */
export function pick(abi: Abi, wanted: readonly string[], label: string): AbiFunction[] {
  const functions = functionsOf(abi);
  for (const name of wanted)
    if (!functions.some((fn) => fn.name === name)) throw new Error(`${label}: no function ${name}`);
  return functions.filter((fn) => wanted.includes(fn.name));
}
