import { Secp256k1 } from 'ox';
import { type Address, concatHex, type Hex, keccak256, numberToHex, toRlp } from 'viem';
import { ParseError } from '../errors';
import { normalizeAddress } from './normalizeAddress';

/** The address that signed `payload` (a 32-byte digest); a signature nobody could make is an error naming `what`. */
export function recoverSigner(payload: Hex, r: Hex, s: Hex, yParity: number, what: string): Address {
  try {
    const address = Secp256k1.recoverAddress({
      payload,
      signature: { r: BigInt(r), s: BigInt(s), yParity },
    });
    return normalizeAddress(address);
  } catch (error) {
    throw new ParseError('invalidSignature', `No signer can be recovered from the signature of ${what}.`, {
      details: error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error),
      cause: error,
    });
  }
}

/** The account that signed an EIP-7702 authorization: the one whose code it would set. */
export function authorityOf(
  authorization: { chainId: bigint; address: Address; nonce: bigint; r: Hex; s: Hex; yParity: number },
  what: string,
): Address {
  if (authorization.yParity !== 0 && authorization.yParity !== 1)
    throw new ParseError('invalidSignature', `The signature of ${what} has a y-parity other than 0 or 1.`);
  // EIP-7702: keccak256(0x05 || rlp([chain_id, address, nonce])), quantities as minimal big-endian bytes.
  const quantity = (n: bigint): Hex => (n === 0n ? '0x' : numberToHex(n));
  const digest = keccak256(
    concatHex([
      '0x05',
      toRlp([quantity(authorization.chainId), authorization.address, quantity(authorization.nonce)]),
    ]),
  );
  return recoverSigner(digest, authorization.r, authorization.s, authorization.yParity, what);
}
