import { describe, expect, test } from 'vitest';
import type { Completion } from '../verifier/complete';
import { FORESIGHT_TEXT_LIMITS, MAX_INCIDENTS } from './foresightSchema';
import { parseForesight } from './parseForesight';

const good = {
  reputation: 'suspicious',
  incidents: [
    { what: 'Front end served a drainer script', when: '2023-11', source: 'protocol post-mortem' },
    { what: 'Admin key rotated after a leak', when: '', source: '' },
  ],
  context: 'The token depegged last week.',
  risk: 0.7,
  suggested: 'stepup',
  explanation: 'This router was recently compromised. Check the spender carefully.',
};

const stop = (value: unknown): Completion => ({
  text: typeof value === 'string' ? value : JSON.stringify(value),
  finishReason: 'stop',
});

const reasonOf = (completion: Completion) => {
  const result = parseForesight(completion);
  return result.kind === 'none' ? result.reason : result.kind;
};

describe('parseForesight', () => {
  test('a good answer', () => {
    expect(parseForesight(stop(good))).toEqual({
      kind: 'advice',
      source: 'cloud',
      mode: 'foresight',
      reputation: 'suspicious',
      incidents: [
        { what: 'Front end served a drainer script', when: '2023-11', source: 'protocol post-mortem' },
        { what: 'Admin key rotated after a leak' },
      ],
      context: 'The token depegged last week.',
      risk: 0.7,
      suggested: 'stepup',
      explanation: 'This router was recently compromised. Check the spender carefully.',
    });
  });

  test('one ```json fence and a Qwen3 empty think block are tolerated', () => {
    expect(reasonOf(stop(`\`\`\`json\n${JSON.stringify(good)}\n\`\`\``))).toBe('advice');
    expect(reasonOf(stop(`<think>\n\n</think>\n\n${JSON.stringify(good)}`))).toBe('advice');
  });

  test('text is cleaned of bidi and control characters', () => {
    const result = parseForesight(stop({ ...good, explanation: 'Safe\u202e.exe\u0007 here' }));
    expect(result.kind === 'advice' && result.explanation).toBe('Safe.exe here');
  });

  test.each([
    ['not JSON', 'I think it is fine.'],
    ['HTML', '<html><body>502 Bad Gateway</body></html>'],
    ['prose around JSON', `Sure! ${JSON.stringify(good)}`],
    ['truncated JSON', JSON.stringify(good).slice(0, 80)],
    ['an array', '[1,2]'],
    ['a non-empty think block', `<think>hmm</think>${JSON.stringify(good)}`],
  ])('%s → malformed', (_, text) => {
    expect(reasonOf({ text, finishReason: 'stop' })).toBe('malformed');
  });

  test.each([
    ['risk above 1', { ...good, risk: 1.2 }],
    ['risk below 0', { ...good, risk: -0.1 }],
    ['risk as a string', { ...good, risk: '0.5' }],
    ['unknown reputation', { ...good, reputation: 'great' }],
    ['unknown verdict', { ...good, suggested: 'deny' }],
    ['a missing key', { ...good, context: undefined }],
    ['an extra key', { ...good, verdict: 'allow' }],
    ['too many incidents', { ...good, incidents: Array(MAX_INCIDENTS + 1).fill({ what: 'x' }) }],
    ['an incident without what', { ...good, incidents: [{ when: '2024' }] }],
    ['an incident with an extra key', { ...good, incidents: [{ what: 'x', url: 'https://x' }] }],
    ['an overlong context', { ...good, context: 'a'.repeat(FORESIGHT_TEXT_LIMITS.context + 1) }],
    ['an empty explanation', { ...good, explanation: ' \u200b ' }],
    ['incidents not an array', { ...good, incidents: 'none' }],
  ])('%s → malformed', (_, value) => {
    expect(reasonOf(stop(value))).toBe('malformed');
  });

  test('cut off at the token limit or stopped otherwise → malformed', () => {
    expect(parseForesight({ text: JSON.stringify(good), finishReason: 'length' })).toMatchObject({
      kind: 'none',
      reason: 'malformed',
      detail: '$: cut off at the token limit',
    });
    expect(reasonOf({ text: JSON.stringify(good), finishReason: 'other' })).toBe('malformed');
  });

  test('an answer longer than the read cap is malformed before parsing', () => {
    expect(reasonOf(stop(' '.repeat(40_000) + JSON.stringify(good)))).toBe('malformed');
  });

  test('the detail names the path', () => {
    expect(parseForesight(stop({ ...good, risk: 2 }))).toEqual({
      kind: 'none',
      reason: 'malformed',
      detail: '$.risk: 2 is outside [0, 1]',
    });
  });
});
