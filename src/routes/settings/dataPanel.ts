import { MAX_IDLE_MINUTES, MIN_PASSPHRASE_CHARS } from '$lib/context/crypto';
import { type ContextData, type PrivateStoreName, privateStoreNames } from '$lib/context/records';

/**
 * Pure helpers of the "Your data" panel: the export file's name, counts per store, the lock
 * form's checks, the erase confirmation and storage sizes.
 */

/** `vigil-context-YYYY-MM-DD.json`, dated with the user's local calendar day. */
export function exportFileName(now: number): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `vigil-context-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/** How many records each private store holds, in the stores' fixed order. */
export function storeCounts(data: ContextData): { store: PrivateStoreName; count: number }[] {
  return privateStoreNames.map((store) => ({ store, count: data[store].length }));
}

/** Which field of the lock form is wrong, and why. */
export type LockFormProblem =
  | { readonly field: 'passphrase'; readonly code: 'tooShort' }
  | { readonly field: 'confirm'; readonly code: 'mismatch' }
  | { readonly field: 'idle'; readonly code: 'idleRange' };

/**
 * Checks the "turn on the lock" form before any key is derived: a passphrase of at least
 * `MIN_PASSPHRASE_CHARS` characters (counted as the lock counts them, after NFC), typed twice
 * alike, and whole idle minutes from 0 to `MAX_IDLE_MINUTES`. Returns every problem found.
 */
export function checkLockForm(form: {
  readonly passphrase: string;
  readonly confirm: string;
  readonly idle: string;
}): { ok: true; idleMinutes: number } | { ok: false; problems: LockFormProblem[] } {
  const problems: LockFormProblem[] = [];
  if ([...form.passphrase.normalize('NFC')].length < MIN_PASSPHRASE_CHARS)
    problems.push({ field: 'passphrase', code: 'tooShort' });
  if (form.confirm !== form.passphrase) problems.push({ field: 'confirm', code: 'mismatch' });
  const idleText = form.idle.trim();
  const idleMinutes = /^\d{1,5}$/.test(idleText) ? Number(idleText) : Number.NaN;
  if (!(idleMinutes >= 0 && idleMinutes <= MAX_IDLE_MINUTES))
    problems.push({ field: 'idle', code: 'idleRange' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, idleMinutes };
}

/** Whether the user typed the confirmation word (surrounding spaces and letter case aside). */
export function isEraseConfirmed(typed: string, word: string): boolean {
  const norm = (text: string) => text.normalize('NFC').trim().toLocaleUpperCase();
  return word.trim() !== '' && norm(typed) === norm(word);
}

/** A byte count for people (`1.5 MB`), in `locale`; decimal units, as browsers report quota. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 || value >= 100 ? 0 : 1,
  }).format(value);
}
