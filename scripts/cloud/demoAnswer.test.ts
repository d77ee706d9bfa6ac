import { describe, expect, test } from 'vitest';
import { chatBody } from '../../src/lib/cloud/chatBody';
import { sanitize } from '../../src/lib/cloud/sanitize';
import { inspect } from '../../src/lib/edge/inspect';
import { demoForesight } from './demoAnswer';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
function bodyFor(data: string) {
  const result = inspect(JSON.stringify({ chainId: 1, to: USDC, data }));
  if (!result.ok) throw new Error('fixture');
  const request = sanitize({ result, profile: 'default', salt: new Uint8Array(32) });
  return JSON.parse(JSON.stringify(chatBody('m', request)));
}

describe('demoForesight', () => {
  test('an approval to a stranger: unknown, step up; it names the listed token', () => {
    const answer = JSON.parse(
      demoForesight(bodyFor(`0x095ea7b3${'4b'.repeat(20).padStart(64, '0')}${'f'.repeat(64)}`)),
    );
    expect(answer).toMatchObject({ reputation: 'unknown', suggested: 'stepup' });
    expect(answer.context).toContain('USDC');
    expect(answer.explanation).toContain('not a real model');
  });

  test('garbage bodies get an answer that claims nothing', () => {
    for (const body of [null, 5, {}, { messages: 'x' }, { messages: [{ role: 'user', content: 7 }] }])
      expect(JSON.parse(demoForesight(body))).toMatchObject({ reputation: 'unknown', suggested: 'allow' });
  });
});
