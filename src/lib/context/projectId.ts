import { ContextError } from './errors';
import type { PrefsRecord } from './records';

/** A WalletConnect Cloud (Reown) project id as stored: 32 lowercase hexadecimal characters. */
export const PROJECT_ID_PATTERN = /^[0-9a-f]{32}$/;

/** Why a typed project id is refused. */
export type ProjectIdProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'chars'; readonly char: string };

/** What `checkProjectId` found: the id to store, or the problem. */
export type ProjectIdCheck =
  | { readonly ok: true; readonly projectId: string }
  | { readonly ok: false; readonly problem: ProjectIdProblem };

/**
 * Reads a project id the user typed or pasted: surrounding whitespace is dropped, hex digits are
 * lower-cased; anything but exactly 32 hexadecimal characters is refused, saying why.
 */
export function checkProjectId(text: string): ProjectIdCheck {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') return { ok: false, problem: { kind: 'empty' } };
  const bad = /[^0-9a-fA-F]/u.exec(trimmed);
  if (bad) return { ok: false, problem: { kind: 'chars', char: bad[0] } };
  if (trimmed.length !== 32) return { ok: false, problem: { kind: 'length', length: trimmed.length } };
  return { ok: true, projectId: trimmed.toLowerCase() };
}

/** The sentence for a problem (the store's error; the settings screen has its own translations). */
export function describeProjectIdProblem(problem: ProjectIdProblem): string {
  switch (problem.kind) {
    case 'empty':
      return 'Enter a WalletConnect project id: 32 hexadecimal characters, from cloud.reown.com.';
    case 'length':
      return `A WalletConnect project id has 32 hexadecimal characters; this one has ${problem.length}.`;
    case 'chars':
      return `A WalletConnect project id has only the characters 0–9 and a–f; ${showChar(problem.char)} is not one of them.`;
  }
}

/**
 * A character for a message: quoted when it is visible, else its code point (`U+202E`), so a
 * control or bidirectional character in pasted text cannot disturb the sentence around it.
 */
export function showChar(char: string): string {
  if (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char)) return JSON.stringify(char);
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A typed project id, ready to store, or a ContextError (`invalidInput`, path `projectId`) saying why not. */
export function toProjectId(text: string): string {
  const check = checkProjectId(text);
  if (!check.ok)
    throw new ContextError('invalidInput', describeProjectIdProblem(check.problem), { path: 'projectId' });
  return check.projectId;
}

/**
 * The saved WalletConnect project id in a store snapshot: `null` when none is saved (or the saved
 * one is not a project id), `undefined` while the store is not ready (locked, opening): not known.
 */
export function savedProjectId(snapshot: {
  readonly status: string;
  readonly data: { readonly prefs: readonly PrefsRecord[] };
}): string | null | undefined {
  if (snapshot.status !== 'ready') return undefined;
  const record = snapshot.data.prefs.find((p) => p.id === 'walletconnect');
  return record?.id === 'walletconnect' && PROJECT_ID_PATTERN.test(record.projectId)
    ? record.projectId
    : null;
}
