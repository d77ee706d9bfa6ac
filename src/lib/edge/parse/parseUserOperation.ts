import type { Address, Hex } from 'viem';
import { ParseError } from '../errors';
import type { UserOperationPayload, UserOperationV06, UserOperationV07 } from '../payload';
import { normalizeAddress } from './normalizeAddress';
import { normalizeHex } from './normalizeHex';
import { parseQuantity } from './parseQuantity';
import { optional } from './parseTransactionObject';
import { asObject, asString, at, has, type JsonObject } from './readJson';

/** Canonical ERC-4337 EntryPoint deployments and the user-operation shape each accepts. */
const entryPoints: Readonly<Record<string, '0.6' | '0.7'>> = {
  '0x5FF137D4b0FDCD49DcA30c7CF57E578a026d2789': '0.6',
  '0x0000000071727De22E5E9d8BAf0edAc6f37da032': '0.7',
  // v0.8 takes the same packed/unpacked shape as v0.7.
  '0x4337084D9E255Ff0702461CF8895CE9E3b5Ff108': '0.7',
};

const v06Only = ['initCode', 'paymasterAndData'];
const v07Only = [
  'factory',
  'factoryData',
  'paymaster',
  'paymasterData',
  'paymasterVerificationGasLimit',
  'paymasterPostOpGasLimit',
];
const packedOnly = ['accountGasLimits', 'gasFees'];

/** Whether a JSON object has the fields of a user operation. */
export function looksLikeUserOperation(object: JsonObject): boolean {
  return has(object, 'sender') && has(object, 'callData') && has(object, 'nonce');
}

/**
 * Reads an ERC-4337 user operation, v0.6 (`initCode`, `paymasterAndData`) or v0.7 (unpacked
 * `factory`/`paymaster` fields, or the packed `accountGasLimits`/`gasFees` form, which is unpacked).
 * A known EntryPoint address must agree with the shape.
 */
export function parseUserOperation(
  value: unknown,
  path: string,
  entryPointValue?: unknown,
): UserOperationPayload {
  const object = asObject(value, path || 'the user operation');
  const entryPoint =
    entryPointValue === undefined ? undefined : normalizeAddress(entryPointValue, 'params[1] (entry point)');
  const packed = packedOnly.some((key) => has(object, key));
  const hasV06 = v06Only.some((key) => has(object, key));
  const hasV07 = v07Only.some((key) => has(object, key));
  if (hasV06 && hasV07)
    throw new ParseError(
      'conflictingFields',
      'The user operation mixes v0.6 fields (initCode, paymasterAndData) with v0.7 fields.',
      {
        path,
      },
    );
  const version: '0.6' | '0.7' =
    packed || hasV07 ? '0.7' : hasV06 ? '0.6' : (entryPoint && entryPoints[entryPoint]) || '0.7';
  const known = entryPoint ? entryPoints[entryPoint] : undefined;
  if (known && known !== version)
    throw new ParseError(
      'conflictingFields',
      `The user operation has the v${version} shape but the entry point is v${known}.`,
      {
        path: 'params[1]',
      },
    );
  const quantity = (key: string) => parseQuantity(object[key], at(path, key));
  const bytes = (key: string, fallback?: Hex): Hex => {
    if (!has(object, key) || object[key] === null) {
      if (fallback !== undefined) return fallback;
      throw new ParseError('missingField', `The user operation needs "${key}".`, { path: at(path, key) });
    }
    return normalizeHex(asString(object[key], at(path, key)).trim(), { path: at(path, key) });
  };
  const base = {
    sender: normalizeAddress(object.sender, at(path, 'sender')),
    nonce: quantity('nonce'),
    callData: bytes('callData'),
    preVerificationGas: quantity('preVerificationGas'),
    signature: bytes('signature', '0x'),
  };
  const ep = entryPoint ? { entryPoint } : {};
  if (version === '0.6') {
    const userOperation: UserOperationV06 = {
      ...base,
      callGasLimit: quantity('callGasLimit'),
      verificationGasLimit: quantity('verificationGasLimit'),
      maxFeePerGas: quantity('maxFeePerGas'),
      maxPriorityFeePerGas: quantity('maxPriorityFeePerGas'),
      initCode: bytes('initCode', '0x'),
      paymasterAndData: bytes('paymasterAndData', '0x'),
    };
    return { kind: 'userOperation', entryPointVersion: '0.6', ...ep, userOperation };
  }
  const userOperation = packed ? unpack(path, base, bytes) : unpacked(object, path, base, quantity, bytes);
  return { kind: 'userOperation', entryPointVersion: '0.7', ...ep, userOperation };
}

type Base = Pick<UserOperationV07, 'sender' | 'nonce' | 'callData' | 'preVerificationGas' | 'signature'>;

function unpacked(
  object: JsonObject,
  path: string,
  base: Base,
  quantity: (key: string) => bigint,
  bytes: (key: string, fallback?: Hex) => Hex,
): UserOperationV07 {
  const factory = optional(object, path, 'factory', normalizeAddress);
  const paymaster = optional(object, path, 'paymaster', normalizeAddress);
  return {
    ...base,
    callGasLimit: quantity('callGasLimit'),
    verificationGasLimit: quantity('verificationGasLimit'),
    maxFeePerGas: quantity('maxFeePerGas'),
    maxPriorityFeePerGas: quantity('maxPriorityFeePerGas'),
    ...(factory && { factory, factoryData: bytes('factoryData', '0x') }),
    ...(paymaster && {
      paymaster,
      paymasterVerificationGasLimit: quantity('paymasterVerificationGasLimit'),
      paymasterPostOpGasLimit: quantity('paymasterPostOpGasLimit'),
      paymasterData: bytes('paymasterData', '0x'),
    }),
  };
}

/** Splits the packed v0.7 fields: two uint128 per bytes32, address-prefixed initCode and paymasterAndData. */
function unpack(path: string, base: Base, bytes: (key: string, fallback?: Hex) => Hex): UserOperationV07 {
  const pair = (key: string): [bigint, bigint] => {
    const hex = bytes(key);
    if (hex.length !== 66)
      throw new ParseError('invalidField', `"${key}" must be 32 bytes (two packed uint128).`, {
        path: at(path, key),
      });
    return [BigInt(`0x${hex.slice(2, 34)}`), BigInt(`0x${hex.slice(34)}`)];
  };
  const [verificationGasLimit, callGasLimit] = pair('accountGasLimits');
  const [maxPriorityFeePerGas, maxFeePerGas] = pair('gasFees');
  const initCode = bytes('initCode', '0x');
  const paymasterAndData = bytes('paymasterAndData', '0x');
  if (initCode !== '0x' && initCode.length < 42)
    throw new ParseError('invalidField', 'initCode is shorter than a factory address.', {
      path: at(path, 'initCode'),
    });
  if (paymasterAndData !== '0x' && paymasterAndData.length < 2 + 52 * 2)
    throw new ParseError(
      'invalidField',
      'paymasterAndData is shorter than address + two gas limits (52 bytes).',
      {
        path: at(path, 'paymasterAndData'),
      },
    );
  return {
    ...base,
    callGasLimit,
    verificationGasLimit,
    maxFeePerGas,
    maxPriorityFeePerGas,
    ...(initCode !== '0x' && {
      factory: normalizeAddress(initCode.slice(0, 42)) as Address,
      factoryData: `0x${initCode.slice(42)}` as Hex,
    }),
    ...(paymasterAndData !== '0x' && {
      paymaster: normalizeAddress(paymasterAndData.slice(0, 42)),
      paymasterVerificationGasLimit: BigInt(`0x${paymasterAndData.slice(42, 74)}`),
      paymasterPostOpGasLimit: BigInt(`0x${paymasterAndData.slice(74, 106)}`),
      paymasterData: `0x${paymasterAndData.slice(106)}` as Hex,
    }),
  };
}
