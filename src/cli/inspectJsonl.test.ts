import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { inspectJsonlLine } from './inspectJsonl';

const lines = readFileSync('tests/fixtures/corpus-sample.jsonl', 'utf8').split('\n').filter(Boolean);

describe('inspectJsonlLine', () => {
  test('every vendored corpus case is read, carrying its id', () => {
    for (const [i, line] of lines.entries()) {
      const result = JSON.parse(inspectJsonlLine(line, i + 1)) as {
        id: string;
        ok: boolean;
        kind: string;
        intent?: { selector?: string; primaryType?: string; confidence: number };
      };
      const source = JSON.parse(line) as {
        id: string;
        kind: string;
        data?: string;
        expect: { function?: string; primaryType?: string };
      };
      expect(result.id).toBe(source.id);
      expect(result.ok, source.id).toBe(true);
      const expected =
        source.kind === 'tx' ? 'rawTransaction' : source.kind === 'typedData' ? 'typedData' : 'transaction';
      expect(result.kind, source.id).toBe(expected);
      expect(result.intent?.confidence, source.id).toBeGreaterThanOrEqual(0);
      if (source.data && source.data.length >= 10)
        expect(result.intent?.selector, source.id).toBe(source.data.slice(0, 10).toLowerCase());
      if (source.expect.primaryType)
        expect(result.intent?.primaryType, source.id).toBe(source.expect.primaryType);
    }
  });

  test('a bad line gives an error result with its id, not a crash', () => {
    const out = JSON.parse(inspectJsonlLine('{"id":"bad-1","to":"0x12"}', 7));
    expect(out).toMatchObject({
      id: 'bad-1',
      line: 7,
      ok: false,
      error: { code: 'invalidAddress', path: 'to' },
    });
    expect(JSON.parse(inspectJsonlLine('not json at all', 8))).toMatchObject({ id: null, ok: false });
    expect(JSON.parse(inspectJsonlLine('{"kind":"x","id":42,"to":5}', 9))).toMatchObject({
      id: '42',
      ok: false,
    });
  });
});

describe('the vigil command', () => {
  const run = (args: string[], input?: string) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/vigil.ts', ...args], {
      input,
      encoding: 'utf8',
    });

  test('inspect <input> prints JSON', () => {
    const out = JSON.parse(run(['inspect', '0xd0e30db0']));
    expect(out).toMatchObject({
      ok: true,
      kind: 'calldata',
      intent: { kind: 'deposit', function: 'deposit()' },
    });
    expect(out.calls).toBeUndefined();
  });

  test('inspect --jsonl: one result per line, bad lines included', () => {
    const input = `${lines[0]}\n\n{"id":"x","data":"0xzz"}\n${lines[1]}\n`;
    const out = run(['inspect', '--jsonl'], input)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.ok])).toEqual([
      [JSON.parse(lines[0] as string).id, true],
      ['x', false],
      [JSON.parse(lines[1] as string).id, true],
    ]);
  });

  test('inspect of bad input exits 1 with an error result', () => {
    let status = 0;
    let stdout = '';
    try {
      run(['inspect', '0xabc']);
    } catch (error) {
      ({ status, stdout } = error as { status: number; stdout: string });
    }
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'oddLength' } });
  });
});
