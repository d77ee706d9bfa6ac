/**
 * Every format of every bundled descriptor, fed synthetic arguments of the right types: each must
 * render (no exception, a display from the same descriptor) and use only supported formats. This
 * is the "never a crash" check over the whole registry, beyond the formats the test vectors reach.
 */
import { type AbiParameter, encodeFunctionData, getAddress, type Hex } from 'viem';
import { expect, test } from 'vitest';
import { calldataFormats } from './calldataFormats';
import { descriptors, formatsOf } from './descriptors';
import { tryClearSignCalldata } from './tryClearSignCalldata';
import { tryClearSignTypedData } from './tryClearSignTypedData';

const SOMEONE = '0x1111111111111111111111111111111111111111';

function sample(type: string, components?: readonly AbiParameter[]): unknown {
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array)
    return Array.from({ length: array[2] ? Number(array[2]) : 2 }, () =>
      sample(array[1] as string, components),
    );
  if (type === 'tuple') {
    const parts = components ?? [];
    return parts.every((p) => p.name)
      ? Object.fromEntries(
          parts.map((p) => [p.name, sample(p.type, 'components' in p ? p.components : undefined)]),
        )
      : parts.map((p) => sample(p.type, 'components' in p ? p.components : undefined));
  }
  if (type === 'address') return SOMEONE;
  if (type === 'bool') return true;
  if (type === 'string') return 'text';
  if (type === 'bytes') return `0x${'11'.repeat(40)}`;
  if (type.startsWith('bytes')) return `0x${'11'.repeat(Number(type.slice(5)))}`;
  const bits = Number(/\d+$/.exec(type)?.[0] ?? 256);
  return bits <= 8 ? 1n : 1000n;
}

test('every calldata format renders synthetic arguments', () => {
  let formats = 0;
  for (const descriptor of descriptors) {
    const [deployment] = descriptor.deployments ?? [];
    if (descriptor.kind !== 'calldata' || !deployment) continue;
    for (const { key, item } of calldataFormats(descriptor).values()) {
      formats++;
      const data = encodeFunctionData({
        abi: [item],
        args: item.inputs.map((input) =>
          sample(input.type, 'components' in input ? input.components : undefined),
        ),
      } as unknown as Parameters<typeof encodeFunctionData>[0]) as Hex;
      const outcome = tryClearSignCalldata({
        chainId: BigInt(deployment[0]),
        to: getAddress(deployment[1]),
        from: SOMEONE,
        value: 1n,
        data,
      });
      expect(outcome.display?.descriptor, `${descriptor.id} ${key}: ${outcome.reason?.message}`).toBe(
        descriptor.id,
      );
      expect(outcome.display?.warnings.filter((w) => w.includes('is not supported'))).toEqual([]);
    }
  }
  expect(formats).toBeGreaterThan(900);
});

/** `Mail(Person from,string body)Person(address wallet)` → EIP-712 types. */
function typesFromKey(key: string): Record<string, { name: string; type: string }[]> {
  const types: Record<string, { name: string; type: string }[]> = {};
  for (const [, name, body] of key.matchAll(/([A-Za-z_$][\w$:]*)\(([^)]*)\)/g))
    types[name as string] = (body as string)
      .split(',')
      .filter((member) => member.trim() !== '')
      .map((member) => {
        const [type, field] = member.trim().split(/\s+/);
        return { name: field as string, type: type as string };
      });
  return types;
}

function sampleMessage(types: Record<string, { name: string; type: string }[]>, type: string): unknown {
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array)
    return Array.from({ length: array[2] ? Number(array[2]) : 2 }, () =>
      sampleMessage(types, array[1] as string),
    );
  const members = types[type];
  if (members) return Object.fromEntries(members.map((m) => [m.name, sampleMessage(types, m.type)]));
  return sample(type);
}

test('every EIP-712 format renders a synthetic message', () => {
  let formats = 0;
  for (const descriptor of descriptors) {
    const [deployment] = descriptor.deployments ?? [];
    if (descriptor.kind !== 'eip712' || !deployment) continue;
    for (const key of Object.keys(formatsOf(descriptor))) {
      formats++;
      const types = typesFromKey(key);
      const primaryType = /^([^(]+)\(/.exec(key.trim())?.[1] as string;
      const outcome = tryClearSignTypedData({
        domain: {
          ...descriptor.domain,
          chainId: BigInt(deployment[0]),
          verifyingContract: getAddress(deployment[1]),
        },
        types,
        primaryType,
        message: sampleMessage(types, primaryType) as Record<string, unknown>,
      });
      expect(outcome.display?.descriptor, `${descriptor.id} ${key}: ${outcome.reason?.message}`).toBe(
        descriptor.id,
      );
      expect(outcome.display?.warnings.filter((w) => w.includes('is not supported'))).toEqual([]);
    }
  }
  expect(formats).toBeGreaterThan(50);
});
