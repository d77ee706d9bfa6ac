import { ClearSignFormatError } from './errors';
import type { TypedDataTypes } from './fromTypedDataValues';

/**
 * The EIP-712 `encodeType` of a struct: `Mail(Person from,Person to,string contents)Person(…)`,
 * the primary type first, then the types it references, sorted by name. ERC-7730 keys EIP-712
 * formats by this string. Throws {@link ClearSignFormatError} when `primaryType` is not defined.
 */
export function encodeType(types: TypedDataTypes, primaryType: string): string {
  if (!Object.hasOwn(types, primaryType))
    throw new ClearSignFormatError(`type ${primaryType} is not defined`);
  const seen = new Set<string>();
  const visit = (type: string) => {
    const base = type.replace(/(\[\d*\])+$/, '');
    if (seen.has(base) || !Object.hasOwn(types, base)) return;
    seen.add(base);
    for (const member of types[base] ?? []) visit(member.type);
  };
  visit(primaryType);
  const [primary, ...rest] = [...seen];
  return [primary as string, ...rest.sort()]
    .map((name) => `${name}(${(types[name] ?? []).map((m) => `${m.type} ${m.name}`).join(',')})`)
    .join('');
}

/** A format key written with other spacing (`Permit(address owner, uint256 value)`), normalized. */
export function normalizeTypeKey(key: string): string {
  return key
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),])\s*/g, '$1');
}
