import { describe, expect, test } from 'vitest';
import { advance, bytesOf, type LoadProgress, type LoadReport, phaseOf } from './progress';

// web-llm 0.2.86's own wording (tvmjs fetchTensorCache / shader loading / MLCEngine.reload).
const fetching = (mb: number, pct: number): LoadReport => ({
  progress: pct / 100,
  timeElapsed: 0,
  text: `Fetching param cache[3/25]: ${mb}MB fetched. ${pct}% completed, 4 secs elapsed. It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.`,
});

const run = (steps: [number, LoadReport][]): LoadProgress | undefined =>
  steps.reduce<LoadProgress | undefined>((p, [at, report]) => advance(p, report, at), undefined);

describe('phaseOf', () => {
  test.each<[string, number, string]>([
    ['Start to fetch params', 0, 'download'],
    ['Fetching param cache[1/25]: 10MB fetched. 3% completed, 1 secs elapsed.', 0.03, 'download'],
    ['Loading model from cache[2/25]: 40MB loaded. 12% completed, 1 secs elapsed.', 0.12, 'cache'],
    ['Loading GPU shader modules[10/120]: 8% completed, 2 secs elapsed.', 0.08, 'shaders'],
    ['Finish loading on WebGPU - google', 1, 'done'],
    ['Loading model library', 0, 'prepare'],
  ])('%s', (text, progress, phase) => {
    expect(phaseOf(text, progress)).toBe(phase);
  });
});

describe('bytesOf', () => {
  test('fetched megabytes', () => {
    expect(bytesOf(fetching(120, 15).text)).toBe(120 * 2 ** 20);
  });

  test('loaded megabytes', () => {
    expect(bytesOf('Loading model from cache[2/25]: 40MB loaded. 12% completed')).toBe(40 * 2 ** 20);
  });

  test('no bytes in the text', () => {
    expect(bytesOf('Loading GPU shader modules[10/120]: 8% completed')).toBeUndefined();
  });
});

describe('advance', () => {
  test('percent, bytes loaded and the total they imply', () => {
    const p = advance(undefined, fetching(100, 25), 0);
    expect(p).toMatchObject({
      phase: 'download',
      percent: 25,
      loadedBytes: 100 * 2 ** 20,
      totalBytes: 400 * 2 ** 20,
    });
  });

  test('no total below 1 % (the rounded-up megabytes would overstate it)', () => {
    expect(advance(undefined, fetching(1, 0.5), 0).totalBytes).toBeUndefined();
  });

  test('no ETA from a single report', () => {
    expect(advance(undefined, fetching(10, 10), 0).etaSeconds).toBeUndefined();
  });

  test('no ETA until the samples span a second', () => {
    expect(
      run([
        [0, fetching(10, 10)],
        [500, fetching(20, 20)],
      ])?.etaSeconds,
    ).toBeUndefined();
  });

  test('ETA from the moving rate: 10 % per second, 60 % left → 6 s', () => {
    const p = run([
      [0, fetching(10, 20)],
      [1000, fetching(20, 30)],
      [2000, fetching(30, 40)],
    ]);
    expect(p?.etaSeconds).toBe(6);
  });

  test('the window forgets a fast start: only the last 10 s count', () => {
    const p = run([
      [0, fetching(0, 0)],
      [1000, fetching(50, 50)], // a burst (the first shards came from a warm cache)
      [12_000, fetching(55, 55)],
      [22_000, fetching(60, 60)], // then 0.5 % per second
    ]);
    expect(p?.etaSeconds).toBe(80);
  });

  test('a new phase starts a new window', () => {
    const p = run([
      [0, fetching(10, 10)],
      [5000, fetching(90, 90)],
      [5100, { progress: 0.1, timeElapsed: 5, text: 'Loading GPU shader modules[10/100]: 10% completed' }],
    ]);
    expect(p).toMatchObject({ phase: 'shaders', percent: 10 });
    expect(p?.samples).toHaveLength(1);
    expect(p?.etaSeconds).toBeUndefined();
  });

  test('a stalled download has no ETA rather than an infinite one', () => {
    expect(
      run([
        [0, fetching(10, 10)],
        [3000, fetching(10, 10)],
      ])?.etaSeconds,
    ).toBeUndefined();
  });

  test('done: 100 %, nothing left', () => {
    const p = advance(
      undefined,
      { progress: 1, timeElapsed: 9, text: 'Finish loading on WebGPU - google' },
      0,
    );
    expect(p).toMatchObject({ phase: 'done', percent: 100, etaSeconds: 0 });
  });

  test('out-of-range fractions are clamped', () => {
    expect(advance(undefined, { progress: Number.NaN, timeElapsed: 0, text: 'x' }, 0).percent).toBe(0);
    expect(advance(undefined, { progress: 7, timeElapsed: 0, text: 'Fetching param cache' }, 0).percent).toBe(
      100,
    );
  });
});
