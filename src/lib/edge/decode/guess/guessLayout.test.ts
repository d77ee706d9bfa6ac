import fc from 'fast-check';
import {
  type AbiParameter,
  encodeAbiParameters,
  encodeFunctionData,
  type Hex,
  parseAbi,
  parseAbiParameters,
  toHex,
} from 'viem';
import { describe, expect, test } from 'vitest';
import { guessLayout } from './guessLayout';

const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const seaport = '0x0000000000000068F116a894984e2DB1123eB395'; // 7 leading zero bytes: still an address
const hash = '0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8';
const maxUint256 = 2n ** 256n - 1n;
/** A selector no known function has. */
const selector = '0xdeadbeef';

const erc20 = parseAbi([
  'function transfer(address to, uint256 amount)',
  'function approve(address, uint256)',
]);
const transfer = encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [alice, 10n ** 18n] });
const approve = encodeFunctionData({ abi: erc20, functionName: 'approve', args: [usdc, maxUint256] });

/** Canonical type of a parameter: `(address,uint256)[]`. */
function canonical(param: AbiParameter): string {
  if (!param.type.startsWith('tuple')) return param.type;
  const { components } = param as { components: readonly AbiParameter[] };
  return `(${components.map(canonical).join(',')})${param.type.slice('tuple'.length)}`;
}

function calldata(types: string, values: readonly unknown[]): Hex {
  return `${selector}${encodeAbiParameters(parseAbiParameters(types), values as never).slice(2)}`;
}

/** The acceptance test of any guess: the guessed layout re-encodes to exactly the arguments. */
function expectConsistent(data: Hex, guess: ReturnType<typeof guessLayout>): void {
  if (!guess) return;
  expect(encodeAbiParameters(guess.params, guess.values as never)).toBe(`0x${data.slice(10).toLowerCase()}`);
}

type Row = {
  /** The real signature's parameter types. */
  readonly types: string;
  readonly values: readonly unknown[];
  /** The guessed canonical types, where they differ from `types` (a documented equivalent). */
  readonly guess?: readonly string[];
  /** The guessed values, where they differ from `values`. */
  readonly guessedValues?: readonly unknown[];
};

const rows: Record<string, Row> = {
  'transfer(address,uint256)': { types: 'address,uint256', values: [alice, 10n ** 18n] },
  'approve(address,uint256) unlimited (2^256 - 1 is a number, not bytes32)': {
    types: 'address,uint256',
    values: [usdc, maxUint256],
  },
  'multicall(bytes[])': { types: 'bytes[]', values: [[transfer, approve, '0x']] },
  'multicall(uint256,bytes[]) with a deadline': {
    types: 'uint256,bytes[]',
    values: [1_700_000_000n, [approve]],
  },
  'f(string,uint256[])': { types: 'string,uint256[]', values: ['hello, world', [1n, 2n, 3n]] },
  'execute(bytes,bytes[],uint256)': {
    types: 'bytes,bytes[],uint256',
    values: [
      '0x0b000c',
      [encodeAbiParameters(parseAbiParameters('address,uint256'), [alice, 5n]), '0x1234'],
      1_700_000_000n,
    ],
  },
  'f((address,uint256)[])': {
    types: '(address,uint256)[]',
    values: [
      [
        [alice, 5n],
        [usdc, 10n ** 6n],
        [seaport, 0n],
      ],
    ],
  },
  'f(bytes32,bool): a bool reads as uint256 (0 and 1 are always ambiguous)': {
    types: 'bytes32,bool',
    values: [hash, true],
    guess: ['bytes32', 'uint256'],
    guessedValues: [hash, 1n],
  },
  'exactInput((bytes,address,uint256,uint256,uint256)): a dynamic tuple': {
    types: '(bytes,address,uint256,uint256,uint256)',
    values: [
      [`${usdc.toLowerCase()}000bb8${alice.slice(2).toLowerCase()}`, alice, 1_700_000_000n, 10n ** 18n, 1n],
    ],
  },
  'f((uint256,bytes)[]): an array of dynamic tuples': {
    types: '(uint256,bytes)[]',
    values: [
      [
        [1n, '0x12'],
        [64n, '0x3456'], // 64 alone reads as an offset: the other element settles the type
      ],
    ],
  },
  'f(uint256[][]) with an empty inner array': { types: 'uint256[][]', values: [[[1n], [2n, 3n], []]] },
  'f(string[]) with an empty string': { types: 'string[]', values: [['a', '', 'hello world']] },
  'f(string[]) where one item is not text: all bytes': {
    types: 'string[]',
    values: [['a', '\u0000b']],
    guess: ['bytes[]'],
    guessedValues: [['0x61', '0x0062']],
  },
  'f(address[])': { types: 'address[]', values: [[alice, usdc, seaport]] },
  'f(bytes32[]) of hashes': { types: 'bytes32[]', values: [[hash, hash.replace('1c', '2d')]] },
  'f(uint256,uint256[]): powers of two are numbers': {
    types: 'uint256,uint256[]',
    values: [2n ** 200n, [2n ** 255n, 1n]],
  },
  'f(uint256[]) of one value with 31 low zero bytes: the same bytes as one byte of bytes': {
    types: 'uint256[]',
    values: [[2n ** 255n]],
    guess: ['bytes'],
    guessedValues: ['0x80'],
  },
  'safeTransferFrom(address,address,uint256,uint256,bytes) with empty data': {
    types: 'address,address,uint256,uint256,bytes',
    values: [alice, usdc, 7n, 1n, '0x'],
  },
  'f(bytes) empty: bytes': { types: 'bytes', values: ['0x'] },
  'f(uint256[]) empty: the same bytes as empty bytes': {
    types: 'uint256[]',
    values: [[]],
    guess: ['bytes'],
    guessedValues: ['0x'],
  },
  'f(string) with a direction override: bytes, never text': {
    types: 'string',
    values: ['abc\u202Edef'],
    guess: ['bytes'],
    guessedValues: [toHex('abc\u202Edef')],
  },
  'execTransaction (Safe): uint8 reads as uint256, zero addresses as uint256': {
    types: 'address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes',
    values: [
      usdc,
      0n,
      transfer,
      0,
      0n,
      0n,
      0n,
      '0x0000000000000000000000000000000000000000',
      '0x0000000000000000000000000000000000000000',
      `0x${'ab'.repeat(65)}`,
    ],
    guess: [
      'address',
      'uint256',
      'bytes',
      'uint256',
      'uint256',
      'uint256',
      'uint256',
      'uint256',
      'uint256',
      'bytes',
    ],
    guessedValues: [usdc, 0n, transfer, 0n, 0n, 0n, 0n, 0n, 0n, `0x${'ab'.repeat(65)}`],
  },
  'exactInputSingle: a static tuple is flattened, uint24 and uint160 read as uint256': {
    types: '(address,address,uint24,address,uint256,uint256,uint256,uint160)',
    values: [[usdc, seaport, 3000, alice, 1_700_000_000n, 10n ** 6n, 0n, 0n]],
    guess: ['address', 'address', 'uint256', 'address', 'uint256', 'uint256', 'uint256', 'uint256'],
    guessedValues: [usdc, seaport, 3000n, alice, 1_700_000_000n, 10n ** 6n, 0n, 0n],
  },
  'a nested tuple with an array inside: f((address,(uint256,bytes[])))': {
    types: '(address,(uint256,bytes[]))',
    values: [[alice, [5n, [transfer, approve]]]],
  },
  'round numbers under 2^160 read as uint256: 10^30, 2^128 - 1': {
    types: 'uint256,uint256',
    values: [10n ** 30n, 2n ** 128n - 1n],
  },
};

describe('guessLayout: known signatures under an unknown selector', () => {
  test.each(Object.entries(rows))('%s', (_, row) => {
    const data = calldata(row.types, row.values);
    const guess = guessLayout(data);
    expect(guess).toBeDefined();
    const expectedTypes = row.guess ?? parseAbiParameters(row.types).map(canonical);
    expect(guess?.params.map(canonical)).toEqual(expectedTypes);
    expect(guess?.values).toEqual(row.guessedValues ?? row.values);
    expectConsistent(data, guess);
  });

  test('no arguments: an empty layout', () => {
    expect(guessLayout('0x12345678')).toEqual({ params: [], values: [] });
  });

  test('upper-case hex', () => {
    const data = calldata('address,uint256', [alice, 5n]).toUpperCase().replace('0X', '0x') as Hex;
    expect(guessLayout(data)?.values).toEqual([alice, 5n]);
  });

  test('ambiguity: a uint256 equal to the head size before the real offset reads as the offset', () => {
    // f(uint256 64, bytes b) and f(bytes b, uint256 64) encode to the same bytes; the earliest reads.
    const data = calldata('uint256,bytes', [64n, '0x1234']);
    const guess = guessLayout(data);
    expect(guess?.params.map(canonical)).toEqual(['bytes', 'uint256']);
    expectConsistent(data, guess);
  });
});

describe('guessLayout: malformed and hostile input', () => {
  const word = (n: bigint) => n.toString(16).padStart(64, '0');
  const cases: Record<string, string> = {
    'not hex': '0xdeadbeefzz',
    'no 0x': 'deadbeef',
    empty: '0x',
    'under 4 bytes': '0x1234',
    'odd length': `${selector}${word(1n)}0`,
    'arguments not a whole number of words': `${selector}${word(1n)}00`,
    'truncated: transfer minus its last byte': transfer.slice(0, -2),
    'truncated: multicall minus its last word': calldata('bytes[]', [[transfer]]).slice(0, -64),
    'trailing bytes after a multicall': `${calldata('bytes[]', [[transfer]])}${word(0n)}`,
    'offset out of range': `${selector}${word(2n ** 64n)}${word(0n)}`,
    'offset just past the end': `${selector}${word(64n)}${word(0n)}`,
    'offset not word-aligned': `${selector}${word(33n)}${word(0n)}${word(0n)}`,
    'offset to itself': `${selector}${word(0n)}${word(1n)}`,
    'circular: a tail pointing back to the head': `${selector}${word(32n)}${word(0n)}`,
    'circular: array items pointing at each other': `${selector}${word(32n)}${word(2n)}${word(96n)}${word(64n)}${word(0n)}`,
    'length 2^255': `${selector}${word(32n)}${word(2n ** 255n)}${word(0n)}`,
    'length 2^256 - 1': `${selector}${word(32n)}${word(maxUint256)}${word(0n)}`,
    'length 2^53': `${selector}${word(32n)}${word(2n ** 53n)}${word(0n)}`,
    'count past the data': `${selector}${word(32n)}${word(1000n)}${word(64n)}`,
  };

  test.each(Object.entries(cases))(
    '%s: no throw; undefined or a consistent guess, in a few ms',
    (_, data) => {
      const guess = guessLayout(data as Hex);
      expectConsistent(data as Hex, guess);
    },
  );

  test('what cannot be a layout is undefined', () => {
    for (const name of [
      'not hex',
      'no 0x',
      'empty',
      'under 4 bytes',
      'odd length',
      'arguments not a whole number of words',
    ])
      expect(guessLayout(cases[name] as Hex), name).toBeUndefined();
    expect(guessLayout(cases['truncated: transfer minus its last byte'] as Hex)).toBeUndefined();
  });

  test('a broken structure is not read as one: every word static', () => {
    for (const name of [
      'offset out of range',
      'length 2^255',
      'count past the data',
      'circular: array items pointing at each other',
    ]) {
      const guess = guessLayout(cases[name] as Hex);
      expect(
        guess?.params.every((p) => !p.type.includes('[') && p.type !== 'bytes' && p.type !== 'string'),
        name,
      ).toBe(true);
    }
  });

  test('over maxWords: undefined', () => {
    const data = calldata('uint256[]', [[1n, 2n, 3n]]);
    expect(guessLayout(data, { maxWords: 4 })).toBeUndefined();
    expect(guessLayout(data, { maxWords: 5 })?.params.map(canonical)).toEqual(['uint256[]']);
  });

  test('limits: NaN is the default, others are clamped to a sensible range; never a throw', () => {
    const data = calldata('bytes[]', [[transfer]]);
    expect(guessLayout(data, { maxDepth: Number.NaN, maxWords: Number.NaN })?.params.map(canonical)).toEqual([
      'bytes[]',
    ]);
    const flat = guessLayout(data, { maxDepth: -1 }); // nothing nests: every word static
    expect(flat?.params.every((p) => ['uint256', 'address', 'bytes32'].includes(p.type))).toBe(true);
    expect(
      guessLayout(data, {
        maxDepth: Number.POSITIVE_INFINITY,
        maxWords: Number.POSITIVE_INFINITY,
      })?.params.map(canonical),
    ).toEqual(['bytes[]']);
    expect(guessLayout(data, { maxWords: -5 })).toBeUndefined();
  });

  test('nesting past maxDepth is not guessed as such', () => {
    const data = calldata('bytes[][][]', [[[['0x1234']]]]);
    expect(guessLayout(data)?.params.map(canonical)).toEqual(['bytes[][][]']);
    const shallow = guessLayout(data, { maxDepth: 2 });
    expect(shallow?.params.map(canonical)).not.toEqual(['bytes[][][]']);
    expectConsistent(data, shallow);
  });

  test('a long chain of offsets whose last tail fails terminates (speed is measured in guessLayout.bench.ts)', () => {
    for (const words of [64, 512, 4096]) {
      const head = words / 2;
      let args = '';
      for (let j = 0; j < head; j++) args += word(BigInt(32 * (head + j)));
      for (let j = 0; j < head - 1; j++) args += word(0n);
      args += word(1n);
      const data = `${selector}${args}` as Hex;
      const guess = guessLayout(data);
      expectConsistent(data, guess);
    }
  });
});

describe('guessLayout: properties', () => {
  /** Words that look like offsets, lengths and counts, with a few others: the hostile case. */
  const word = fc
    .oneof(
      fc.constantFrom(
        0n,
        1n,
        2n,
        3n,
        32n,
        64n,
        96n,
        128n,
        160n,
        192n,
        256n,
        2n ** 255n,
        maxUint256,
        2n ** 53n,
      ),
      fc.bigInt({ min: 0n, max: maxUint256 }),
    )
    .map((n) => n.toString(16).padStart(64, '0'));

  test('random bytes: no throw; undefined or a consistent guess', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1200 }), (bytes) => {
        const data = toHex(bytes);
        const guess = guessLayout(data);
        expectConsistent(data, guess);
        if (bytes.length >= 4 && (bytes.length - 4) % 32 === 0) expect(guess).toBeDefined();
      }),
      { numRuns: 1000 },
    );
  });

  test('random offset-like words: no throw; undefined or a consistent guess', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        const data = `${selector}${words.join('')}` as Hex;
        const guess = guessLayout(data);
        expectConsistent(data, guess);
      }),
      { numRuns: 2000 },
    );
  });

  test('valid encodings with one word replaced: no throw; undefined or a consistent guess', () => {
    const seeds = Object.values(rows).map((row) => calldata(row.types, row.values));
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), word, (data, at, replacement) => {
        const words = (data.length - 10) / 64;
        const i = at % words;
        const mutated = `${data.slice(0, 10 + 64 * i)}${replacement}${data.slice(10 + 64 * (i + 1))}` as Hex;
        expectConsistent(mutated, guessLayout(mutated));
      }),
      { numRuns: 2000 },
    );
  });

  test('random layouts of known types are guessed consistently', () => {
    const types = fc.constantFrom(
      'uint256',
      'address',
      'bytes32',
      'bytes',
      'string',
      'uint256[]',
      'bytes[]',
      '(address,uint256)[]',
      '(uint256,bytes)',
    );
    fc.assert(
      fc.property(fc.array(types, { minLength: 1, maxLength: 5 }), fc.nat(), (chosen, seed) => {
        const values = chosen.map((type, i) => sample(type, seed + i));
        const data = calldata(chosen.join(','), values);
        const guess = guessLayout(data);
        expect(guess).toBeDefined();
        expectConsistent(data, guess);
      }),
      { numRuns: 500 },
    );
  });
});

/** A deterministic value of `type`, varied by `seed`. */
function sample(type: string, seed: number): unknown {
  const n = BigInt(seed % 1000);
  switch (type) {
    case 'uint256':
      return n * 10n ** 18n;
    case 'address':
      return seed % 3 ? alice : usdc;
    case 'bytes32':
      return hash;
    case 'bytes':
      return `0x${'ab'.repeat(seed % 70)}`;
    case 'string':
      return 'x'.repeat(seed % 40);
    case 'uint256[]':
      return Array.from({ length: seed % 4 }, (_, i) => BigInt(i) * n);
    case 'bytes[]':
      return Array.from({ length: seed % 3 }, (_, i) => `0x${'cd'.repeat(i * 20 + (seed % 5))}`);
    case '(address,uint256)[]':
      return Array.from({ length: seed % 3 }, () => [alice, n]);
    default:
      return [n, `0x${'ef'.repeat(seed % 33)}`];
  }
}
