import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { policyHash } from '$lib/edge/gate/policy';
import { inspect } from '$lib/edge/inspect';
import { ContextError } from './errors';
import {
  type ContextExport,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportText,
  MAX_EXPORT_CHARS,
  parseExportDocument,
  toExportDocument,
} from './exportFile';
import {
  type ContextData,
  type DecisionLogRecord,
  emptyContext,
  type PrefsRecord,
  privateStoreNames,
} from './records';
import { policyOf } from './snapshot';

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(JSON.parse(readFileSync('schemas/decision.schema.json', 'utf8')));
const exportSchema = JSON.parse(readFileSync('schemas/context-export.schema.json', 'utf8'));
const validate = ajv.compile(exportSchema);
/** Stops at the first error: for documents with 100,000 bad records. */
const firstError = new Ajv2020({ strict: true });
firstError.addSchema(JSON.parse(readFileSync('schemas/decision.schema.json', 'utf8')));
const validateQuickly = firstError.compile(exportSchema);

const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const stranger = '0x1111111111111111111111111111111111111111';
const delegate = '0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B';
const maxUint = (2n ** 256n - 1n).toString();

const transferCalldata =
  '0xa9059cbb000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa960450000000000000000000000000000000000000000000000000000000005f5e100';
const unlimitedApproval = `0x095ea7b3000000000000000000000000${stranger.slice(2)}${'f'.repeat(64)}`;

function logRecord(id: string, input: string, extra: Partial<DecisionLogRecord> = {}): DecisionLogRecord {
  const { decision } = inspect(input);
  return {
    id,
    at: 1_735_689_600_000,
    input,
    inputBytes: input.length,
    kind: 'calldata',
    decision,
    verdict: decision.verdict,
    rules: decision.findings.map((f) => f.rule),
    counterparties: [alice],
    userAction: 'pending',
    ...extra,
  };
}

/** A context with several records in every store, optional fields present and absent. */
const full: ContextData = {
  policy: [
    {
      id: 'current',
      document: {
        profile: 'conservative',
        rules: { 'approval.unlimited': { severity: 'critical' } },
        limits: {},
      },
      exposureWindowDays: 7,
      updatedAt: 1_735_689_600_000,
    },
  ],
  lists: [
    { id: 'l1', list: 'allow', address: permit2, note: 'Permit2', addedAt: 1 },
    { id: 'l2', list: 'deny', address: stranger, note: '诈骗 — scam, "do not pay"', addedAt: 2 },
    { id: 'l3', list: 'allow', address: usdc, note: '', addedAt: 3 },
  ],
  addressBook: [
    {
      id: 'c1',
      name: 'Alice 🦊',
      address: alice,
      chains: [],
      notes: 'vitalik.eth\nline two',
      createdAt: 0,
      updatedAt: 5,
    },
    {
      id: 'c2',
      name: '张三',
      address: stranger,
      chains: [1, 10, 8453],
      notes: '',
      createdAt: 7,
      updatedAt: 7,
    },
  ],
  history: [
    { id: 'h1', address: alice, firstSeen: 1, lastSeen: 9, count: 3, directions: ['sent', 'granted'] },
    { id: 'h2', address: usdc, firstSeen: 4, lastSeen: 4, count: 1, directions: ['received'] },
    { id: 'h3', address: stranger, firstSeen: 4, lastSeen: 4, count: 0, directions: [] },
  ],
  exposure: [
    {
      id: 'x1',
      day: '2024-02-29',
      asset: 'native',
      counterparty: alice,
      amount: '1000000000000000000',
      count: 1,
    },
    { id: 'x2', day: '2025-12-31', asset: usdc, counterparty: stranger, amount: maxUint, count: 2 },
    { id: 'x3', day: '2000-01-01', asset: usdc, counterparty: alice, amount: '0', count: 0 },
  ],
  decisions: [
    logRecord('d1', transferCalldata, {
      chainId: 1,
      userAction: 'signed',
      actedAt: 1_735_689_601_000,
      result: `0x${'ab'.repeat(65)}`,
      resultHash: `0x${'cd'.repeat(32)}`,
    }),
    logRecord('d2', unlimitedApproval, { userAction: 'cancelled', actedAt: 1_735_689_602_000 }),
    logRecord('d3', 'this is not a transaction', { kind: 'unreadable', counterparties: [] }),
    (({ input: _input, ...rest }) => ({ ...rest, id: 'd4', inputBytes: 5_000_000 }))(
      logRecord('d4', transferCalldata, { userAction: 'overridden' }),
    ),
  ],
  delegates: [
    { id: 'g1', address: delegate, chains: [1], note: 'my wallet', addedAt: 10 },
    { id: 'g2', address: alice, chains: [], note: '', addedAt: 11 },
  ],
  prefs: [
    { id: 'models', loadAtStart: true, nano: 'vigil-nano-q4', verifier: 'vigil-verifier' },
    {
      id: 'cloud',
      enabled: false,
      baseUrl: 'https://api.example.com/v1',
      model: 'm',
      apiKey: 'sk-x',
      profile: 'override',
      override: { amount: 'bucket', counterparty: 'exact', freeText: 'hide', timing: 'month' },
      timeoutMs: 2_500,
      updatedAt: 13,
    },
    { id: 'walletconnect', projectId: '0123456789abcdef0123456789abcdef', updatedAt: 12 },
  ],
};

const exportedAt = Date.UTC(2025, 0, 31, 12, 0, 0);
const validText = exportText(full, exportedAt);
const validDoc = (): Record<string, unknown> & { data: Record<string, Record<string, unknown>[]> } =>
  JSON.parse(validText);

const rec = (doc: ReturnType<typeof validDoc>, store: string, i = 0) =>
  doc.data[store]?.[i] as Record<string, unknown>;

function rejection(text: string): ContextError {
  try {
    parseExportDocument(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ContextError);
    return error as ContextError;
  }
  throw new Error('expected parseExportDocument to reject');
}

/** Defines an own member even for `__proto__` (an object literal or assignment would set the prototype instead). */
function own(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

describe('toExportDocument / exportText', () => {
  test('the document carries format, version, ISO time and every store in order', () => {
    const doc: ContextExport = toExportDocument(full, exportedAt);
    expect(doc.format).toBe('vigil.context');
    expect(doc.version).toBe(1);
    expect(doc.exportedAt).toBe('2025-01-31T12:00:00.000Z');
    expect(Object.keys(doc.data)).toEqual([...privateStoreNames]);
    expect(doc.data.decisions[0]).toBe(full.decisions[0]);
    expect(doc.data.lists).not.toBe(full.lists);
  });

  test('exportText is the document as indented JSON', () => {
    expect(validText).toBe(JSON.stringify(toExportDocument(full, exportedAt), null, 2));
    expect(validText.split('\n')[1]).toBe('  "format": "vigil.context",');
  });

  test('an export time that is no date is invalid input', () => {
    for (const bad of [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY, 8.64e15])
      expect(() => toExportDocument(emptyContext, bad)).toThrow(
        expect.objectContaining({ code: 'invalidInput' }) as unknown as Error,
      );
  });
});

describe('parseExportDocument: valid files', () => {
  test('a full export round-trips to a deep-equal context', () => {
    expect(full.decisions[0]?.decision.verdict).toBe('allow');
    expect(full.decisions[1]?.decision.findings.length).toBeGreaterThan(0);
    const back = parseExportDocument(validText);
    expect(back).toEqual(full);
    expect(Object.keys(back)).toEqual([...privateStoreNames]);
  });

  test('the full export is valid under schemas/context-export.schema.json', () => {
    const doc = validDoc();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(exportText(emptyContext, 0)))).toBe(true);
  });

  test('a policy with a latency budget round-trips: its routing, its hash, valid under the schema', () => {
    const data: ContextData = {
      ...emptyContext,
      policy: [
        {
          id: 'current',
          document: { profile: 'expert', routing: { budgetMs: 5000 } },
          exposureWindowDays: 3,
          updatedAt: 1_735_689_600_000,
        },
      ],
    };
    const text = exportText(data, exportedAt);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    const back = parseExportDocument(text);
    expect(back).toEqual(data);
    expect(policyOf(back).routing).toEqual({ budgetMs: 5000 });
    expect(policyHash(policyOf(back))).toBe(policyHash(policyOf(data)));
  });

  test('an empty context round-trips', () => {
    expect(parseExportDocument(exportText(emptyContext, 0))).toEqual(emptyContext);
  });

  test('addresses in any case come back checksummed', () => {
    const doc = validDoc();
    rec(doc, 'addressBook').address = alice.toLowerCase();
    rec(doc, 'addressBook', 1).address = `0x${stranger.slice(2).toUpperCase()}`;
    rec(doc, 'exposure', 1).asset = usdc.toLowerCase();
    const back = parseExportDocument(JSON.stringify(doc));
    expect(back.addressBook[0]?.address).toBe(alice);
    expect(back.addressBook[1]?.address).toBe(stranger);
    expect(back.exposure[1]?.asset).toBe(usdc);
  });

  test('a WalletConnect project id in upper case comes back lower-cased; updatedAt is optional', () => {
    const doc = validDoc();
    rec(doc, 'prefs', 2).projectId = '0123456789ABCDEF0123456789ABCDEF';
    delete rec(doc, 'prefs', 2).updatedAt;
    expect(validate(doc)).toBe(true);
    expect(parseExportDocument(JSON.stringify(doc)).prefs[2]).toEqual({
      id: 'walletconnect',
      projectId: '0123456789abcdef0123456789abcdef',
    });
  });

  test('a cloud record from before the timeout existed loads with the default; override and updatedAt are optional', () => {
    const doc = validDoc();
    const cloud = rec(doc, 'prefs', 1);
    for (const key of ['override', 'timeoutMs', 'updatedAt']) delete cloud[key];
    cloud.profile = 'default';
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const back = parseExportDocument(JSON.stringify(doc)).prefs[1];
    expect(back).toEqual({
      id: 'cloud',
      enabled: false,
      baseUrl: 'https://api.example.com/v1',
      model: 'm',
      apiKey: 'sk-x',
      profile: 'default',
      timeoutMs: 2_000,
    });
    // And it exports with the default written out, which reads back the same.
    const again = parseExportDocument(exportText({ ...full, prefs: [back as PrefsRecord] }, 0));
    expect(again.prefs).toEqual([back]);
  });

  test('a byte-order mark and compact JSON are accepted', () => {
    expect(parseExportDocument(`\ufeff${JSON.stringify(validDoc())}`)).toEqual(full);
  });

  test('records are rebuilt: plain objects, not the parsed ones, no prototype tricks', () => {
    const back = parseExportDocument(validText);
    for (const name of privateStoreNames)
      for (const record of back[name]) expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    const again = parseExportDocument(validText);
    expect(again.addressBook[0]).not.toBe(back.addressBook[0]);
    expect(again.policy[0]?.document).not.toBe(back.policy[0]?.document);
  });

  test('hostile but legal strings are kept exactly', () => {
    const doc = validDoc();
    const hostile = "<script>alert(1)</script>\u0000\u202e\"\\'=cmd|' /C calc'!A0";
    rec(doc, 'addressBook').notes = hostile;
    rec(doc, 'addressBook', 1).id = '__proto__';
    const back = parseExportDocument(JSON.stringify(doc));
    expect(back.addressBook[0]?.notes).toBe(hostile);
    expect(back.addressBook[1]?.id).toBe('__proto__');
  });
});

type Bad = {
  readonly name: string;
  /** The document, changed; or raw text. */
  readonly change: ((doc: ReturnType<typeof validDoc>) => void) | string;
  /** The path the error must name. */
  readonly path: string;
  /** What the JSON schema says about the same document: it cannot express every check. */
  readonly schema: 'rejects' | 'accepts' | 'not JSON';
  readonly message?: RegExp;
};

const decisionOf = (doc: ReturnType<typeof validDoc>, i = 0) =>
  rec(doc, 'decisions', i).decision as Record<string, unknown>;

const bad: readonly Bad[] = [
  { name: 'empty text', change: '', path: '$', schema: 'not JSON' },
  {
    name: 'truncated text',
    change: validText.slice(0, 1000),
    path: '$',
    schema: 'not JSON',
    message: /cut short/,
  },
  {
    name: 'not JSON',
    change: 'vigil',
    path: '$',
    schema: 'not JSON',
    message: /breaks at line 1, column 1\b/,
  },
  {
    name: 'trailing comma',
    change: validText.replace(/\n}$/, ',\n}'),
    path: '$',
    schema: 'not JSON',
    message: /line \d+/,
  },
  { name: 'JSON null', change: 'null', path: '$', schema: 'rejects' },
  { name: 'JSON array', change: '[]', path: '$', schema: 'rejects' },
  { name: 'JSON string', change: '"vigil.context"', path: '$', schema: 'rejects' },
  {
    name: 'wrong format',
    change: (d) => {
      d.format = 'vigil.backup';
    },
    path: '$.format',
    schema: 'rejects',
  },
  {
    name: 'missing format',
    change: (d) => {
      delete d.format;
    },
    path: '$.format',
    schema: 'rejects',
  },
  {
    name: 'newer version',
    change: (d) => {
      d.version = 2;
    },
    path: '$.version',
    schema: 'rejects',
    message: /made by a newer Vigil/,
  },
  {
    name: 'version as a string',
    change: (d) => {
      d.version = '1';
    },
    path: '$.version',
    schema: 'rejects',
  },
  {
    name: 'version 0',
    change: (d) => {
      d.version = 0;
    },
    path: '$.version',
    schema: 'rejects',
  },
  {
    name: 'unknown top-level field',
    change: (d) => {
      d.comment = 'hi';
    },
    path: '$.comment',
    schema: 'rejects',
  },
  {
    name: 'exportedAt not ISO',
    change: (d) => {
      d.exportedAt = 'yesterday';
    },
    path: '$.exportedAt',
    schema: 'rejects',
  },
  {
    name: 'exportedAt missing',
    change: (d) => {
      delete d.exportedAt;
    },
    path: '$.exportedAt',
    schema: 'rejects',
  },
  {
    name: 'data missing',
    change: (d) => {
      delete (d as Record<string, unknown>).data;
    },
    path: '$.data',
    schema: 'rejects',
  },
  {
    name: 'data an array',
    change: (d) => {
      (d as Record<string, unknown>).data = [];
    },
    path: '$.data',
    schema: 'rejects',
  },
  {
    name: 'missing store',
    change: (d) => {
      delete d.data.history;
    },
    path: '$.data.history',
    schema: 'rejects',
  },
  {
    name: 'unknown store',
    change: (d) => {
      d.data.settings = [];
    },
    path: '$.data.settings',
    schema: 'rejects',
  },
  {
    name: 'store not an array',
    change: (d) => {
      (d.data as Record<string, unknown>).lists = {};
    },
    path: '$.data.lists',
    schema: 'rejects',
  },
  {
    name: 'null record',
    change: (d) => {
      (d.data.lists as unknown[])[1] = null;
    },
    path: '$.data.lists[1]',
    schema: 'rejects',
  },
  {
    name: 'extra field',
    change: (d) => {
      rec(d, 'addressBook', 1).ens = 'x.eth';
    },
    path: '$.data.addressBook[1].ens',
    schema: 'rejects',
  },
  {
    name: 'missing field',
    change: (d) => {
      delete rec(d, 'addressBook').notes;
    },
    path: '$.data.addressBook[0].notes',
    schema: 'rejects',
  },
  {
    name: 'duplicate id',
    change: (d) => {
      rec(d, 'lists', 2).id = 'l1';
    },
    path: '$.data.lists[2].id',
    schema: 'accepts',
    message: /also at \$\.data\.lists\[0\]/,
  },
  {
    name: 'empty id',
    change: (d) => {
      rec(d, 'lists').id = '';
    },
    path: '$.data.lists[0].id',
    schema: 'rejects',
  },
  {
    name: 'id over 100 chars',
    change: (d) => {
      rec(d, 'lists').id = 'i'.repeat(101);
    },
    path: '$.data.lists[0].id',
    schema: 'rejects',
  },
  {
    name: 'numeric id',
    change: (d) => {
      rec(d, 'lists').id = 7;
    },
    path: '$.data.lists[0].id',
    schema: 'rejects',
  },
  {
    name: 'bad checksum',
    change: (d) => {
      rec(d, 'addressBook').address = alice.replace('dA6', 'Da6');
    },
    path: '$.data.addressBook[0].address',
    schema: 'accepts',
    message: /checksum/,
  },
  {
    name: 'short address',
    change: (d) => {
      rec(d, 'lists').address = '0x12';
    },
    path: '$.data.lists[0].address',
    schema: 'rejects',
  },
  {
    name: 'hostile address',
    change: (d) => {
      rec(d, 'history').address = `<img src=x onerror=alert(1)>${'A'.repeat(10_000)}`;
    },
    path: '$.data.history[0].address',
    schema: 'rejects',
  },
  {
    name: 'address without 0x',
    change: (d) => {
      rec(d, 'delegates').address = alice.slice(2);
    },
    path: '$.data.delegates[0].address',
    schema: 'rejects',
  },
  {
    name: 'negative amount',
    change: (d) => {
      rec(d, 'exposure').amount = '-1';
    },
    path: '$.data.exposure[0].amount',
    schema: 'rejects',
  },
  {
    name: 'amount 2^256',
    change: (d) => {
      rec(d, 'exposure').amount = (2n ** 256n).toString();
    },
    path: '$.data.exposure[0].amount',
    schema: 'accepts',
    message: /2\^256/,
  },
  {
    name: 'amount 10^78',
    change: (d) => {
      rec(d, 'exposure').amount = `1${'0'.repeat(78)}`;
    },
    path: '$.data.exposure[0].amount',
    schema: 'rejects',
  },
  {
    name: 'amount as a number',
    change: (d) => {
      rec(d, 'exposure').amount = 5;
    },
    path: '$.data.exposure[0].amount',
    schema: 'rejects',
  },
  {
    name: 'amount with leading zero',
    change: (d) => {
      rec(d, 'exposure').amount = '007';
    },
    path: '$.data.exposure[0].amount',
    schema: 'rejects',
  },
  {
    name: 'amount in hex',
    change: (d) => {
      rec(d, 'exposure').amount = '0x10';
    },
    path: '$.data.exposure[0].amount',
    schema: 'rejects',
  },
  {
    name: 'bad day 2025-02-30',
    change: (d) => {
      rec(d, 'exposure').day = '2025-02-30';
    },
    path: '$.data.exposure[0].day',
    schema: 'accepts',
  },
  {
    name: 'bad day 2025-02-29',
    change: (d) => {
      rec(d, 'exposure').day = '2025-02-29';
    },
    path: '$.data.exposure[0].day',
    schema: 'accepts',
  },
  {
    name: 'day 2025-1-5',
    change: (d) => {
      rec(d, 'exposure').day = '2025-1-5';
    },
    path: '$.data.exposure[0].day',
    schema: 'rejects',
  },
  {
    name: 'asset neither native nor address',
    change: (d) => {
      rec(d, 'exposure').asset = 'ETH';
    },
    path: '$.data.exposure[0].asset',
    schema: 'rejects',
  },
  {
    name: 'wrong list enum',
    change: (d) => {
      rec(d, 'lists').list = 'maybe';
    },
    path: '$.data.lists[0].list',
    schema: 'rejects',
  },
  {
    name: 'wrong userAction',
    change: (d) => {
      rec(d, 'decisions').userAction = 'approved';
    },
    path: '$.data.decisions[0].userAction',
    schema: 'rejects',
  },
  {
    name: 'wrong direction',
    change: (d) => {
      rec(d, 'history').directions = ['sent', 'stolen'];
    },
    path: '$.data.history[0].directions[1]',
    schema: 'rejects',
  },
  {
    name: 'repeated direction',
    change: (d) => {
      rec(d, 'history').directions = ['sent', 'sent'];
    },
    path: '$.data.history[0].directions',
    schema: 'rejects',
  },
  {
    name: 'lastSeen before firstSeen',
    change: (d) => {
      rec(d, 'history').lastSeen = 0;
    },
    path: '$.data.history[0].lastSeen',
    schema: 'accepts',
  },
  {
    name: 'oversize name',
    change: (d) => {
      rec(d, 'addressBook').name = 'n'.repeat(201);
    },
    path: '$.data.addressBook[0].name',
    schema: 'rejects',
  },
  {
    name: 'empty name',
    change: (d) => {
      rec(d, 'addressBook').name = '';
    },
    path: '$.data.addressBook[0].name',
    schema: 'rejects',
  },
  {
    name: 'oversize notes',
    change: (d) => {
      rec(d, 'addressBook').notes = 'n'.repeat(2001);
    },
    path: '$.data.addressBook[0].notes',
    schema: 'rejects',
  },
  {
    name: 'oversize input',
    change: (d) => {
      rec(d, 'decisions').input = 'x'.repeat(1024 * 1024 + 1);
    },
    path: '$.data.decisions[0].input',
    schema: 'rejects',
  },
  {
    name: 'negative time',
    change: (d) => {
      rec(d, 'addressBook').createdAt = -1;
    },
    path: '$.data.addressBook[0].createdAt',
    schema: 'rejects',
  },
  {
    name: 'fractional time',
    change: (d) => {
      rec(d, 'lists').addedAt = 1.5;
    },
    path: '$.data.lists[0].addedAt',
    schema: 'rejects',
  },
  {
    name: 'time as a string',
    change: (d) => {
      rec(d, 'lists').addedAt = '2025-01-01';
    },
    path: '$.data.lists[0].addedAt',
    schema: 'rejects',
  },
  {
    name: 'time beyond safe integers',
    change: validText.replace('"addedAt": 1\n', '"addedAt": 9007199254740993\n'),
    path: '$.data.lists[0].addedAt',
    schema: 'rejects',
  },
  {
    name: 'chain 0',
    change: (d) => {
      rec(d, 'addressBook', 1).chains = [1, 0];
    },
    path: '$.data.addressBook[1].chains[1]',
    schema: 'rejects',
  },
  {
    name: 'chain as a string',
    change: (d) => {
      rec(d, 'delegates').chains = ['1'];
    },
    path: '$.data.delegates[0].chains[0]',
    schema: 'rejects',
  },
  {
    name: 'chains not an array',
    change: (d) => {
      rec(d, 'delegates').chains = 1;
    },
    path: '$.data.delegates[0].chains',
    schema: 'rejects',
  },
  {
    name: '__proto__ key in a record',
    change: (d) => own(rec(d, 'addressBook'), '__proto__', { admin: true }),
    path: '$.data.addressBook[0].__proto__',
    schema: 'rejects',
  },
  {
    name: '__proto__ key in data',
    change: (d) => own(d.data, '__proto__', []),
    path: '$.data.__proto__',
    schema: 'rejects',
  },
  {
    name: 'constructor key in the policy document',
    change: (d) => own(rec(d, 'policy').document as object, 'constructor', { prototype: { polluted: true } }),
    path: '$.data.policy[0].document.constructor',
    schema: 'rejects',
  },
  {
    name: '__proto__ key deep in the policy document',
    change: (d) =>
      own((rec(d, 'policy').document as { rules: object }).rules, '__proto__', { polluted: true }),
    path: '$.data.policy[0].document.rules.__proto__',
    schema: 'accepts',
  },
  {
    name: 'policy document not an object',
    change: (d) => {
      rec(d, 'policy').document = [1];
    },
    path: '$.data.policy[0].document',
    schema: 'rejects',
  },
  {
    name: 'two policy records',
    change: (d) => {
      d.data.policy?.push({ ...rec(d, 'policy') });
    },
    path: '$.data.policy',
    schema: 'rejects',
  },
  {
    name: 'policy id not current',
    change: (d) => {
      rec(d, 'policy').id = 'old';
    },
    path: '$.data.policy[0].id',
    schema: 'rejects',
  },
  {
    name: 'prefs unknown id',
    change: (d) => {
      rec(d, 'prefs').id = 'theme';
    },
    path: '$.data.prefs[0].id',
    schema: 'rejects',
  },
  {
    name: 'models prefs with a cloud field',
    change: (d) => {
      rec(d, 'prefs').apiKey = 'sk';
    },
    path: '$.data.prefs[0].apiKey',
    schema: 'rejects',
  },
  {
    name: 'cloud prefs wrong profile',
    change: (d) => {
      rec(d, 'prefs', 1).profile = 'lax';
    },
    path: '$.data.prefs[1].profile',
    schema: 'rejects',
  },
  {
    name: 'cloud prefs enabled as a string',
    change: (d) => {
      rec(d, 'prefs', 1).enabled = 'true';
    },
    path: '$.data.prefs[1].enabled',
    schema: 'rejects',
  },
  {
    name: 'cloud prefs timeout below the minimum',
    change: (d) => {
      rec(d, 'prefs', 1).timeoutMs = 100;
    },
    path: '$.data.prefs[1].timeoutMs',
    schema: 'rejects',
  },
  {
    name: 'cloud prefs timeout not whole',
    change: (d) => {
      rec(d, 'prefs', 1).timeoutMs = 2000.5;
    },
    path: '$.data.prefs[1].timeoutMs',
    schema: 'rejects',
  },
  {
    name: 'cloud prefs timeout as text',
    change: (d) => {
      rec(d, 'prefs', 1).timeoutMs = '2000';
    },
    path: '$.data.prefs[1].timeoutMs',
    schema: 'rejects',
  },
  {
    name: 'cloud prefs override value not allowed',
    change: (d) => {
      (rec(d, 'prefs', 1).override as Record<string, unknown>).amount = 'all';
    },
    path: '$.data.prefs[1].override.amount',
    schema: 'rejects',
  },
  {
    name: 'cloud prefs override with an unknown class',
    change: (d) => {
      (rec(d, 'prefs', 1).override as Record<string, unknown>).addressBook = 'exact';
    },
    path: '$.data.prefs[1].override.addressBook',
    schema: 'rejects',
  },
  {
    name: 'cloud prefs override missing a class',
    change: (d) => {
      delete (rec(d, 'prefs', 1).override as Record<string, unknown>).timing;
    },
    path: '$.data.prefs[1].override.timing',
    schema: 'rejects',
  },
  {
    name: 'cloud prefs override not an object',
    change: (d) => {
      rec(d, 'prefs', 1).override = 'exact';
    },
    path: '$.data.prefs[1].override',
    schema: 'rejects',
  },
  {
    name: 'cloud prefs model over 256 characters',
    change: (d) => {
      rec(d, 'prefs', 1).model = 'm'.repeat(257);
    },
    path: '$.data.prefs[1].model',
    schema: 'rejects',
  },
  {
    name: 'cloud prefs unknown field',
    change: (d) => {
      rec(d, 'prefs', 1).temperature = 1;
    },
    path: '$.data.prefs[1].temperature',
    schema: 'rejects',
  },
  {
    name: 'walletconnect project id 31 characters',
    change: (d) => {
      rec(d, 'prefs', 2).projectId = '0123456789abcdef0123456789abcde';
    },
    path: '$.data.prefs[2].projectId',
    schema: 'rejects',
  },
  {
    name: 'walletconnect project id not hex',
    change: (d) => {
      rec(d, 'prefs', 2).projectId = '0123456789abcdef0123456789abcdeg';
    },
    path: '$.data.prefs[2].projectId',
    schema: 'rejects',
  },
  {
    name: 'walletconnect project id with spaces around it',
    change: (d) => {
      rec(d, 'prefs', 2).projectId = ' 0123456789abcdef0123456789abcdef ';
    },
    path: '$.data.prefs[2].projectId',
    schema: 'rejects',
  },
  {
    name: 'walletconnect project id as a number',
    change: (d) => {
      rec(d, 'prefs', 2).projectId = 123;
    },
    path: '$.data.prefs[2].projectId',
    schema: 'rejects',
  },
  {
    name: 'walletconnect prefs with an unknown field',
    change: (d) => {
      rec(d, 'prefs', 2).relayUrl = 'wss://evil.example';
    },
    path: '$.data.prefs[2].relayUrl',
    schema: 'rejects',
  },
  {
    name: 'walletconnect prefs without a project id',
    change: (d) => {
      delete rec(d, 'prefs', 2).projectId;
    },
    path: '$.data.prefs[2].projectId',
    schema: 'rejects',
  },
  {
    name: 'walletconnect prefs with a bad time',
    change: (d) => {
      rec(d, 'prefs', 2).updatedAt = -1;
    },
    path: '$.data.prefs[2].updatedAt',
    schema: 'rejects',
  },
  {
    name: 'decision verdict mismatch',
    change: (d) => {
      rec(d, 'decisions').verdict = 'block';
    },
    path: '$.data.decisions[0].decision.verdict',
    schema: 'accepts',
    message: /"allow" but its log record says "block"/,
  },
  {
    name: 'decision of another schema',
    change: (d) => {
      decisionOf(d).schema = 'vigil.decision/2';
    },
    path: '$.data.decisions[0].decision.schema',
    schema: 'rejects',
  },
  {
    name: 'decision not an object',
    change: (d) => {
      rec(d, 'decisions').decision = 'allow';
    },
    path: '$.data.decisions[0].decision',
    schema: 'rejects',
  },
  {
    name: 'decision payloadHash short',
    change: (d) => {
      decisionOf(d).payloadHash = '0x1234';
    },
    path: '$.data.decisions[0].decision.payloadHash',
    schema: 'rejects',
  },
  {
    name: 'decision policyHash a number',
    change: (d) => {
      decisionOf(d).policyHash = 1;
    },
    path: '$.data.decisions[0].decision.policyHash',
    schema: 'rejects',
  },
  {
    name: 'decision without trace',
    change: (d) => {
      delete decisionOf(d).trace;
    },
    path: '$.data.decisions[0].decision.trace',
    schema: 'rejects',
  },
  {
    name: 'decision findings an object',
    change: (d) => {
      decisionOf(d).findings = {};
    },
    path: '$.data.decisions[0].decision.findings',
    schema: 'rejects',
  },
  {
    name: 'decision confidence above 1',
    change: (d) => {
      decisionOf(d).confidence = 1.5;
    },
    path: '$.data.decisions[0].decision.confidence',
    schema: 'rejects',
  },
  {
    name: 'decision extra field',
    change: (d) => {
      decisionOf(d).score = 1;
    },
    path: '$.data.decisions[0].decision.score',
    schema: 'rejects',
  },
  {
    name: 'finding with a bad rule id',
    change: (d) => {
      ((decisionOf(d, 1).findings as Record<string, unknown>[])[0] as Record<string, unknown>).rule =
        'Unlimited!';
    },
    path: '$.data.decisions[1].decision.findings[0].rule',
    schema: 'rejects',
  },
  {
    name: 'fired trace entry without severity',
    change: (d) => {
      (decisionOf(d).trace as Record<string, unknown>[])[0] = { rule: 'input.malformed', outcome: 'fired' };
    },
    path: '$.data.decisions[0].decision.trace[0].severity',
    schema: 'accepts',
  },
  {
    name: 'trace entry with an unknown outcome',
    change: (d) => {
      (decisionOf(d).trace as Record<string, unknown>[])[0] = { rule: 'input.malformed', outcome: 'maybe' };
    },
    path: '$.data.decisions[0].decision.trace[0].outcome',
    schema: 'rejects',
  },
  {
    name: 'result of odd length',
    change: (d) => {
      rec(d, 'decisions').result = '0xabc';
    },
    path: '$.data.decisions[0].result',
    schema: 'rejects',
  },
  {
    name: 'chainId 0',
    change: (d) => {
      rec(d, 'decisions').chainId = 0;
    },
    path: '$.data.decisions[0].chainId',
    schema: 'rejects',
  },
  {
    name: 'optional field null',
    change: (d) => {
      rec(d, 'decisions').actedAt = null;
    },
    path: '$.data.decisions[0].actedAt',
    schema: 'rejects',
  },
  {
    name: 'counterparty not an address',
    change: (d) => {
      rec(d, 'decisions').counterparties = ['alice.eth'];
    },
    path: '$.data.decisions[0].counterparties[0]',
    schema: 'rejects',
  },
];

function badText(b: Bad): string {
  if (typeof b.change === 'string') return b.change;
  const doc = validDoc();
  b.change(doc);
  return JSON.stringify(doc, null, 2);
}

describe('parseExportDocument: bad files', () => {
  test('the list covers at least 25 kinds of bad documents', () => {
    expect(bad.length).toBeGreaterThanOrEqual(25);
    expect(new Set(bad.map((b) => b.name)).size).toBe(bad.length);
  });

  test.each(bad)('$name is rejected at $path', (b) => {
    const text = badText(b);
    expect(text).not.toBe(validText);
    const error = rejection(text);
    expect(error.code).toBe('invalidImport');
    expect(error.path).toBe(b.path);
    expect(error.message).toContain(b.path);
    expect(error.message.length).toBeLessThan(600);
    if (b.message) expect(error.message).toMatch(b.message);
    if (b.schema === 'not JSON') {
      expect(() => JSON.parse(text)).toThrow();
    } else {
      expect(validate(JSON.parse(text)), b.schema).toBe(b.schema === 'accepts');
    }
  });

  test('nothing is polluted by prototype keys', () => {
    for (const b of bad.filter((x) => /__proto__|constructor/.test(x.name))) rejection(badText(b));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  test('a text over 64 MiB is rejected before it is parsed', () => {
    const huge = ' '.repeat(MAX_EXPORT_CHARS - validText.length) + validText;
    expect(parseExportDocument(huge)).toEqual(full);
    const error = rejection(`${huge} `);
    expect(error.code).toBe('invalidImport');
    expect(error.path).toBe('$');
    expect(error.message).toMatch(/64 MiB/);
  });

  test('more records than a store may hold are rejected at the store', () => {
    const tooMany = (store: string, n: number) => {
      const doc = validDoc();
      doc.data[store] = Array.from({ length: n }, () => null as unknown as Record<string, unknown>);
      return JSON.stringify(doc);
    };
    for (const [store, cap] of [
      ['decisions', 10_000],
      ['lists', 100_000],
      ['prefs', 3],
    ] as const) {
      const text = tooMany(store, cap + 1);
      const error = rejection(text);
      expect(error.path).toBe(`$.data.${store}`);
      expect(error.message).toContain(`at most ${cap}`);
      expect(validateQuickly(JSON.parse(text))).toBe(false);
    }
  });

  test('a policy document nested too deep is rejected, not a stack overflow', () => {
    const depth = 100_000;
    const text = validText.replace('"limits": {}', `"limits": ${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(text).not.toBe(validText);
    const error = rejection(text);
    expect(error.code).toBe('invalidImport');
    expect(error.path).toMatch(/^\$\.data\.policy\[0\]\.document\.limits(\[0\])+$/);
  });

  test('a huge unknown key is named, but cut short in the message', () => {
    const doc = validDoc();
    rec(doc, 'lists')['k'.repeat(100_000)] = 1;
    const error = rejection(JSON.stringify(doc));
    expect(error.message.length).toBeLessThan(300);
    expect(error.path).toMatch(/^\$\.data\.lists\[0\]\["k+…"\]$/);
  });

  test('a syntax error names its line and column', () => {
    const text = '{\n  "format": "vigil.context",\n  "version": 1,,\n}';
    expect(rejection(text).message).toContain('line 3, column 16');
  });

  test('syntax errors are located, however deep or odd the text', () => {
    const where = (text: string) => rejection(text).message;
    expect(where('[1, 2,, 3]')).toContain('breaks at line 1, column 7');
    expect(where('{"a": tru')).toContain('ends before its JSON is complete');
    expect(where('{"a": trux}')).toContain('breaks at line 1, column 10');
    expect(where('{"a": "\\q"}')).toContain('breaks at line 1, column 9');
    expect(where('{"a": "\u0001"}')).toContain('breaks at line 1, column 8');
    expect(where('{"a": "\\u12x4"}')).toContain('breaks at line 1, column 12');
    expect(where('{"a": "\\u12')).toContain('ends before');
    expect(where('{"a": 01}')).toContain('breaks at line 1, column 8');
    expect(where('{} {}')).toContain('breaks at line 1, column 4');
    expect(where('\r\n\n  {"a" 1}')).toContain('breaks at line 3, column 8');
    expect(where('['.repeat(1_000_000))).toContain('ends before');
    expect(where(`${'['.repeat(1_000_000)}}`)).toContain(`breaks at line 1, column ${1_000_001}`);
  });

  test('property: text JSON cannot parse is rejected at $ with a location, never another error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json().map((j) => j.slice(0, -1)),
          fc.string({ unit: 'binary' }),
        ),
        (text) => {
          let parses = true;
          try {
            JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
          } catch {
            parses = false;
          }
          fc.pre(!parses);
          const error = rejection(text);
          expect(error.path).toBe('$');
          expect(error.message).toMatch(/line \d+, column \d+/);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('property: garbage inserted into JSON is located at or after where it went in', () => {
    fc.assert(
      fc.property(
        fc.json({ noUnicodeString: true }),
        fc.nat(),
        fc.constantFrom('x', '}', ']', ',', ':', '"', '\\', '\u0001', '01', 'nul'),
        (json, at, junk) => {
          const cut = at % (json.length + 1);
          const text = json.slice(0, cut) + junk + json.slice(cut);
          let parses = true;
          try {
            JSON.parse(text);
          } catch {
            parses = false;
          }
          fc.pre(!parses && !text.includes('\n'));
          const match = /column (\d+)/.exec(rejection(text).message);
          expect(match).not.toBeNull();
          expect(Number(match?.[1]) - 1).toBeGreaterThanOrEqual(cut);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a non-string argument is rejected', () => {
    expect(rejection(undefined as unknown as string).code).toBe('invalidImport');
    expect(rejection({} as unknown as string).code).toBe('invalidImport');
  });

  test('property: any truncation of a valid export is rejected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: validText.length - 1 }), (end) => {
        const error = rejection(validText.slice(0, end));
        expect(error.code).toBe('invalidImport');
        expect(error.path).toBe('$');
      }),
      { numRuns: 300 },
    );
  });

  test('property: any JSON value in place of any record field is accepted or rejected with invalidImport, never another error', () => {
    const fields = privateStoreNames.flatMap((store) =>
      (full[store] as readonly Record<string, unknown>[]).flatMap((record, i) =>
        Object.keys(record).map((field) => [store, i, field] as const),
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 }), ([store, i, field], value) => {
        const doc = validDoc();
        own(rec(doc, store, i), field, value);
        try {
          const back = parseExportDocument(JSON.stringify(doc));
          // Accepted: what came back exports and parses to itself.
          expect(parseExportDocument(exportText(back, 0))).toEqual(back);
        } catch (error) {
          expect(error).toBeInstanceOf(ContextError);
          expect((error as ContextError).code).toBe('invalidImport');
          expect((error as ContextError).path).toMatch(new RegExp(`^\\$\\.data\\.${store}\\[\\d+\\]`));
        }
      }),
      { numRuns: 300 },
    );
  });
});

test('constants', () => {
  expect(EXPORT_FORMAT).toBe('vigil.context');
  expect(EXPORT_VERSION).toBe(1);
});
