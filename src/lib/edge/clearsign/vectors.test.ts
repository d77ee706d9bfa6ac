/**
 * The ERC-7730 registry's own test vectors (tests/fixtures/erc7730-tests, CC0-1.0) as a regression
 * score: what Vigil renders against the text a Ledger device showed for the same transaction or
 * typed data.
 *
 * The device's `expectedTexts` are screen captures, so they are normalized before comparing:
 * - the text is joined and split at the descriptor's labels (the device wraps values about every
 *   18 characters and sometimes puts several label/value pairs on one screen);
 * - device-only lines are ignored: `Interaction with` (the owner), `Max fees` (network fee),
 *   `Transaction signed`; `Transaction type` is the device's title for a nested call (compared
 *   with the intent Vigil shows for it);
 * - values are compared without whitespace and case-insensitively (addresses are checksummed on
 *   both sides; token lists sometimes spell a symbol in capitals, `CBBTC` for `cbBTC`);
 * - device dates (`2026-04-21 02:40:00 AM UTC`, or a bare `2026-03-04`) are read as the same
 *   instant as Vigil's 24-hour `2026-04-21 02:40:00 UTC`;
 * - `N ???` is the device's amount of a token it does not know: it matches Vigil's amount when the
 *   digits are the same (Vigil may know the token from its token list, or show base units too);
 *   `Unlimited ???` matches `Unlimited <symbol>`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hex } from 'viem';
import { expect, test } from 'vitest';
import { parseRawTransaction } from '../parse/parseRawTransaction';
import { parseTypedData } from '../parse/parseTypedData';
import { descriptorById, formatsOf } from './descriptors';
import { tryClearSignCalldata } from './tryClearSignCalldata';
import { type ClearSignTypedDataParameters, tryClearSignTypedData } from './tryClearSignTypedData';
import type { ClearSignDisplay, ClearSignOutcome, DescriptorField } from './types';

const root = 'tests/fixtures/erc7730-tests';
const UI_LABELS = ['Interaction with', 'Max fees'];
const NESTED_TITLE = 'Transaction type';

/** The floors: raise them when the renderer gets better; they fail when it gets worse. */
const FLOORS = { descriptor: 100, title: 98, fields: 83 };

type Vector = {
  file: string;
  descriptorId: string;
  description?: string;
  rawTx?: Hex;
  data?: unknown;
  expectedTexts: string[];
};

function loadVectors(): Vector[] {
  const vectors: Vector[] = [];
  for (const entity of readdirSync(root).sort()) {
    if (entity.endsWith('.md')) continue;
    for (const name of readdirSync(join(root, entity)).sort()) {
      const file = JSON.parse(readFileSync(join(root, entity, name), 'utf8')) as {
        tests: Omit<Vector, 'file'>[];
      };
      const descriptorId = `registry/${entity}/${name.replace(/\.tests\.json$/, '.json')}`;
      for (const test of file.tests)
        vectors.push({
          ...test,
          file: `${entity}/${name}`,
          descriptorId,
          expectedTexts: test.expectedTexts ?? [],
        });
    }
  }
  return vectors;
}

function run(vector: Vector): ClearSignOutcome {
  if (vector.rawTx) {
    const { tx } = parseRawTransaction(vector.rawTx);
    if (!tx.to || tx.chainId === undefined) throw new Error(`${vector.file}: no target or chain`);
    return tryClearSignCalldata({
      chainId: tx.chainId,
      to: tx.to,
      value: tx.value,
      data: tx.data,
      ...(tx.from && { from: tx.from }),
    });
  }
  const typed = parseTypedData(vector.data);
  return tryClearSignTypedData(typed as ClearSignTypedDataParameters);
}

function labelsOf(fields: readonly DescriptorField[] | undefined, into: Set<string>): void {
  for (const field of fields ?? []) {
    if (field.label) into.add(field.label);
    labelsOf(field.fields, into);
  }
}

const compact = (text: string) => text.replace(/\s+/g, '');
const sameLabel = (a: string, b: string) => compact(a).toLowerCase() === compact(b).toLowerCase();

/** The expected text as (label, value) pairs, split at known labels on word boundaries. */
function expectedPairs(texts: readonly string[], labels: ReadonlySet<string>): [string, string][] {
  const text = texts.join(' ').replace(/\s+/g, ' ').trim();
  const sorted = [...labels].sort((a, b) => b.length - a.length);
  const pairs: [string, string][] = [];
  let label: string | undefined;
  let value = '';
  let i = 0;
  while (i < text.length) {
    const atWord = i === 0 || text[i - 1] === ' ';
    const found = atWord
      ? sorted.find(
          (l) => text.startsWith(l, i) && (i + l.length === text.length || text[i + l.length] === ' '),
        )
      : undefined;
    if (found) {
      if (label !== undefined) pairs.push([label, value.trim()]);
      label = found;
      value = '';
      i += found.length;
      continue;
    }
    value += text[i];
    i++;
  }
  if (label !== undefined) pairs.push([label, value.trim()]);
  return pairs;
}

const MONTH_DATE = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}):(\d{2}):(\d{2}) (AM|PM) UTC)?$/;

function sameValue(expected: string, actual: string): boolean {
  const e = compact(expected);
  const a = compact(actual);
  if (e.toLowerCase() === a.toLowerCase()) return true;
  const date = MONTH_DATE.exec(expected.trim());
  if (date) {
    if (date[2] === undefined) return actual.startsWith(`${date[1]} `);
    let hour = Number(date[2]) % 12;
    if (date[5] === 'PM') hour += 12;
    return actual === `${date[1]} ${String(hour).padStart(2, '0')}:${date[3]}:${date[4]} UTC`;
  }
  const unknownWord = /^(\D+)\?\?\?$/.exec(e);
  if (unknownWord) return a.toLowerCase().startsWith((unknownWord[1] as string).toLowerCase());
  const unknown = /^(\d+)\?\?\?$/.exec(e);
  if (unknown) {
    const digits = (text: string) => text.replace(/[^\d]/g, '').replace(/^0+/, '').replace(/0+$/, '');
    const number = /^(-?[\d.]+)/.exec(a)?.[1];
    return number !== undefined && digits(number) === digits(unknown[1] as string);
  }
  return false;
}

type Score = {
  vectors: number;
  matched: number;
  titled: number;
  expected: number;
  found: number;
  empty: number;
};

function score(vector: Vector, outcome: ClearSignOutcome, score: Score, misses: string[]): void {
  score.vectors++;
  const display: ClearSignDisplay | null = outcome.display;
  if (display?.descriptor === vector.descriptorId) score.matched++;
  else
    misses.push(
      `${vector.file} "${vector.description}": descriptor ${display?.descriptor ?? outcome.reason?.code}`,
    );

  const expectedTitle = (vector.description ?? '').replace(/ - chain \d+$/, '');
  if (
    display &&
    (sameLabel(display.title, expectedTitle) ||
      vector.expectedTexts.some((text) => sameLabel(text, display.title)))
  )
    score.titled++;
  else misses.push(`${vector.file} "${vector.description}": title ${display?.title}`);

  const labels = new Set<string>([...UI_LABELS, NESTED_TITLE]);
  const descriptor = descriptorById(vector.descriptorId);
  if (descriptor) for (const format of Object.values(formatsOf(descriptor))) labelsOf(format.fields, labels);
  for (const field of display?.fields ?? []) labels.add(field.label);

  const unused = [...(display?.fields ?? [])];
  for (const [label, value] of expectedPairs(vector.expectedTexts, labels)) {
    if (UI_LABELS.includes(label) || value === 'signed') continue;
    if (value === '') {
      score.empty++;
      continue;
    }
    score.expected++;
    const index = unused.findIndex((field) =>
      label === NESTED_TITLE
        ? field.format === 'calldata' && sameValue(value, field.value)
        : sameLabel(field.label, label) && sameValue(value, field.value),
    );
    if (index >= 0) {
      score.found++;
      unused.splice(index, 1);
    } else {
      const got = display?.fields
        .filter((field) => sameLabel(field.label, label))
        .map((field) => field.value);
      misses.push(`${vector.file} "${vector.description}": ${label} = ${value} | got ${JSON.stringify(got)}`);
    }
  }
}

const percent = (part: number, whole: number) => (whole === 0 ? 100 : (100 * part) / whole);

test('ERC-7730 registry test vectors: descriptor, title and field scores', () => {
  const vectors = loadVectors();
  expect(vectors.length).toBeGreaterThan(250);
  const total: Score = { vectors: 0, matched: 0, titled: 0, expected: 0, found: 0, empty: 0 };
  const misses: string[] = [];
  for (const vector of vectors) score(vector, run(vector), total, misses);

  const scores = {
    descriptor: percent(total.matched, total.vectors),
    title: percent(total.titled, total.vectors),
    fields: percent(total.found, total.expected),
  };
  if (process.env.VECTORS_VERBOSE) console.log(misses.join('\n'));
  console.log(
    `ERC-7730 vectors: ${total.vectors} vectors; descriptor matched ${total.matched}/${total.vectors} (${scores.descriptor.toFixed(1)}%); ` +
      `title ${total.titled}/${total.vectors} (${scores.title.toFixed(1)}%); field values ${total.found}/${total.expected} (${scores.fields.toFixed(1)}%), ` +
      `${total.empty} expected labels without a value skipped`,
  );
  expect(scores.descriptor).toBeGreaterThanOrEqual(FLOORS.descriptor);
  expect(scores.title).toBeGreaterThanOrEqual(FLOORS.title);
  expect(scores.fields).toBeGreaterThanOrEqual(FLOORS.fields);
});

test('the normalization reads device wrapping, dates and unknown tokens', () => {
  const labels = new Set(['Spender', 'Max spending amount', 'Valid until', ...UI_LABELS]);
  expect(
    expectedPairs(
      [
        'Spender',
        '0x1111111254EEB25477 B68fb85Ed929f73A960 582',
        'Max spending amount',
        '2500 ARB',
        'Max fees',
        '0.1 ETH',
      ],
      labels,
    ),
  ).toEqual([
    ['Spender', '0x1111111254EEB25477 B68fb85Ed929f73A960 582'],
    ['Max spending amount', '2500 ARB'],
    ['Max fees', '0.1 ETH'],
  ]);
  expect(
    sameValue('0x1111111254EEB25477 B68fb85Ed929f73A960 582', '0x1111111254EEB25477B68fb85Ed929f73A960582'),
  ).toBe(true);
  expect(sameValue('2026-04-21 02:40:00 PM UTC', '2026-04-21 14:40:00 UTC')).toBe(true);
  expect(sameValue('1970-01-01 12:00:00 AM UTC', '1970-01-01 00:00:00 UTC')).toBe(true);
  expect(sameValue('2026-04-21 02:40:00 AM UTC', '2026-04-21 14:40:00 UTC')).toBe(false);
  expect(sameValue('1000000000 ???', '0.000000001 gtWETHe')).toBe(true);
  expect(sameValue('1000000000 ???', '1000000000')).toBe(true);
  expect(sameValue('1000000000 ???', '0.000000002 X')).toBe(false);
  expect(sameValue('Unlimited ???', 'Unlimited WCT')).toBe(true);
  expect(sameValue('0.5 WETH', '0.50 WETH')).toBe(false);
});
