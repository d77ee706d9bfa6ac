import { encode } from 'uqr';
import { describe, expect, test } from 'vitest';
import { qrPath } from './qr';

const uri =
  'wc:7f6e504bfad60b485450578e05678ed3e8e8c4751d3c6160be17160d63ec90f9@2?relay-protocol=irn&symKey=587d5484ce2a2a6ee3ba1962fdd7e8588e06200c46823bd18fbd67def96ad303&expiryTimestamp=1705667684';

/** The cells a path paints, read back from its `M x y h n v1 h-n z` runs. */
function cells(d: string): Set<string> {
  const out = new Set<string>();
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, run, back] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    expect(back).toBe(run);
    for (let i = 0; i < run; i++) out.add(`${x + i},${y}`);
  }
  return out;
}

describe('qrPath', () => {
  test('paints exactly the dark modules of the code, with a 4-module quiet zone', () => {
    const { size, d } = qrPath(uri);
    const { data } = encode(uri, { ecc: 'M', border: 4 });
    expect(size).toBe(data.length);
    expect(d).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    const dark = new Set<string>();
    for (const [y, row] of data.entries()) for (const [x, on] of row.entries()) if (on) dark.add(`${x},${y}`);
    expect(cells(d)).toEqual(dark);
    for (const cell of cells(d)) {
      const [x, y] = cell.split(',').map(Number) as [number, number];
      expect(Math.min(x, y)).toBeGreaterThanOrEqual(4);
      expect(Math.max(x, y)).toBeLessThan(size - 4);
    }
  });

  test('a WalletConnect URI fits a version a phone reads easily', () => {
    // Version v has 17 + 4v modules; plus the quiet zone on both sides.
    const version = (qrPath(uri).size - 8 - 17) / 4;
    expect(version).toBeGreaterThanOrEqual(1);
    expect(version).toBeLessThanOrEqual(12);
  });

  test('different text, different code', () => {
    expect(qrPath(uri).d).not.toBe(qrPath(uri.replace('587d', '587e')).d);
  });
});
