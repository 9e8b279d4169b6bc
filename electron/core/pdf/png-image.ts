/**
 * PNG → RGB for a PDF image XObject. Transparency is composited over white so that the signature appearance
 * needs no soft mask (PDF/A-1 forbids transparency). Non-interlaced PNGs of any colour type and bit depth.
 */
import { inflateSync } from 'node:zlib';
import { SigilloError, failure } from '../errors';

export interface RgbImage {
  width: number;
  height: number;
  /** 8-bit RGB, row after row */
  rgb: Uint8Array;
}

function bad(detail: string): SigilloError {
  return failure('IMAGE_UNSUPPORTED', { detail });
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(data: Buffer, height: number, rowLen: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * rowLen);
  for (let y = 0; y < height; y++) {
    const type = data[y * (rowLen + 1)];
    if (type === undefined) throw bad('truncated image data');
    const src = y * (rowLen + 1) + 1;
    const o = y * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const x = data[src + i] ?? 0;
      const a = i >= bpp ? out[o + i - bpp]! : 0;
      const b = y > 0 ? out[o - rowLen + i]! : 0;
      const c = i >= bpp && y > 0 ? out[o - rowLen + i - bpp]! : 0;
      const pred =
        type === 0
          ? 0
          : type === 1
            ? a
            : type === 2
              ? b
              : type === 3
                ? (a + b) >> 1
                : type === 4
                  ? paeth(a, b, c)
                  : -1;
      if (pred < 0) throw bad('bad filter');
      out[o + i] = (x + pred) & 0xff;
    }
  }
  return out;
}

/** reads sample `i` of a row at the given bit depth, scaled to 0..255 */
function sample(row: Uint8Array, i: number, depth: number, raw = false): number {
  if (depth === 8) return row[i]!;
  if (depth === 16) return row[i * 2]!;
  const perByte = 8 / depth;
  const byte = row[Math.floor(i / perByte)]!;
  const shift = 8 - depth * ((i % perByte) + 1);
  const v = (byte >> shift) & ((1 << depth) - 1);
  return raw ? v : Math.round((v * 255) / ((1 << depth) - 1));
}

export function decodePng(png: Uint8Array): RgbImage {
  const buf = Buffer.from(png);
  if (buf.length < 33 || buf.readUInt32BE(0) !== 0x89504e47) throw bad('not a PNG file');
  let pos = 8;
  let width = 0,
    height = 0,
    depth = 0,
    ctype = 0;
  let palette: Buffer | undefined;
  let trns: Buffer | undefined;
  const idat: Buffer[] = [];
  while (pos + 8 <= buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      depth = body[8]!;
      ctype = body[9]!;
      if (body[12] !== 0) throw bad('interlaced PNG');
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') trns = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const channels = CHANNELS[ctype];
  if (!channels || !width || !height || ![1, 2, 4, 8, 16].includes(depth)) throw bad('unsupported format');
  if (width * height > 40_000_000) throw bad('image too large');
  let data: Buffer;
  try {
    data = inflateSync(Buffer.concat(idat));
  } catch {
    throw bad('corrupt image data');
  }
  const rowLen = Math.ceil((width * channels * depth) / 8);
  const pixels = unfilter(data, height, rowLen, Math.max(1, Math.ceil((channels * depth) / 8)));
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * rowLen, (y + 1) * rowLen);
    for (let x = 0; x < width; x++) {
      let r: number,
        g: number,
        b: number,
        a = 255;
      if (ctype === 3) {
        const idx = sample(row, x, depth, true);
        if (!palette || idx * 3 + 2 >= palette.length) throw bad('bad palette');
        [r, g, b] = [palette[idx * 3]!, palette[idx * 3 + 1]!, palette[idx * 3 + 2]!];
        a = trns && idx < trns.length ? trns[idx]! : 255;
      } else if (ctype === 0 || ctype === 4) {
        r = g = b = sample(row, x * channels, depth);
        if (ctype === 4) a = sample(row, x * channels + 1, depth);
      } else {
        r = sample(row, x * channels, depth);
        g = sample(row, x * channels + 1, depth);
        b = sample(row, x * channels + 2, depth);
        if (ctype === 6) a = sample(row, x * channels + 3, depth);
      }
      const o = (y * width + x) * 3;
      rgb[o] = Math.round((r * a + 255 * (255 - a)) / 255);
      rgb[o + 1] = Math.round((g * a + 255 * (255 - a)) / 255);
      rgb[o + 2] = Math.round((b * a + 255 * (255 - a)) / 255);
    }
  }
  return { width, height, rgb };
}
