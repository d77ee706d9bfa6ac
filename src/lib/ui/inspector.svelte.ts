import type { ParseErrorCode, ParseErrorInfo } from '$lib/edge/errors';
import type { Decision } from '$lib/edge/gate/decision';
import { type InspectContext, inspect } from '$lib/edge/inspect';
import type { InspectResult } from '$lib/edge/view';

/** An error to show: a parse error from the edge, or an internal failure of the inspector itself. */
export type InspectorError = Omit<ParseErrorInfo, 'code'> & { readonly code: ParseErrorCode | 'internal' };

/** What the page shows for the current input. */
export type InspectorView =
  | { readonly status: 'empty' }
  | { readonly status: 'ok'; readonly result: Extract<InspectResult, { ok: true }> }
  | {
      readonly status: 'error';
      readonly error: InspectorError;
      /** The gate's decision on the unreadable input; absent when the inspector itself failed. */
      readonly decision?: Decision;
    };

/**
 * Runs the edge's `inspect` on text under the user's policy and facts; never throws (a bug in the
 * edge becomes an `internal` error).
 */
export function inspectText(text: string, context: InspectContext = {}): InspectorView {
  if (text.trim() === '') return { status: 'empty' };
  try {
    const result = inspect(text, context);
    return result.ok
      ? { status: 'ok', result }
      : { status: 'error', error: result.error, decision: result.decision };
  } catch (error) {
    return {
      status: 'error',
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

/** The inspector's state: the input text and the view of its last inspection. */
export class Inspector {
  /** The policy and facts to decide under, read at each run (the user's private context). */
  readonly #context: () => InspectContext;
  input = $state('');
  /** The view of `inspected`; large and immutable, so not deeply reactive. */
  view = $state.raw<InspectorView>({ status: 'empty' });
  /** The text `view` describes (it lags `input` while the debounce waits). */
  inspected = $state('');
  /** How long the edge took to decide `inspected`, in milliseconds (parse, decode, rules, gate). */
  elapsedMs = $state<number | undefined>();

  constructor(context: () => InspectContext = () => ({})) {
    this.#context = context;
  }

  /** Inspects the current input now. */
  run(): void {
    const text = this.input;
    const context = this.#context();
    const started = performance.now();
    this.view = inspectText(text, context);
    this.elapsedMs = performance.now() - started;
    this.inspected = text;
  }

  /** Replaces the input and inspects it now. */
  load(text: string): void {
    this.input = text;
    this.run();
  }

  /** Empties the input and the result. */
  clear(): void {
    this.load('');
  }
}
