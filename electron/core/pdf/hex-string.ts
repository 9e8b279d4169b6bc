/**
 * The usual PDF hex string — an even number of hex digits and nothing else up to `>`, as a signature's
 * /Contents (tens of kilobytes) — decoded natively: Buffer's hex decoding stops at the first pair that is not
 * two hex digits, so a full count proves that every character was one. Any other (white space, an odd count,
 * no `>` in the window, too long) is left to the parser's own loops, which decide and report it.
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
