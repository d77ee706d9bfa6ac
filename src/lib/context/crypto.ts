import { ContextError } from './errors';

/**
 * The passphrase lock of the private stores: PBKDF2-SHA256 stretches the passphrase into a
 * non-extractable AES-GCM-256 key; every record is sealed under it with a fresh 12-byte IV and
 * bound to its place (`vigil:${store}:${id}` as additional data), so a sealed record cannot be
 * moved to another id or store without failing to open. WebCrypto only: the same code runs in the
 * browser and in Node 20.
 */

/** A sealed value: AES-GCM ciphertext (tag appended) and the IV it was sealed with. */
export type Sealed = { readonly iv: Uint8Array; readonly ct: Uint8Array };

/** What the store keeps about the lock: how to derive the key again, and a sealed constant to tell a wrong passphrase. */
export type LockConfig = {
  readonly v: 1;
  readonly kdf: 'PBKDF2-SHA256';
  readonly iterations: number;
  /** Base64 of 16 random bytes. */
  readonly salt: string;
  /** {@link CHECK_VALUE} sealed under the key, at store `lock`, id `check`. */
  readonly check: Sealed;
  /** Lock again after this many minutes without use; 0: never on idle. */
  readonly idleMinutes: number;
};

/** PBKDF2-HMAC-SHA256 iterations recommended by OWASP (2023). */
export const DEFAULT_ITERATIONS = 600_000;
/** The fewest iterations a config may name (tests use it; the app always uses the default). */
export const MIN_ITERATIONS = 1_000;
/** The most iterations a config may name: a stored config cannot make unlocking hang. */
export const MAX_ITERATIONS = 10_000_000;
/** The shortest passphrase accepted, in characters (after NFC normalization). */
export const MIN_PASSPHRASE_CHARS = 8;
/** Minutes of inactivity before the stores lock again, unless the user chose otherwise. */
export const DEFAULT_IDLE_MINUTES = 15;
/** The longest idle time a config may name: one day. */
export const MAX_IDLE_MINUTES = 1_440;

const SALT_BYTES = 16;
const IV_BYTES = 12;
/** AES-GCM appends a 16-byte authentication tag. */
const TAG_BYTES = 16;
const CHECK_STORE = 'lock';
const CHECK_ID = 'check';
const CHECK_VALUE = 'vigil.lock/1';

const encoder = new TextEncoder();

/**
 * Creates a new lock: a random salt, the key derived from the passphrase, and the sealed check
 * value. Throws `invalidInput` for a passphrase shorter than 8 characters or bad options.
 */
export async function createLock(
  passphrase: string,
  options: { iterations?: number; idleMinutes?: number } = {},
): Promise<{ config: LockConfig; key: CryptoKey }> {
  const secret = normalizePassphrase(passphrase);
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  if (!isIterationCount(iterations))
    throw new ContextError(
      'invalidInput',
      `The iteration count must be a whole number from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}.`,
      { path: 'iterations' },
    );
  const idleMinutes = options.idleMinutes ?? DEFAULT_IDLE_MINUTES;
  if (!isIdleMinutes(idleMinutes))
    throw new ContextError(
      'invalidInput',
      `The idle time must be a whole number of minutes from 0 to ${MAX_IDLE_MINUTES}.`,
      { path: 'idleMinutes' },
    );
  const saltBytes = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await deriveKey(secret, saltBytes, iterations);
  const check = await seal(key, CHECK_STORE, CHECK_ID, CHECK_VALUE);
  const config: LockConfig = {
    v: 1,
    kdf: 'PBKDF2-SHA256',
    iterations,
    salt: toBase64(saltBytes),
    check,
    idleMinutes,
  };
  return { config, key };
}

/**
 * Derives the key of an existing lock from the passphrase. Throws `wrongPassphrase` when the
 * passphrase does not open the check value, `invalidInput` for a passphrase too short to be one,
 * `corrupt` when the stored config is malformed.
 */
export async function unlockKey(passphrase: string, config: LockConfig): Promise<CryptoKey> {
  const secret = normalizePassphrase(passphrase);
  if (!isLockConfig(config))
    throw new ContextError(
      'corrupt',
      'The stored passphrase lock settings are damaged; the stores cannot be unlocked.',
    );
  const key = await deriveKey(secret, fromBase64(config.salt), config.iterations);
  let check: unknown;
  try {
    check = await unseal(key, CHECK_STORE, CHECK_ID, config.check);
  } catch (error) {
    throw new ContextError('wrongPassphrase', 'That passphrase does not unlock the private stores.', {
      cause: error,
    });
  }
  // Only the right key opens the check (AES-GCM authenticates it): another value means a forged config.
  if (check !== CHECK_VALUE)
    throw new ContextError(
      'corrupt',
      'The stored passphrase lock settings are damaged; the stores cannot be unlocked.',
    );
  return key;
}

/**
 * Seals a JSON-safe value for one record: AES-GCM-256 under a fresh random 12-byte IV, with
 * `vigil:${store}:${id}` as additional data. Throws `invalidInput` for a value JSON cannot encode.
 */
export async function seal(key: CryptoKey, store: string, id: string, value: unknown): Promise<Sealed> {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new ContextError('invalidInput', `The record ${store}/${id} cannot be encoded as JSON.`, {
      cause: error,
    });
  }
  if (text === undefined)
    throw new ContextError('invalidInput', `The record ${store}/${id} cannot be encoded as JSON.`);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: placeOf(store, id), tagLength: TAG_BYTES * 8 },
    key,
    encoder.encode(text),
  );
  return { iv, ct: new Uint8Array(ct) };
}

/**
 * Opens a value sealed by {@link seal} for the same store and id. Throws `corrupt` when the sealed
 * value is malformed, was tampered with, was sealed for another record, or under another key.
 */
export async function unseal(key: CryptoKey, store: string, id: string, sealed: Sealed): Promise<unknown> {
  if (!isSealed(sealed)) throw new ContextError('corrupt', `The sealed record ${store}/${id} is malformed.`);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      // Copies: WebCrypto takes views of plain ArrayBuffers only, and the caller keeps its bytes.
      {
        name: 'AES-GCM',
        iv: sealed.iv.slice(),
        additionalData: placeOf(store, id),
        tagLength: TAG_BYTES * 8,
      },
      key,
      sealed.ct.slice(),
    );
  } catch (error) {
    throw new ContextError(
      'corrupt',
      `The sealed record ${store}/${id} cannot be opened: it was altered or moved.`,
      {
        cause: error,
      },
    );
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch (error) {
    throw new ContextError('corrupt', `The sealed record ${store}/${id} does not hold JSON.`, {
      cause: error,
    });
  }
}

/**
 * Whether a value has the shape of a {@link Sealed}: a 12-byte `iv` and a `ct` at least as long as
 * the tag, both `Uint8Array`s (recognized across realms, as IndexedDB may hand them back). Other
 * members are ignored: a stored record may carry its key beside them.
 */
export function isSealed(value: unknown): value is Sealed {
  if (typeof value !== 'object' || value === null) return false;
  const iv = own(value, 'iv');
  const ct = own(value, 'ct');
  return isBytes(iv) && iv.length === IV_BYTES && isBytes(ct) && ct.length >= TAG_BYTES;
}

/**
 * Whether a stored value is a usable {@link LockConfig}: known version and KDF, an iteration count
 * in range, a salt of 16 bytes, a sealed check value and an idle time in range. Other members are
 * ignored (a stored config may carry its key).
 */
export function isLockConfig(value: unknown): value is LockConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const salt = own(value, 'salt');
  return (
    own(value, 'v') === 1 &&
    own(value, 'kdf') === 'PBKDF2-SHA256' &&
    isIterationCount(own(value, 'iterations')) &&
    typeof salt === 'string' &&
    decodesToSalt(salt) &&
    isSealed(own(value, 'check')) &&
    isIdleMinutes(own(value, 'idleMinutes'))
  );
}

/** NFC-normalizes a passphrase and checks its length; the same text typed on any device gives the same key. */
function normalizePassphrase(passphrase: string): string {
  if (typeof passphrase !== 'string' || passphrase.length === 0)
    throw new ContextError('invalidInput', 'Enter a passphrase.', { path: 'passphrase' });
  const normalized = passphrase.normalize('NFC');
  if ([...normalized].length < MIN_PASSPHRASE_CHARS)
    throw new ContextError(
      'invalidInput',
      `A passphrase must be at least ${MIN_PASSPHRASE_CHARS} characters long.`,
      { path: 'passphrase' },
    );
  return normalized;
}

async function deriveKey(
  secret: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function placeOf(store: string, id: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`vigil:${store}:${id}`);
}

/** An own member only: a value read back from storage has no business inheriting its fields. */
function own(value: object, key: string): unknown {
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function isIterationCount(value: unknown): value is number {
  return (
    Number.isSafeInteger(value) && (value as number) >= MIN_ITERATIONS && (value as number) <= MAX_ITERATIONS
  );
}

function isIdleMinutes(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_IDLE_MINUTES;
}

function isBytes(value: unknown): value is Uint8Array<ArrayBuffer> {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

function decodesToSalt(text: string): boolean {
  if (text.length % 4 !== 0 || !base64Pattern.test(text)) return false;
  return fromBase64(text).length === SALT_BYTES;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
