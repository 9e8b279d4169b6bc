/** A small RGBA PNG made at test time (a red disc on transparent background), to test --image. */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const tb = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(tb));
  return Buffer.concat([len, tb, crc]);
}

export function redDiscPng(size = 32): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = y % 5; // exercise every PNG filter type
    for (let x = 0; x < size; x++) {
      const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 2.5) ** 2;
      raw.set(inside ? [220, 20, 20, 255] : [0, 0, 0, 0], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  // filter types other than 0 need the bytes encoded accordingly: encode rows with their filter
  const enc = Buffer.alloc(raw.length);
  const rowLen = size * 4;
  for (let y = 0; y < size; y++) {
    const type = raw[y * (rowLen + 1)]!;
    enc[y * (rowLen + 1)] = type;
    for (let i = 0; i < rowLen; i++) {
      const at = y * (rowLen + 1) + 1 + i;
      const x = raw[at]!;
      const a = i >= 4 ? raw[at - 4]! : 0;
      const b = y > 0 ? raw[at - rowLen - 1]! : 0;
      const c = i >= 4 && y > 0 ? raw[at - rowLen - 5]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][type]!;
      enc[at] = (x - pred) & 0xff;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(enc)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
