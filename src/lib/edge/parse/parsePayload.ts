import { ParseError } from '../errors';
import type { Payload } from '../payload';
import { MAX_INPUT_CHARS } from './limits';
import { hexByteLength, normalizeHex } from './normalizeHex';
import { parseEip681 } from './parseEip681';
import { parseJsonPayload } from './parseJsonPayload';
import { looksLikeRawTransaction, NOT_A_TRANSACTION, parseRawTransaction } from './parseRawTransaction';
import { readJson } from './readJson';

/** The result of {@link parsePayload}: a payload, or the reason the input was not accepted. */
export type ParsePayloadReturnType = { ok: true; payload: Payload } | { ok: false; error: ParseError };

const bareHex = /^(0[xX])?[0-9a-fA-F\s]+$/;

/**
 * Recognizes and normalizes anything a wallet or dApp can produce: calldata hex, a raw transaction,
 * a transaction or JSON-RPC request as JSON, EIP-712 typed data, a personal_sign/eth_sign request,
 * an EIP-681 URI, a wallet_sendCalls batch or a user operation. Never throws: an input that is not
 * accepted gives `{ ok: false, error }` saying what was expected and where it went wrong.
 */
export function parsePayload(text: string): ParsePayloadReturnType {
  try {
    return { ok: true, payload: parseText(text) };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error };
    // An exception no parser anticipated is a bug; it still must not pass as a payload.
    return {
      ok: false,
      error: new ParseError('unrecognized', 'The input could not be read.', {
        details: error instanceof Error ? error.message : String(error),
        cause: error,
      }),
    };
  }
}

function parseText(input: string): Payload {
  if (typeof input !== 'string') throw new ParseError('unrecognized', 'The input is not text.');
  if (input.length > MAX_INPUT_CHARS)
    throw new ParseError(
      'tooLarge',
      `The input is ${input.length.toLocaleString('en-US')} characters; Vigil reads at most ${MAX_INPUT_CHARS.toLocaleString('en-US')}.`,
      {
        expected: `at most ${MAX_INPUT_CHARS} characters`,
      },
    );
  const text = input.trim();
  if (text === '') throw new ParseError('empty', 'There is nothing to inspect.', { expected: 'some input' });
  if (/^ethereum:/i.test(text)) return parseEip681(text);
  if (text.startsWith('{') || text.startsWith('[')) return parseJsonPayload(readJson(text));
  if (text.startsWith('"')) return parseJsonString(text);
  if (bareHex.test(text) || /^0x/i.test(text)) return parseHex(text);
  throw new ParseError(
    'unrecognized',
    'This is not calldata, a transaction, typed data or a URI Vigil can read.',
    {
      expected:
        'hex calldata or a raw transaction, JSON (a transaction, a JSON-RPC request, typed data) or an ethereum: URI',
    },
  );
}

/** A JSON string holding one of the other forms (e.g. typed data copied as an escaped string). */
function parseJsonString(text: string): Payload {
  const inner = readJson(text);
  if (typeof inner !== 'string') throw new ParseError('unrecognized', 'Expected a JSON string.');
  const trimmed = inner.trim();
  if (trimmed.startsWith('"'))
    throw new ParseError('unrecognized', 'A JSON string inside a JSON string is not read.');
  return parseText(trimmed);
}

function parseHex(text: string): Payload {
  const hex = normalizeHex(text, { allowWhitespace: true, allowBare: true });
  if (hex === '0x')
    throw new ParseError('empty', 'The hex holds no bytes.', { expected: 'calldata or a raw transaction' });
  if (looksLikeRawTransaction(hex)) {
    const raw = tryRawTransaction(hex);
    if (raw) return raw;
  }
  const size = hexByteLength(hex);
  if (size === 20)
    throw new ParseError('looksLikeAddress', `This is an address (${hex}), not calldata or a transaction.`, {
      expected: 'calldata, a transaction or a signature request',
    });
  if (size === 32)
    throw new ParseError(
      'looksLikeHash',
      'These 32 bytes look like a hash (a transaction or message hash), not calldata.',
      {
        expected: 'the transaction or message itself: Vigil inspects bytes, it does not look hashes up',
      },
    );
  if (size < 4)
    throw new ParseError(
      'tooShort',
      `${size} byte${size === 1 ? '' : 's'} of hex: calldata starts with a 4-byte function selector.`,
      {
        expected: 'at least 4 bytes',
      },
    );
  return { kind: 'calldata', data: hex, selector: hex.slice(0, 10) as `0x${string}` };
}

/**
 * Tries hex that starts like a transaction as one. Bytes that decode but fail a later check
 * (non-canonical encoding, unrecoverable signature) were meant as a transaction: that error stands.
 * Bytes that do not decode at all are calldata when their length fits an ABI encoding (a selector
 * and 32-byte words); otherwise they are neither, and the transaction error is the useful one
 * (a raw transaction cut short must not pass as calldata).
 */
function tryRawTransaction(hex: `0x${string}`): Payload | undefined {
  try {
    return parseRawTransaction(hex);
  } catch (error) {
    if (!(error instanceof ParseError) || error.shortMessage !== NOT_A_TRANSACTION) throw error;
    const argumentBytes = hexByteLength(hex) - 4;
    if (argumentBytes >= 0 && argumentBytes % 32 === 0) return undefined;
    throw error;
  }
}
