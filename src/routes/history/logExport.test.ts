import { describe, expect, test } from 'vitest';
import type { DecisionLogRecord } from '$lib/context/records';
import { decided, usdcTransfer } from '$lib/context/testing';
import { csvCell, decisionsCsv, decisionsExport, decisionsJson, exportFileName } from './logExport';

const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const { entry: logged } = decided(usdcTransfer(alice), Date.UTC(2025, 0, 31, 9, 30));
const signed: DecisionLogRecord = {
  ...logged,
  id: 'a',
  inputBytes: logged.input.length,
  counterparties: [alice, permit2],
  rules: ['recipient.new', 'approval.unlimited'],
  userAction: 'signed',
  actedAt: Date.UTC(2025, 0, 31, 9, 31),
  result: '0x1234',
  resultHash: '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421',
};
const { actedAt: _a, result: _r, resultHash: _h, ...unsigned } = signed;
const pending: DecisionLogRecord = {
  ...unsigned,
  id: 'b',
  userAction: 'pending',
  counterparties: [],
  rules: [],
};

describe('JSON', () => {
  test('the document: format, version, ISO time, the entries as given', () => {
    const doc = decisionsExport([signed, pending], Date.UTC(2025, 1, 1, 12));
    expect(doc).toEqual({
      format: 'vigil.decisions',
      version: 1,
      exportedAt: '2025-02-01T12:00:00.000Z',
      decisions: [signed, pending],
    });
  });

  test('the file text parses back to the document', () => {
    const text = decisionsJson([signed], 0);
    expect(JSON.parse(text)).toEqual(decisionsExport([signed], 0));
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('CSV', () => {
  test('a header, then one row per entry in the given order', () => {
    const lines = decisionsCsv([signed, pending]).split('\r\n');
    expect(lines).toEqual([
      'time,verdict,action,kind,rules,counterparties,userAction,payloadHash,resultHash',
      `2025-01-31T09:30:00.000Z,${signed.verdict},tokenTransfer,transaction,recipient.new;approval.unlimited,${alice};${permit2},signed,${signed.decision.payloadHash},${signed.resultHash}`,
      `2025-01-31T09:30:00.000Z,${signed.verdict},tokenTransfer,transaction,,,pending,${signed.decision.payloadHash},`,
      '',
    ]);
  });

  test('no entries: the header alone', () => {
    expect(decisionsCsv([])).toBe(
      'time,verdict,action,kind,rules,counterparties,userAction,payloadHash,resultHash\r\n',
    );
  });

  test('formula-like cells are neutralized', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  test('commas, quotes and line breaks are quoted', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('')).toBe('');
  });

  test('a hostile logged action cannot become a formula', () => {
    const hostile: DecisionLogRecord = {
      ...pending,
      kind: '=cmd|" /C calc"!A0',
      decision: { ...pending.decision, action: '@evil' },
    };
    const row = decisionsCsv([hostile]).split('\r\n')[1] ?? '';
    expect(row).toContain(",'@evil,");
    expect(row).toContain(`,"'=cmd|"" /C calc""!A0",`);
  });
});

test('exportFileName: the local day', () => {
  expect(exportFileName(new Date(2025, 0, 5, 12), 'json')).toBe('vigil-decisions-2025-01-05.json');
  expect(exportFileName(new Date(2025, 11, 31, 12), 'csv')).toBe('vigil-decisions-2025-12-31.csv');
});
