import { type AbiFunction, type Address, encodeFunctionData } from 'viem';
import { ParseError } from '../errors';
import type { Eip681Payload, TransactionFields } from '../payload';
import { MAX_UINT256 } from './limits';
import { normalizeAddress } from './normalizeAddress';
import { normalizeHex } from './normalizeHex';

const functionName = /^[A-Za-z_$][\w$]*$/;
const numberPattern = /^([+-]?)(\d*)(?:\.(\d+))?(?:[eE](\d+))?$/;
const abiType = /^(address|bool|string|bytes(\d+)?|u?int(\d+)?)$/;

/**
 * Parses an EIP-681 URI (`ethereum:[pay-]<address>[@chainId][/function]?params`) into the transaction
 * it requests. Function parameters are typed (`address=0x…&uint256=1e6`) and encoded as calldata.
 * ENS names are not resolved (that needs the network): such a URI is reported as unsupported.
 */
export function parseEip681(text: string): Eip681Payload {
  const uri = text.trim();
  const match = /^ethereum:(pay-)?([^@/?#]+)(?:@([^/?#]*))?(?:\/([^?#]*))?(?:\?([^#]*))?$/i.exec(uri);
  if (!match)
    throw new ParseError('invalidUri', 'Not a well-formed EIP-681 URI.', {
      expected: 'ethereum:<address>[@chainId][/function][?key=value&…]',
    });
  const [, , targetText = '', chainText, fnText, query] = match;
  const target = readTarget(decode(targetText));
  const fields: { -readonly [K in keyof TransactionFields]: TransactionFields[K] } = {
    to: target,
    value: 0n,
    data: '0x',
  };
  if (chainText !== undefined) {
    if (!/^\d{1,19}$/.test(chainText))
      throw new ParseError(
        'invalidUri',
        `The chain id after @ must be a decimal number: ${JSON.stringify(chainText)}.`,
        {
          position: uri.indexOf('@') + 1,
          expected: 'a decimal chain id such as 1',
        },
      );
    fields.chainId = BigInt(chainText);
  }
  const inputs: { type: string }[] = [];
  const args: unknown[] = [];
  const shownArgs: { type: string; value: string }[] = [];
  const seen = new Set<string>();
  for (const part of query ? query.split('&') : []) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0)
      throw new ParseError('invalidUri', `A parameter has no key=value form: ${JSON.stringify(part)}.`);
    const key = decode(part.slice(0, eq));
    const value = decode(part.slice(eq + 1));
    if (key === 'value' || key === 'gas' || key === 'gasLimit' || key === 'gasPrice') {
      const field = key === 'gasLimit' ? 'gas' : key;
      if (seen.has(field)) throw new ParseError('invalidUri', `The parameter "${key}" is given twice.`);
      seen.add(field);
      fields[field] = readNumber(value, key, false);
    } else if (abiType.test(key)) {
      if (fnText === undefined)
        throw new ParseError('invalidUri', `Typed parameter "${key}" without a function name in the URI.`, {
          expected: 'ethereum:<address>/<function>?<type>=<value>',
        });
      inputs.push({ type: key });
      args.push(readArgument(key, value));
      shownArgs.push({ type: key, value });
    } else
      throw new ParseError('invalidUri', `Unknown parameter "${key}".`, {
        expected: 'value, gas, gasLimit, gasPrice, or an ABI type such as address or uint256',
      });
  }
  if (fnText === undefined) return { kind: 'eip681', uri, tx: fields };
  const name = decode(fnText);
  if (!functionName.test(name))
    throw new ParseError('invalidUri', `Not a function name: ${JSON.stringify(name)}.`, {
      expected: 'an identifier',
    });
  const abi: AbiFunction = { type: 'function', name, inputs, outputs: [], stateMutability: 'nonpayable' };
  try {
    fields.data = encodeFunctionData({ abi: [abi], functionName: name, args });
  } catch (error) {
    throw new ParseError('invalidUri', `The arguments of ${name} cannot be encoded.`, {
      details: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
      cause: error,
    });
  }
  const signature = `${name}(${inputs.map((input) => input.type).join(',')})`;
  return { kind: 'eip681', uri, call: { functionName: name, signature, args: shownArgs }, tx: fields };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    throw new ParseError('invalidUri', `Bad percent-encoding: ${JSON.stringify(text.slice(0, 40))}.`, {
      cause: error,
    });
  }
}

function readTarget(text: string): Address {
  if (/^0x/i.test(text)) return normalizeAddress(text, 'target address', true);
  if (/\.[a-z]/i.test(text))
    throw new ParseError(
      'unsupported',
      `The target "${text.slice(0, 60)}" is an ENS name; Vigil needs the address it resolves to.`,
      {
        expected: 'a 0x address',
      },
    );
  throw new ParseError('invalidUri', `The target is not an address: ${JSON.stringify(text.slice(0, 60))}.`, {
    expected: 'a 0x address',
  });
}

/** Reads an EIP-681 number (`1`, `1e18`, `2.5e6`, `0x10`) as an integer. */
function readNumber(text: string, key: string, signed: boolean): bigint {
  if (/^0x[0-9a-f]+$/i.test(text)) return BigInt(text);
  const match = numberPattern.exec(text);
  if (!match || (match[2] === '' && match[3] === undefined))
    throw new ParseError('invalidUri', `"${key}" is not a number: ${JSON.stringify(text.slice(0, 40))}.`, {
      expected: 'a number such as 1, 1e18 or 2.5e6',
    });
  const [, sign, whole = '', fraction = '', exponentText = '0'] = match;
  if (exponentText.length > 3) throw new ParseError('invalidUri', `The exponent of "${key}" is too large.`);
  // value = (whole.fraction) * 10^exponent; it must come out whole.
  const scale = Number(exponentText) - fraction.length;
  let digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '') || '0';
  if (scale >= 0) digits = `${digits}${'0'.repeat(scale)}`;
  else {
    const dropped = digits.slice(scale);
    if (!/^0*$/.test(dropped))
      throw new ParseError('invalidUri', `"${key}" is not a whole number: ${text}.`, {
        expected: 'an integer amount (in wei)',
      });
    digits = digits.slice(0, scale) || '0';
  }
  const magnitude = BigInt(digits);
  if (sign === '-' && !signed && magnitude !== 0n)
    throw new ParseError('invalidUri', `"${key}" cannot be negative.`);
  if (magnitude > MAX_UINT256) throw new ParseError('invalidUri', `"${key}" is out of range.`);
  return sign === '-' ? -magnitude : magnitude;
}

function readArgument(type: string, value: string): unknown {
  if (type === 'address') return normalizeAddress(value, `the ${type} parameter`, true);
  if (type === 'bool') {
    if (value === 'true' || value === 'false') return value === 'true';
    throw new ParseError(
      'invalidUri',
      `bool parameter must be true or false: ${JSON.stringify(value.slice(0, 20))}.`,
    );
  }
  if (type === 'string') return value;
  if (type.startsWith('bytes')) return normalizeHex(value, { path: `the ${type} parameter` });
  return readNumber(value, type, type.startsWith('int'));
}
