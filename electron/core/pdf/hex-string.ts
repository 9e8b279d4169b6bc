/**
 * PDF hex strings, decoded (the parser finds their end and checks their characters). The usual one — an even
 * number of hex digits and nothing else up to `>`, as a signature's /Contents (tens of kilobytes) — natively:
 * Buffer's hex decoding stops at the first pair that is not two hex digits, so a full count proves that every
 * character was one. Any other (white space, an odd count, no `>` in the window, too long) is left to the
 * parser's loops, which decide and report it, and decode it with hexDigits.
 */
import { MAX_STRING_BYTES } from './pdf-limits';

/** the bytes of the hex string whose digits start at `from`, and the position of its `>`; or undefined */
export function plainHex(b: Uint8Array, from: number): { bytes: Uint8Array; end: number } | undefined {
  const end = b.indexOf(0x3e, from);
  const len = end - from;
  if (end < 0 || len % 2 !== 0 || len / 2 > MAX_STRING_BYTES) return undefined;
  const bytes = new Uint8Array(len / 2);
  const text = Buffer.from(b.buffer, b.byteOffset + from, len).toString('latin1');
  return Buffer.from(bytes.buffer).write(text, 'hex') === bytes.length ? { bytes, end } : undefined;
}

/** the value of each byte as a hex digit, -1 for the others */
export const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) HEX[0x30 + i] = i;
for (let i = 0; i < 6; i++) HEX[0x41 + i] = HEX[0x61 + i] = 10 + i;

/** the bytes of the `digits` hex digits in b[from, end), other bytes (white space) skipped, an odd last one as x0 */
export function hexDigits(b: Uint8Array, from: number, end: number, digits: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(digits / 2));
  let n = 0;
  for (let i = from; i < end; i++) {
    const v = HEX[b[i]!]!;
    if (v < 0) continue;
    out[n >> 1] = out[n >> 1]! | (n & 1 ? v : v << 4);
    n++;
  }
  return out;
}
