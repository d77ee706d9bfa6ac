import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// Each test spawns Node + tsx over the whole edge: seconds on a loaded 2-core machine.
describe('the vigil command', { timeout: 60_000 }, () => {
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

describe('the gate in the CLI', () => {
  const poisoned = '0xd8da000000000000000000000000000000006045';
  const payment = JSON.stringify({ id: 'pay', chainId: 1, to: poisoned, value: '1000' });

  test('each result carries verdict, findings and both hashes', () => {
    const out = JSON.parse(inspectJsonlLine(lines[0] as string, 1));
    expect(out.verdict).toMatch(/^(allow|stepup|block)$/);
    expect(out.payloadHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(out.policyHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(Array.isArray(out.findings)).toBe(true);
  });

  test("a line's own context is merged over the run's: a payment to a lookalike is blocked", () => {
    const withContext = JSON.stringify({
      ...JSON.parse(payment),
      context: { addressBook: [{ address: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045', name: 'Vitalik' }] },
    });
    expect(JSON.parse(inspectJsonlLine(payment, 1))).toMatchObject({ id: 'pay', verdict: 'allow' });
    expect(JSON.parse(inspectJsonlLine(withContext, 2))).toMatchObject({
      id: 'pay',
      verdict: 'block',
      findings: [{ rule: 'recipient.lookalike' }],
    });
  });

  test('a bad context on a line is an error result for that line', () => {
    const bad = JSON.stringify({ ...JSON.parse(payment), context: { addressBook: [{ address: 'nope' }] } });
    expect(JSON.parse(inspectJsonlLine(bad, 3))).toMatchObject({
      id: 'pay',
      ok: false,
      verdict: 'block',
      error: { code: 'invalidAddress' },
    });
  });

  test('--policy and --context files', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
    writeFileSync(
      join(dir, 'policy.json'),
      JSON.stringify({
        name: 'strict',
        profile: 'conservative',
        rules: { 'approval.unlimited': { severity: 'critical' } },
      }),
    );
    writeFileSync(
      join(dir, 'context.json'),
      JSON.stringify({ denylist: ['0x1111111111111111111111111111111111111111'] }),
    );
    const run = (args: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/vigil.ts', 'inspect', ...args], {
          encoding: 'utf8',
        }).trim() || '{}',
      );
    const toStranger = JSON.stringify({
      chainId: 1,
      to: '0x1111111111111111111111111111111111111111',
      value: '1',
    });
    let out: { verdict?: string; findings?: { rule: string }[] } = {};
    try {
      out = run(['--context', join(dir, 'context.json'), toStranger]);
    } catch (error) {
      out = JSON.parse((error as { stdout: string }).stdout);
    }
    expect(out.verdict).toBe('block');
    expect(out.findings?.map((f) => f.rule)).toContain('address.known-malicious');
    let failed = false;
    try {
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/vigil.ts', 'inspect', '--policy', join(dir, 'missing.json'), '0x00'],
        { stdio: 'pipe' },
      );
    } catch (error) {
      failed = (error as { status: number }).status === 2;
    }
    expect(failed).toBe(true);
  });

  test('--export: decide under a Vigil export file; a bad export is a usage error', {
    timeout: 60_000,
  }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
    const contact = {
      id: 'c1',
      name: 'Alice',
      address: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
      chains: [],
      notes: '',
      createdAt: 1,
      updatedAt: 1,
    };
    const empty = {
      policy: [],
      lists: [],
      history: [],
      exposure: [],
      decisions: [],
      delegates: [],
      prefs: [],
    };
    writeFileSync(
      join(dir, 'export.json'),
      JSON.stringify({
        format: 'vigil.context',
        version: 1,
        exportedAt: '2026-11-22T00:00:00.000Z',
        data: { ...empty, addressBook: [contact] },
      }),
    );
    writeFileSync(join(dir, 'broken.json'), '{"format":"vigil.context","version":1,"data":{');
    const lookalike =
      '0xa9059cbb000000000000000000000000d8da0000000000000000000000000000000060450000000000000000000000000000000000000000000000000000000005f5e100';
    const status = (args: string[]): { status: number; stdout: string } => {
      try {
        const stdout = execFileSync(
          process.execPath,
          ['--import', 'tsx', 'src/cli/vigil.ts', 'inspect', ...args],
          {
            encoding: 'utf8',
            stdio: 'pipe',
          },
        );
        return { status: 0, stdout };
      } catch (error) {
        const e = error as { status: number; stdout: string };
        return { status: e.status, stdout: e.stdout };
      }
    };
    const decided = status(['--export', join(dir, 'export.json'), lookalike]);
    const out = JSON.parse(decided.stdout) as { verdict: string; findings: { rule: string }[] };
    expect(out.verdict).toBe('block');
    expect(out.findings.map((f) => f.rule)).toContain('recipient.lookalike');
    // Without the export, the same transfer knows no contact to be a look-alike of.
    const plain = JSON.parse(status([lookalike]).stdout) as { findings: { rule: string }[] };
    expect(plain.findings.map((f) => f.rule)).not.toContain('recipient.lookalike');
    expect(status(['--export', join(dir, 'broken.json'), lookalike]).status).toBe(2);
  });
});
