import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { encodeFunctionData, encodePacked, parseAbi } from 'viem';
import { describe, expect, test } from 'vitest';
import { permitTypes, seaportItemFields } from '../../../../tests/fixtures/typedData';
import { canonicalJson } from './canonicalJson';
import { decide } from './decide';
import { noFacts } from './facts';
import { defaultPolicy, policyHash } from './policy';

const schema = JSON.parse(readFileSync('schemas/decision.schema.json', 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const corpus = readFileSync('tests/fixtures/corpus-sample.jsonl', 'utf8').split('\n').filter(Boolean);
const signed = JSON.parse(readFileSync('tests/fixtures/signed-transactions.json', 'utf8')) as {
  transactions: Record<string, string>;
};

const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const stranger = '0x1111111111111111111111111111111111111111';
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const seaport = '0x00000000000000ADc04C56Bf30aC9d3c0aAF14dC';

const item = seaportItemFields;
const seaportOrder = (consideration: { amount: string; recipient: string }[]) =>
  JSON.stringify({
    method: 'eth_signTypedData_v4',
    params: [
      alice,
      {
        types: {
          OrderComponents: [
            { name: 'offerer', type: 'address' },
            { name: 'offer', type: 'OfferItem[]' },
            { name: 'consideration', type: 'ConsiderationItem[]' },
          ],
          OfferItem: item,
          ConsiderationItem: [...item, { name: 'recipient', type: 'address' }],
        },
        primaryType: 'OrderComponents',
        domain: { name: 'Seaport', version: '1.5', chainId: 1, verifyingContract: seaport },
        message: {
          offerer: alice,
          offer: [
            {
              itemType: 2,
              token: '0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D',
              identifierOrCriteria: 1,
              startAmount: 1,
              endAmount: 1,
            },
          ],
          consideration: consideration.map((c) => ({
            itemType: 0,
            token: '0x0000000000000000000000000000000000000000',
            identifierOrCriteria: 0,
            startAmount: c.amount,
            endAmount: c.amount,
            recipient: c.recipient,
          })),
        },
      },
    ],
  });

const rulesOf = (input: string) => decide({ input }).findings.map((f) => f.rule);

describe('order, delegation and delegatecall rules', () => {
  test('a Seaport order whose proceeds go to a stranger (phishing shape) is never allow', () => {
    const decision = decide({
      input: seaportOrder([{ amount: '1000000000000000000', recipient: stranger }]),
    });
    expect(decision.findings.map((f) => f.rule)).toContain('order.proceeds-to-other');
    expect(decision.verdict).not.toBe('allow');
  });

  test('an NFT for nothing is blocked', () => {
    const decision = decide({ input: seaportOrder([]) });
    expect(decision.findings.map((f) => f.rule)).toContain('order.zero-price');
    expect(decision.verdict).toBe('block');
  });

  test('a fair listing paid to the signer passes the order rules', () => {
    const rules = rulesOf(seaportOrder([{ amount: '1000000000000000000', recipient: alice }]));
    expect(rules).not.toContain('order.proceeds-to-other');
    expect(rules).not.toContain('order.zero-price');
  });

  test('EIP-7702 delegation to an unknown delegate fires; to a bundled wallet delegate or a trusted one it is quiet', () => {
    const to = (delegate: string) =>
      JSON.stringify({
        to: alice,
        type: '0x4',
        chainId: 1,
        authorizationList: [{ chainId: '0x1', address: delegate, nonce: '0x0' }],
      });
    expect(rulesOf(to(stranger))).toContain('delegate.7702-unknown');
    // The signed fixture delegates to MetaMask's delegator, on the bundled walletbeat list.
    expect(rulesOf(signed.transactions.eip7702 as string)).not.toContain('delegate.7702-unknown');
    const trusted = decide({ input: to(stranger), facts: { ...noFacts, delegates: [stranger] } });
    expect(trusted.findings.map((f) => f.rule)).not.toContain('delegate.7702-unknown');
  });

  test('a sponsored EIP-7702 delegation names the account it delegates, not "your account"', () => {
    // Chain 1, delegate USDC (no wallet delegate), nonce 0, signed by 0x70997970…dc79C8.
    const authorization = {
      chainId: '0x1',
      address: usdc,
      nonce: '0x0',
      yParity: '0x1',
      r: '0x6c335602ff7be2d96ba595448a47f20198496872c97cf4b0fbd3076aba862eef',
      s: '0x6cace3b46d2e78078bc74e73ef0c42d82afeaa3549d15ee9cc68bfea02edb080',
    };
    const message = (from?: string) =>
      decide({
        input: JSON.stringify({ chainId: 1, to: alice, from, authorizationList: [authorization] }),
      }).findings.find((f) => f.rule === 'delegate.7702-unknown')?.message;
    expect(message(alice)).toMatch(
      /^The account 0x70997970…17dc79C8 would run the code of 0xA0b86991…3606eB48/,
    );
    expect(message('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')).toMatch(/^Your account would run/);
    expect(message()).toMatch(/^Your account would run/);
  });

  test('EIP-7702 authorization for chain 0', () => {
    const input = JSON.stringify({
      to: alice,
      type: '0x4',
      chainId: 1,
      authorizationList: [{ chainId: '0x0', address: stranger, nonce: '0x0' }],
    });
    expect(rulesOf(input)).toContain('delegate.7702-all-chains');
  });

  test('Safe delegatecall to anything but MultiSend', () => {
    const safe = parseAbi([
      'function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) payable returns (bool)',
      'function multiSend(bytes transactions) payable',
    ]);
    const zero = '0x0000000000000000000000000000000000000000';
    const exec = (to: `0x${string}`, inner: `0x${string}`) =>
      JSON.stringify({
        chainId: 1,
        to: '0x2222222222222222222222222222222222222222',
        data: encodeFunctionData({
          abi: safe,
          functionName: 'execTransaction',
          args: [to, 0n, inner, 1, 0n, 0n, 0n, zero, zero, '0x'],
        }),
      });
    const batch = encodeFunctionData({
      abi: safe,
      functionName: 'multiSend',
      args: [encodePacked(['uint8', 'address', 'uint256', 'uint256', 'bytes'], [0, alice, 1n, 0n, '0x'])],
    });
    expect(rulesOf(exec(stranger, batch))).toContain('call.delegatecall');
    const off = { ...defaultPolicy(), rules: { 'call.delegatecall': { enabled: false } } };
    expect(decide({ input: exec(stranger, batch), policy: off }).findings.map((f) => f.rule)).not.toContain(
      'call.delegatecall',
    );
    expect(rulesOf(exec('0x40A2aCCbd92BCA938b02010E17A5b8929b49130D', batch))).not.toContain(
      'call.delegatecall',
    );
  });
});

describe('the decision', () => {
  test('deterministic: the same inputs give byte-identical JSON', () => {
    for (const input of corpus.slice(0, 40))
      expect(JSON.stringify(decide({ input }))).toBe(JSON.stringify(decide({ input })));
  });

  test('every decision is valid against schemas/decision.schema.json', () => {
    const inputs = [...corpus, '0xzz', '', 'hello', '{"to":5}', ...Object.values(signed.transactions)];
    for (const input of inputs) {
      const decision = decide({ input });
      const ok = validate(JSON.parse(JSON.stringify(decision)));
      expect(ok, JSON.stringify(validate.errors)).toBe(true);
    }
  });

  test('names the policy by its hash; a policy change changes the hash', () => {
    const policy = defaultPolicy();
    const decision = decide({ input: corpus[0] as string, policy });
    expect(decision.policyHash).toBe(policyHash(policy));
    expect(policyHash({ ...policy, tauConf: 0.71 })).not.toBe(decision.policyHash);
  });

  test('the payload hash binds the bytes: any change gives a new hash', () => {
    const a = decide({ input: JSON.stringify({ chainId: 1, to: alice, value: '1' }) });
    const b = decide({ input: JSON.stringify({ chainId: 1, to: alice, value: '2' }) });
    const c = decide({ input: JSON.stringify({ value: '1', to: alice.toLowerCase(), chainId: '0x1' }) });
    expect(a.payloadHash).not.toBe(b.payloadHash);
    expect(a.payloadHash).toBe(c.payloadHash); // same request, written differently
  });

  test('canonical JSON sorts keys and drops undefined', () => {
    expect(canonicalJson({ b: 1n, a: [undefined, 'x'], c: undefined })).toBe('{"a":[null,"x"],"b":"1"}');
  });
});

describe('fail closed', () => {
  test('random strings and mutated real inputs are never allow', () => {
    const mutated = fc
      .record({
        seed: fc.constantFrom(...corpus.slice(0, 50)),
        at: fc.nat(),
        char: fc.constantFrom('0', 'f', 'x', '"', '}', ' '),
      })
      .map(({ seed, at, char }) => {
        const i = at % seed.length;
        return seed.slice(0, i) + char + seed.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), mutated), (input) => {
        const decision = decide({ input });
        // A mutation can leave a valid request; only unreadable or undecodable ones are asserted.
        if (decision.findings.some((f) => f.rule === 'input.malformed' || f.rule === 'decode.failed'))
          expect(decision.verdict).not.toBe('allow');
      }),
      { numRuns: 800 },
    );
  });

  test('random calldata to an unknown contract is never allow', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 200 }), (bytes) => {
        const data = `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
        const decision = decide({ input: JSON.stringify({ chainId: 1, to: stranger, data }) });
        expect(decision.verdict).not.toBe('allow');
      }),
      { numRuns: 600 },
    );
  });

  test('an unlimited permit to an unknown spender (phishing shape) is never allow', () => {
    const input = JSON.stringify({
      types: permitTypes,
      primaryType: 'Permit',
      domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
      message: {
        owner: alice,
        spender: stranger,
        value: (2n ** 256n - 1n).toString(),
        nonce: 0,
        deadline: (2n ** 256n - 1n).toString(),
      },
    });
    const decision = decide({ input });
    expect(decision.verdict).not.toBe('allow');
    expect(decision.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['approval.unlimited', 'approval.to-unknown', 'permit.offchain']),
    );
  });
});

test('benign registry vectors are never blocked', () => {
  const blocked = corpus
    .filter((line) => !line.includes('"kind":"address"'))
    .map((input) => ({ id: (JSON.parse(input) as { id: string }).id, decision: decide({ input }) }))
    .filter(({ decision }) => decision.verdict === 'block')
    .map(({ id, decision }) => `${id}: ${decision.reasons.join('; ')}`);
  expect(blocked).toEqual([]);
});

test('a known drainer is blocked wherever it appears: recipient, spender, or the contract called', () => {
  const drainer = '0x000000000532b45f47779fce440748893b257865'; // Forta / Etherscan: Fake_Phishing
  const abi = parseAbi(['function approve(address spender, uint256 amount) returns (bool)']);
  const inputs = [
    JSON.stringify({ chainId: 1, to: drainer, value: '1' }),
    JSON.stringify({
      chainId: 1,
      to: usdc,
      data: encodeFunctionData({ abi, functionName: 'approve', args: [drainer, 1n] }),
    }),
    JSON.stringify({ chainId: 1, to: drainer, data: '0xdeadbeef' }),
  ];
  for (const input of inputs) {
    const decision = decide({ input });
    expect(decision.verdict, input).toBe('block');
    expect(decision.findings[0]).toMatchObject({ rule: 'address.known-malicious', severity: 'critical' });
  }
});

test('order, delegation and delegatecall rules obey their policy overrides', () => {
  const off = (rule: string) => ({ ...defaultPolicy(), rules: { [rule]: { enabled: false } } });
  const cases: [string, string][] = [
    ['order.proceeds-to-other', seaportOrder([{ amount: '1000000000000000000', recipient: stranger }])],
    ['order.zero-price', seaportOrder([])],
    [
      'delegate.7702-unknown',
      JSON.stringify({
        to: alice,
        type: '0x4',
        chainId: 1,
        authorizationList: [{ chainId: '0x1', address: stranger, nonce: '0x0' }],
      }),
    ],
    [
      'delegate.7702-all-chains',
      JSON.stringify({
        to: alice,
        type: '0x4',
        chainId: 1,
        authorizationList: [{ chainId: '0x0', address: stranger, nonce: '0x0' }],
      }),
    ],
  ];
  for (const [rule, input] of cases) {
    expect(
      decide({ input }).findings.map((f) => f.rule),
      rule,
    ).toContain(rule);
    expect(
      decide({ input, policy: off(rule) }).findings.map((f) => f.rule),
      rule,
    ).not.toContain(rule);
  }
  // A severity override moves the verdict: a zero-price order downgraded to low no longer blocks.
  const lowered = { ...defaultPolicy(), rules: { 'order.zero-price': { severity: 'low' as const } } };
  expect(decide({ input: seaportOrder([]) }).verdict).toBe('block');
  expect(decide({ input: seaportOrder([]), policy: lowered }).verdict).not.toBe('block');
});

test('order.bulk fires on a bulk-order signature, and obeys its override', () => {
  const bulk = JSON.stringify({
    types: { BulkOrder: [{ name: 'tree', type: 'uint256[]' }] },
    primaryType: 'BulkOrder',
    domain: { name: 'Seaport', version: '1.5', chainId: 1, verifyingContract: seaport },
    message: { tree: [1, 2] },
  });
  expect(decide({ input: bulk }).findings.map((f) => f.rule)).toContain('order.bulk');
  expect(
    decide({ input: seaportOrder([{ amount: '1', recipient: alice }]) }).findings.map((f) => f.rule),
  ).not.toContain('order.bulk');
  const off = { ...defaultPolicy(), rules: { 'order.bulk': { enabled: false } } };
  expect(decide({ input: bulk, policy: off }).findings.map((f) => f.rule)).not.toContain('order.bulk');
});
