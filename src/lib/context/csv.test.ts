import fc from 'fast-check';
import { type Address, getAddress } from 'viem';
import { describe, expect, test } from 'vitest';
import { type CsvContact, contactsToCsv, MAX_CSV_CHARS, parseContactsCsv } from './csv';
import { ContextError } from './errors';

const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const bob = '0x1111111111111111111111111111111111111111';
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

function problems(text: string): string {
  try {
    parseContactsCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ContextError);
    expect((error as ContextError).code).toBe('invalidInput');
    return (error as ContextError).message;
  }
  throw new Error('expected parseContactsCsv to reject');
}

describe('parseContactsCsv', () => {
  test('a simple file', () => {
    expect(parseContactsCsv(`name,address,chains,notes\nAlice,${alice},1;10,friend\nBob,${bob},,\n`)).toEqual(
      [
        { name: 'Alice', address: alice, chains: [1, 10], notes: 'friend' },
        { name: 'Bob', address: bob, chains: [], notes: '' },
      ],
    );
  });

  test('header in any case and order; optional columns may be left out', () => {
    expect(parseContactsCsv(`ADDRESS, Name \r\n${alice.toLowerCase()},Alice`)).toEqual([
      { name: 'Alice', address: alice, chains: [], notes: '' },
    ]);
    expect(parseContactsCsv(`Notes,Chains,Address,NAME\nhi,8453 1  10,${alice},Alice\n`)).toEqual([
      { name: 'Alice', address: alice, chains: [8453, 1, 10], notes: 'hi' },
    ]);
  });

  test('RFC 4180 quoting: commas, doubled quotes, line breaks inside quotes', () => {
    const text = [
      'name,address,notes',
      `"Smith, John",${alice},"said ""hi"""`,
      `"multi`,
      `line",${bob},"a\r\nb"`,
      `"",${usdc},""`,
    ].join('\r\n');
    const message = problems(text);
    // Lines 3–5 hold one record (two line breaks inside quotes): the empty name is on line 6.
    expect(message).toContain('line 6: the name is empty.');
    const ok = text.replace('"",', '"USDC",');
    expect(parseContactsCsv(ok)).toEqual([
      { name: 'Smith, John', address: alice, chains: [], notes: 'said "hi"' },
      { name: 'multi\r\nline', address: bob, chains: [], notes: 'a\r\nb' },
      { name: 'USDC', address: usdc, chains: [], notes: '' },
    ]);
  });

  test('UTF-8 BOM, blank lines, lone CR line ends and a trailing empty line are fine', () => {
    const text = `\ufeffname,address\r\n\r\nAlice,${alice}\rBob,${bob}\n\n`;
    expect(parseContactsCsv(text).map((c) => c.name)).toEqual(['Alice', 'Bob']);
  });

  test('names and notes are trimmed; unicode is kept', () => {
    expect(parseContactsCsv(`name,address,notes\n  张三 🦊 ,${alice},  héllo\u00a0 \n`)).toEqual([
      { name: '张三 🦊', address: alice, chains: [], notes: 'héllo' },
    ]);
  });

  test('a quote inside an unquoted field is taken literally', () => {
    expect(parseContactsCsv(`name,address\nThe "Boss",${alice}`)[0]?.name).toBe('The "Boss"');
  });

  test('addresses in any case come back checksummed; repeated chains are dropped', () => {
    const upper = `0x${alice.slice(2).toUpperCase()}`;
    expect(parseContactsCsv(`name,address,chains\nA,${upper},1;1; 2`)).toEqual([
      { name: 'A', address: alice, chains: [1, 2], notes: '' },
    ]);
  });

  test('a header-only file has no contacts', () => {
    expect(parseContactsCsv('name,address\n')).toEqual([]);
  });

  test.each([
    ['empty file', '', 'the file is empty'],
    ['only blank lines', '\n\r\n\n', 'the file is empty'],
    ['missing address column', `name,notes\nA,x`, 'line 1: the address column is missing.'],
    ['missing name column', `address\n${alice}`, 'line 1: the name column is missing.'],
    ['unknown column', `name,address,email\nA,${alice},a@b`, 'line 1: unknown column "email"'],
    ['repeated column', `name,address,Name\nA,${alice},B`, 'line 1: the column name appears twice.'],
    ['__proto__ column', `name,address,__proto__\nA,${alice},x`, 'line 1: unknown column "__proto__"'],
    ['constructor column', `name,address,constructor\nA,${alice},x`, 'line 1: unknown column "constructor"'],
    ['short address', `name,address\nA,0x12`, 'line 2: address 0x12 is not a 20-byte address'],
    ['no 0x', `name,address\nA,${alice.slice(2)}`, 'is not a 20-byte address'],
    ['ENS name', `name,address\nA,vitalik.eth`, 'line 2: address "vitalik.eth" is not a 20-byte address'],
    ['empty address', `name,address\nA,`, 'line 2: the address is empty.'],
    [
      'wrong checksum',
      `name,address\nA,${alice.replace('dA6', 'Da6')}`,
      `line 2: address ${alice.replace('dA6', 'Da6')} has a wrong checksum (EIP-55 expects ${alice})`,
    ],
    ['empty name', `name,address\n   ,${alice}`, 'line 2: the name is empty.'],
    ['long name', `name,address\n${'n'.repeat(201)},${alice}`, 'line 2: the name is 201 characters long'],
    [
      'long notes',
      `name,address,notes\nA,${alice},${'n'.repeat(2001)}`,
      'line 2: the notes are 2001 characters',
    ],
    ['chain 0', `name,address,chains\nA,${alice},0`, 'line 2: chain 0 is not a positive whole number.'],
    [
      'negative chain',
      `name,address,chains\nA,${alice},-1`,
      'line 2: chain "-1" is not a positive whole number.',
    ],
    ['hex chain', `name,address,chains\nA,${alice},0x1`, 'line 2: chain 0x1 is not'],
    ['fractional chain', `name,address,chains\nA,${alice},1.5`, 'line 2: chain "1.5" is not'],
    [
      'chain beyond safe integers',
      `name,address,chains\nA,${alice},9007199254740993`,
      'line 2: chain 9007199254740993',
    ],
    ['chains split by commas', `name,address,chains\nA,${alice},"1,2"`, 'line 2: chain "1,2" is not'],
    ['too few fields', `name,address,notes\nA,${alice}`, 'line 2: expected 3 fields, found 2.'],
    ['too many fields', `name,address\nA,${alice},x`, 'line 2: expected 2 fields, found 3.'],
    ['all-empty row', `name,address\n,`, 'line 2: the name is empty.'],
    [
      'unterminated quote',
      `name,address\nA,${alice}\n"Bob,${bob}\nC,${usdc}\n`,
      'line 3: a quoted field is never closed.',
    ],
    ['text after a closing quote', `name,address\n"A"x,${alice}`, 'line 2: text follows a closing quote'],
    [
      'duplicate address names both lines',
      `name,address\nA,${alice}\nB,${bob}\nC,${alice.toLowerCase()}`,
      `line 4: address ${alice} is already on line 2.`,
    ],
    [
      'line numbers count lines inside quoted fields',
      `name,address,notes\nA,${alice},"one\ntwo\nthree"\nB,0x12,`,
      'line 5: address 0x12',
    ],
    [
      'a hostile cell is quoted and cut in the message',
      `name,address\nA,<script>alert(1)</script>${'x'.repeat(1000)}`,
      'line 2: address "<script>alert(1)</script>xxxxxxxxxxxxxxxxxxxxxxx…" is not',
    ],
  ])('%s is rejected', (_name, text, expected) => {
    const message = problems(text);
    expect(message).toContain(expected);
    expect(message.length).toBeLessThan(2_000);
  });

  test('every problem of a row is reported, and nothing is returned', () => {
    const message = problems(`name,address,chains\n,0x12,0\nGood,${alice},1`);
    expect(message).toContain('3 problems');
    expect(message).toContain('line 2: the name is empty.');
    expect(message).toContain('line 2: address 0x12');
    expect(message).toContain('line 2: chain 0');
  });

  test('the first ten problems are listed, and how many more there are', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `C${i},0x${i}`);
    const message = problems(`name,address\n${rows.join('\n')}`);
    const lines = message.split('\n');
    expect(lines[0]).toBe('The CSV file cannot be imported; it has 25 problems:');
    expect(lines.slice(1, 11)).toEqual(
      Array.from(
        { length: 10 },
        (_, i) => `line ${i + 2}: address 0x${i} is not a 20-byte address (0x followed by 40 hex digits).`,
      ),
    );
    expect(lines[11]).toBe('…and 15 more.');
    expect(lines).toHaveLength(12);
  });

  test('more than 10,000 contacts are rejected; 10,000 are fine', () => {
    const row = (i: number) => `C${i},${getAddress(`0x${i.toString(16).padStart(40, '0')}`)}`;
    const rows = Array.from({ length: 10_001 }, (_, i) => row(i + 1));
    expect(parseContactsCsv(`name,address\n${rows.slice(0, 10_000).join('\n')}`)).toHaveLength(10_000);
    expect(problems(`name,address\n${rows.join('\n')}`)).toContain(
      'the file has 10001 contacts; at most 10000',
    );
  });

  test('a text over 1 MiB is rejected before it is read', () => {
    const header = `name,address\nA,${alice}\n`;
    const padded = header + '\n'.repeat(MAX_CSV_CHARS - header.length);
    expect(parseContactsCsv(padded)).toHaveLength(1);
    expect(problems(`${padded}\n`)).toContain('larger than 1 MiB');
  });

  test('a non-string argument is invalid input', () => {
    expect(problems(undefined as unknown as string)).toContain('not text');
  });

  test('property: any text is parsed or rejected with invalidInput, never another error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc
            .array(
              fc.constantFrom('name', 'address', ',', '"', '""', '\n', '\r\n', '\r', alice, '1;2', 'x', ' '),
              {
                maxLength: 40,
              },
            )
            .map((parts) => parts.join('')),
        ),
        (text) => {
          try {
            const contacts = parseContactsCsv(text);
            for (const c of contacts) expect(getAddress(c.address)).toBe(c.address);
          } catch (error) {
            expect(error).toBeInstanceOf(ContextError);
            expect((error as ContextError).code).toBe('invalidInput');
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('contactsToCsv', () => {
  test('header, CRLF line ends, chains joined by ;', () => {
    expect(
      contactsToCsv([
        { name: 'Alice', address: alice, chains: [1, 10], notes: 'friend' },
        { name: 'Bob', address: bob, chains: [], notes: '' },
      ]),
    ).toBe(`name,address,chains,notes\r\nAlice,${alice},1;10,friend\r\nBob,${bob},,\r\n`);
  });

  test('cells with commas, quotes or line breaks are quoted, quotes doubled', () => {
    expect(contactsToCsv([{ name: 'Smith, "J"', address: alice, chains: [], notes: 'a\nb' }])).toBe(
      `name,address,chains,notes\r\n"Smith, ""J""",${alice},,"a\nb"\r\n`,
    );
  });

  test.each(['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])(
    'a cell starting like a formula (%j) is prefixed with a quote',
    (dangerous) => {
      const csv = contactsToCsv([{ name: dangerous, address: alice, chains: [], notes: dangerous }]);
      const row = csv.split('\r\n')[1] as string;
      expect(row.startsWith(`'${dangerous.replace(/"/g, '""')}`) || row.startsWith(`"'`)).toBe(true);
      expect(csv).not.toMatch(/(^|,|\r\n)[=+\-@\t\r]/);
    },
  );

  test('a leading quote added on export is kept on import (documented, not stripped)', () => {
    const exported = contactsToCsv([{ name: '=cmd|calc', address: alice, chains: [], notes: '@note' }]);
    expect(parseContactsCsv(exported)).toEqual([
      { name: "'=cmd|calc", address: alice, chains: [], notes: "'@note" },
    ]);
    // A leading quote the user typed is left alone on export too.
    const typed = contactsToCsv([{ name: "'quoted", address: alice, chains: [], notes: '' }]);
    expect(parseContactsCsv(typed)[0]?.name).toBe("'quoted");
  });

  test('property: parse(toCsv(x)) round-trips for names and notes not starting like a formula', () => {
    const text = (min: number, max: number) =>
      fc
        .string({
          minLength: min,
          maxLength: max,
          unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '"', '\n', '\r\n', ';', "'", '=', '张', '🦊', '-'),
        })
        .map((s) => s.trim())
        .filter((s) => s.length >= min && !/^[=+\-@\t\r]/.test(s));
    const address = fc
      .uint8Array({ minLength: 20, maxLength: 20 })
      .map(
        (bytes) =>
          getAddress(`0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`) as Address,
      );
    const contact = fc.record({
      name: text(1, 50),
      address,
      chains: fc.uniqueArray(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), { maxLength: 4 }),
      notes: text(0, 80),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(contact, { maxLength: 8, selector: (c) => c.address }),
        (contacts: CsvContact[]) => {
          expect(parseContactsCsv(contactsToCsv(contacts))).toEqual(contacts);
        },
      ),
      { numRuns: 300 },
    );
  });
});
