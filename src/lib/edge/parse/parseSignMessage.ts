import { bytesToHex, type Hex, hashMessage, hexToBytes, stringToHex } from 'viem';
import { ParseError } from '../errors';
import type { MessagePayload } from '../payload';
import { normalizeAddress } from './normalizeAddress';
import { normalizeHex } from './normalizeHex';
import { asString } from './readJson';

const hexPattern = /^0x([0-9a-fA-F]{2})*$/;
// Control characters other than tab, line feed and carriage return: text that hides what it says.
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point
const hiddenControl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/**
 * Reads a `personal_sign` (`[message, address]`) or `eth_sign` (`[address, message]`) request.
 * A `0x` message is bytes; anything else is UTF-8 text. The text rendering is given only when the
 * bytes are valid UTF-8 without hidden control or bidirectional-override characters.
 */
export function parseSignMessage(
  method: 'personal_sign' | 'eth_sign',
  params: readonly unknown[],
): MessagePayload {
  const [messageIndex, addressIndex] = method === 'personal_sign' ? [0, 1] : [1, 0];
  const rawMessage = asString(params[messageIndex], `params[${messageIndex}]`);
  const raw: Hex = hexPattern.test(rawMessage)
    ? normalizeHex(rawMessage, { path: `params[${messageIndex}]` })
    : stringToHex(rawMessage);
  if (raw === '0x')
    throw new ParseError('missingField', 'The message to sign is empty.', {
      path: `params[${messageIndex}]`,
    });
  const fromValue = params[addressIndex];
  const from = fromValue === undefined ? undefined : normalizeAddress(fromValue, `params[${addressIndex}]`);
  const text = decodeText(raw);
  const blindHash = method === 'eth_sign' && raw.length === 66;
  return {
    kind: 'message',
    method,
    ...(from && { from }),
    raw,
    ...(text !== undefined && { text }),
    blindHash,
    ...(method === 'personal_sign' && { digest: hashMessage({ raw }) }),
  };
}

function decodeText(raw: Hex): string | undefined {
  const bytes = hexToBytes(raw);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) return undefined; // not UTF-8: shown as hex only
    throw error;
  }
  if (hiddenControl.test(text)) return undefined;
  // Round trip guards against decoders that normalize: the text must be exactly these bytes.
  return stringToHex(text) === bytesToHex(bytes) ? text : undefined;
}
