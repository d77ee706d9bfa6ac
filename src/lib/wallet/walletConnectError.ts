/** Why a WalletConnect pairing did not happen, in words the UI can say. */
export type WalletConnectErrorCode =
  /** The browser is offline: the relay needs the network. */
  | 'offline'
  /** The relay could not be reached, or stopped answering. */
  | 'relay'
  /** The relay refused the project id (unknown, missing or invalid). */
  | 'projectId'
  /** The relay refused this site: the project's allowed domains do not include it. */
  | 'origin'
  /** The relay refused the connection for another reason (`detail` has it). */
  | 'refused'
  /** The wallet declined the connection. */
  | 'rejected'
  /** Nobody approved the pairing before it expired. */
  | 'expired'
  /** No pairing code within the time Vigil waits for one. */
  | 'timeout'
  /** WalletConnect's code could not be loaded (offline, and not in the browser's cache). */
  | 'load'
  | 'other';

export type WalletConnectError = {
  readonly code: WalletConnectErrorCode;
  /** The underlying message, cut short (English, from WalletConnect or the browser). */
  readonly detail: string;
};

const MAX_DETAIL = 300;

/** The messages of an error and its causes (viem and wagmi wrap the provider's errors). */
function messages(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    if (current instanceof Error) {
      const short = (current as { shortMessage?: unknown }).shortMessage;
      out.push(typeof short === 'string' ? short : current.message, current.name);
      current = current.cause;
    } else {
      const message = (current as { message?: unknown }).message;
      out.push(typeof message === 'string' ? message : String(current));
      break;
    }
  }
  return out;
}

/**
 * Names what went wrong in a pairing attempt, from the error WalletConnect, wagmi or the browser
 * threw. `online` is the browser's `navigator.onLine`.
 */
export function classifyWalletConnectError(error: unknown, online: boolean): WalletConnectError {
  const texts = messages(error);
  const all = texts.join('\n');
  const detail = (texts[0] ?? '').slice(0, MAX_DETAIL);
  const is = (code: WalletConnectErrorCode): WalletConnectError => ({ code, detail });
  if (!online || /No internet connection/i.test(all)) return is('offline');
  // The relay closes with code 3000 and a reason when it refuses a client.
  const refusal = /closed abnormally with code: 3000\s*(?:\((.*)\))?/i.exec(all);
  if (refusal) {
    const reason = refusal[1] ?? '';
    if (/origin/i.test(reason)) return is('origin');
    if (/project|invalid key|unauthori[sz]ed|authori[sz]ation/i.test(reason)) return is('projectId');
    return is('refused');
  }
  if (/UserRejectedRequestError|user rejected|rejected the request|user denied|declined/i.test(all))
    return is('rejected');
  if (/expired/i.test(all)) return is('expired');
  if (/dynamically imported module|Importing a module script failed/i.test(all)) return is('load');
  if (/relay|socket|publish|Connection interrupted|stalled/i.test(all)) return is('relay');
  return is('other');
}
