import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Draws the app's two Teams icons without an image library: a shield (protection) with a tick
 * (assurance). color.png is 192x192 on the partnership teal; outline.png is 32x32, white on transparent,
 * as the Teams manifest requires.
 */
type RGBA = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function encodePng(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const p = pixel(x, y);
      raw.set(p, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Shield in unit coordinates (0..1): flat top, straight sides, curving to a point at the bottom. */
function inShield(u: number, v: number): boolean {
  if (v < 0.12 || v > 0.9) return false;
  const half = v < 0.5 ? 0.34 : 0.34 * Math.sqrt(Math.max(0, 1 - ((v - 0.5) / 0.4) ** 2));
  return Math.abs(u - 0.5) <= half;
}

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inTick(u: number, v: number, width: number): boolean {
  return distToSegment(u, v, 0.34, 0.5, 0.46, 0.63) < width || distToSegment(u, v, 0.46, 0.63, 0.68, 0.36) < width;
}

const TEAL: RGBA = [0, 105, 110, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

/** Supersamples each pixel 4x4 so the edges are smooth. */
function sampled(size: number, shade: (u: number, v: number) => RGBA): (x: number, y: number) => RGBA {
  return (x, y) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const c = shade((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size);
        acc[0] += c[0] * c[3];
        acc[1] += c[1] * c[3];
        acc[2] += c[2] * c[3];
        acc[3] += c[3];
      }
    const a = acc[3] / 16;
    return a === 0 ? CLEAR : [Math.round(acc[0] / acc[3]), Math.round(acc[1] / acc[3]), Math.round(acc[2] / acc[3]), Math.round(a)];
  };
}

export function colorIcon(): Buffer {
  return encodePng(
    192,
    sampled(192, (u, v) => {
      if (inShield(u, v)) return inTick(u, v, 0.045) ? TEAL : WHITE;
      return TEAL;
    }),
  );
}

export function outlineIcon(): Buffer {
  return encodePng(
    32,
    sampled(32, (u, v) => {
      const inside = inShield(u, v);
      const innerEdge = inShield(0.5 + (u - 0.5) * 1.22, 0.5 + (v - 0.5) * 1.16);
      if (inside && !innerEdge) return WHITE;
      if (inTick(u, v, 0.06) && inside) return WHITE;
      return CLEAR;
    }),
  );
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'appPackage');
  writeFileSync(join(dir, 'color.png'), colorIcon());
  writeFileSync(join(dir, 'outline.png'), outlineIcon());
  console.log('wrote appPackage/color.png and appPackage/outline.png');
}
