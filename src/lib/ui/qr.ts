import { encode } from 'uqr';

/** A QR code drawn as one SVG path. */
export type QrPath = {
  /** Modules per side, the quiet zone included: the SVG's viewBox is `0 0 size size`. */
  readonly size: number;
  /** The dark modules, one `M x y h n v 1 h -n z` rectangle per horizontal run. */
  readonly d: string;
};

/** Modules of white around the code, as the QR specification asks of scanners' input. */
const QUIET_ZONE = 4;

/** Encodes `text` (error correction M) and draws its dark modules as one path, row by row. */
export function qrPath(text: string): QrPath {
  const { size, data } = encode(text, { ecc: 'M', border: QUIET_ZONE });
  const parts: string[] = [];
  for (const [y, row] of data.entries()) {
    for (let x = 0; x < size; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      let run = 1;
      while (row[x + run]) run++;
      parts.push(`M${x} ${y}h${run}v1h-${run}z`);
      x += run;
    }
  }
  return { size, d: parts.join('') };
}
