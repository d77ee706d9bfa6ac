#!/usr/bin/env node
// Writes Vigil's app icons: static/icons/icon-192.png, icon-512.png, icon-maskable-512.png and
// static/favicon.svg. Plain Node (zlib only): the mark is a shield with an eye, drawn from the same
// geometry in the SVG and the PNGs (rasterized with 4×4 supersampling).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const colors = {
  background: '#0f172a',
  shield: '#22c3d6',
  eye: '#0f172a',
  pupil: '#22c3d6',
  glint: '#e6fbff',
};

// Geometry in a 64×64 design space. Paths are lists of segments: a start point, then lines (L),
// cubic (C) and quadratic (Q) curves.
const shieldPath = [
  ['M', 32, 6],
  ['L', 54, 13],
  ['L', 54, 30],
  ['C', 54, 44, 44, 53, 32, 58],
  ['C', 20, 53, 10, 44, 10, 30],
  ['L', 10, 13],
];
const eyePath = [
  ['M', 17, 31],
  ['Q', 32, 17, 47, 31],
  ['Q', 32, 45, 17, 31],
];
const pupil = { cx: 32, cy: 31, r: 5.5 };
const glint = { cx: 34, cy: 29, r: 1.6 };

/** Flattens a path into a polygon. */
function flatten(path, steps = 24) {
  const points = [];
  let x = 0;
  let y = 0;
  for (const [op, ...a] of path) {
    if (op === 'M' || op === 'L') {
      [x, y] = a;
      points.push([x, y]);
    } else if (op === 'Q') {
      const [cx, cy, ex, ey] = a;
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        points.push([u * u * x + 2 * u * t * cx + t * t * ex, u * u * y + 2 * u * t * cy + t * t * ey]);
      }
      [x, y] = [ex, ey];
    } else if (op === 'C') {
      const [c1x, c1y, c2x, c2y, ex, ey] = a;
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        points.push([
          u * u * u * x + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * ex,
          u * u * u * y + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * ey,
        ]);
      }
      [x, y] = [ex, ey];
    }
  }
  return points;
}

function bounds(points) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return {
    points,
    minX: Math.min(...xs),
    maxX: Math.max(...xs),
    minY: Math.min(...ys),
    maxY: Math.max(...ys),
  };
}

function inShape(shape, px, py) {
  if (px < shape.minX || px > shape.maxX || py < shape.minY || py > shape.maxY) return false;
  return inPolygon(shape.points, px, py);
}

function inPolygon(points, px, py) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inCircle = (c, px, py) => (px - c.cx) ** 2 + (py - c.cy) ** 2 <= c.r * c.r;

function inRoundedSquare(px, py, size, radius) {
  const cx = Math.min(Math.max(px, radius), size - radius);
  const cy = Math.min(Math.max(py, radius), size - radius);
  return (px - cx) ** 2 + (py - cy) ** 2 <= radius * radius;
}

const rgb = (hex) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/**
 * Renders the icon. `markScale` shrinks the 64-unit mark around the centre; `cornerRadius` (in
 * 64ths) rounds the background, 0 fills the whole square (maskable).
 */
function render(size, { markScale, cornerRadius }) {
  const shield = bounds(flatten(shieldPath));
  const eye = bounds(flatten(eyePath));
  const palette = Object.fromEntries(Object.entries(colors).map(([k, v]) => [k, rgb(v)]));
  const pixels = Buffer.alloc(size * size * 4);
  const sub = 4;
  const unit = size / 64;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < sub; sy++) {
        for (let sx = 0; sx < sub; sx++) {
          // Sample point in design units, then undo the mark's scaling around (32, 32).
          const dx = (x + (sx + 0.5) / sub) / unit;
          const dy = (y + (sy + 0.5) / sub) / unit;
          if (cornerRadius > 0 && !inRoundedSquare(dx, dy, 64, cornerRadius)) continue;
          const mx = 32 + (dx - 32) / markScale;
          const my = 32 + (dy - 32) / markScale;
          let color = palette.background;
          if (inShape(shield, mx, my)) {
            color = palette.shield;
            if (inShape(eye, mx, my)) color = palette.eye;
            if (inCircle(pupil, mx, my)) color = palette.pupil;
            if (inCircle(glint, mx, my)) color = palette.glint;
          }
          r += color[0];
          g += color[1];
          b += color[2];
          a += 255;
        }
      }
      const n = sub * sub;
      const covered = a / 255;
      const o = (y * size + x) * 4;
      // Straight (non-premultiplied) alpha: average colour over covered samples.
      pixels[o] = covered ? Math.round(r / covered) : 0;
      pixels[o + 1] = covered ? Math.round(g / covered) : 0;
      pixels[o + 2] = covered ? Math.round(b / covered) : 0;
      pixels[o + 3] = Math.round(a / n);
    }
  }
  return pixels;
}

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, filter 0 on every row). */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function svgPath(path) {
  return `${path.map(([op, ...a]) => `${op}${a.join(' ')}`).join(' ')} Z`;
}

function faviconSvg() {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <title>Vigil</title>
  <rect width="64" height="64" rx="14" fill="${colors.background}"/>
  <g transform="translate(32 32) scale(0.86) translate(-32 -32)">
    <path d="${svgPath(shieldPath)}" fill="${colors.shield}"/>
    <path d="${svgPath(eyePath)}" fill="${colors.eye}"/>
    <circle cx="${pupil.cx}" cy="${pupil.cy}" r="${pupil.r}" fill="${colors.pupil}"/>
    <circle cx="${glint.cx}" cy="${glint.cy}" r="${glint.r}" fill="${colors.glint}"/>
  </g>
</svg>
`;
}

const outputs = [
  { file: 'static/icons/icon-192.png', size: 192, markScale: 0.86, cornerRadius: 14 },
  { file: 'static/icons/icon-512.png', size: 512, markScale: 0.86, cornerRadius: 14 },
  // Maskable: full-bleed background, the mark inside the central safe circle (radius 40%).
  { file: 'static/icons/icon-maskable-512.png', size: 512, markScale: 0.74, cornerRadius: 0 },
];

mkdirSync(join(root, 'static/icons'), { recursive: true });
for (const { file, size, ...options } of outputs) {
  writeFileSync(join(root, file), encodePng(size, render(size, options)));
  console.log(`wrote ${file}`);
}
writeFileSync(join(root, 'static/favicon.svg'), faviconSvg());
console.log('wrote static/favicon.svg');
