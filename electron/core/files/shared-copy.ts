/**
 * Copying bytes into a SharedArrayBuffer at memory speed. V8 copies into shared memory (TypedArray#set,
 * Buffer#copy) with relaxed atomic moves, which go byte by byte when the source and the target are not equally
 * aligned: measured on Node 20, 0.5–1 s per GiB instead of ~0.07 s (24 % of the CPU of a 1 GiB p7m verify,
 * whose content starts at an odd offset of the file). Buffer#fill with a buffer value as long as the range is
 * one native memcpy whatever the alignment, but pays a call of its own: small pieces keep `set`.
 */

/** below this, the fixed cost of fill() is more than a byte-by-byte copy */
const FILL_FROM = 512;

/** copies `source` into `target` (a view of shared memory) at `at`; `target` must hold it */
export function copyIntoShared(target: Buffer, source: Uint8Array, at: number): void {
  const n = source.length;
  if (n < FILL_FROM || (target.byteOffset + at - source.byteOffset) % 8 === 0) {
    target.set(source, at);
    return;
  }
  // one copy: the value is exactly as long as the range (fill repeats it only when the range is longer)
  target.fill(source, at, at + n);
}
