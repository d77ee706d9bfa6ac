/**
 * Load progress as the panel shows it: web-llm's reports (a fraction, seconds elapsed, a line of
 * text) turned into a phase, bytes when the text gives them, a percent and an ETA from a moving
 * rate. Pure: the caller passes the time of each report.
 */

/** What an engine reports while it loads (web-llm's `InitProgressReport`). */
export type LoadReport = {
  /** 0..1 within the current phase. */
  readonly progress: number;
  readonly timeElapsed: number;
  readonly text: string;
};

/** What the load is doing now. */
export type LoadPhase = 'prepare' | 'download' | 'cache' | 'shaders' | 'done';

/** One point of the rate window. */
type Sample = { readonly at: number; readonly fraction: number };

/** The progress of one load. */
export type LoadProgress = {
  readonly phase: LoadPhase;
  /** 0..1 within the phase. */
  readonly fraction: number;
  /** Whole percent, 0..100. */
  readonly percent: number;
  /** Bytes fetched or loaded so far in this phase, when the report says. */
  readonly loadedBytes?: number;
  /** The phase's total bytes, when it can be told (loaded ÷ fraction). */
  readonly totalBytes?: number;
  /** Seconds left in this phase, once the rate is known. */
  readonly etaSeconds?: number;
  /** The engine's own words. */
  readonly text: string;
  readonly samples: readonly Sample[];
};

/** How far back the moving rate looks. */
export const rateWindowMs = 10_000;
/** The least span of samples an ETA is computed from (earlier it would jump around). */
export const minRateSpanMs = 1_000;

const MiB = 2 ** 20;

/** The phase a report's text names (web-llm 0.2.86's wording; the replay engine uses the same). */
export function phaseOf(text: string, progress: number): LoadPhase {
  if (/^Finish loading/i.test(text) || (progress >= 1 && !/param cache|shader/i.test(text))) return 'done';
  if (/Fetching param cache|Start to fetch params/i.test(text)) return 'download';
  if (/Loading model from cache/i.test(text)) return 'cache';
  if (/shader modules/i.test(text)) return 'shaders';
  return 'prepare';
}

/** The bytes a report's text gives (`…: 120MB fetched.` / `120MB loaded.`), in bytes. */
export function bytesOf(text: string): number | undefined {
  const match = /(\d+(?:\.\d+)?)\s*MB (?:fetched|loaded)/.exec(text);
  return match?.[1] === undefined ? undefined : Math.round(Number(match[1]) * MiB);
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * The next progress after a report received at `now` (ms, any monotonic clock). The rate is the
 * fraction gained over the samples of the last {@link rateWindowMs} of the same phase; a new phase
 * starts a new window (each phase has its own speed: network, disk, shader compilation).
 */
export function advance(previous: LoadProgress | undefined, report: LoadReport, now: number): LoadProgress {
  const fraction = clamp01(report.progress);
  const phase = phaseOf(report.text, fraction);
  const samePhase = previous !== undefined && previous.phase === phase && fraction >= previous.fraction;
  const samples = [...(samePhase ? previous.samples : []), { at: now, fraction }].filter(
    (s) => now - s.at <= rateWindowMs,
  );
  const loadedBytes = bytesOf(report.text);
  // web-llm rounds the megabytes up; below 1 % the division would wildly overstate the total.
  const totalBytes =
    loadedBytes !== undefined && fraction >= 0.01
      ? Math.max(loadedBytes, Math.round(loadedBytes / fraction))
      : undefined;
  return {
    phase,
    fraction,
    percent: Math.floor(fraction * 100),
    ...(loadedBytes !== undefined && { loadedBytes }),
    ...(totalBytes !== undefined && { totalBytes }),
    ...withEta(samples, fraction, phase),
    text: report.text,
    samples,
  };
}

function withEta(samples: readonly Sample[], fraction: number, phase: LoadPhase): { etaSeconds?: number } {
  if (phase === 'done' || fraction >= 1) return { etaSeconds: 0 };
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last.at - first.at < minRateSpanMs) return {};
  const rate = (last.fraction - first.fraction) / ((last.at - first.at) / 1000);
  if (!(rate > 0)) return {};
  return { etaSeconds: Math.max(1, Math.round((1 - fraction) / rate)) };
}
