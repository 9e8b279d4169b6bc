/**
 * Where a big read (or write) buffer starts. On the AMD EPYC build machine (Zen 3, `rep movsb` with FSRM) a copy
 * costs 3–4× the CPU when its destination lies 1–31 bytes past its source modulo 4 KiB — the kernel's copy of
 * a read from the page cache (destination: the buffer; source: the file position's place in its page) and of a
 * write, and glibc's memcpy alike. Measured with 256 KiB reads of a cached 64 MiB file at every distance
 * (7 Dec 2026): 1–31 bytes ~29 ms of CPU, 0 and 32–4095 bytes ~7 ms. Node's big buffers start 16 bytes past a
 * page (glibc's mmap chunk header, seen with `strace -e raw=pread64`), so a buffer read from 4 KiB-aligned file
 * positions, or a ring of slots read from a p7m content's odd offset, easily lands in that band.
 * So buffers are placed inside a slightly bigger allocation, as far from the band as can be for the file
 * positions they are read from and written to; the distance is kept as long as every read moves on by a
 * multiple of 4 KiB. Results never depend on it: only the CPU of the copies does.
 */

/** bytes added to an allocation so that a buffer can start anywhere in a page of it */
export const PLACE_SLACK = 4096;

/**
 * Where a buffer should start in its allocation (0 … 4095, a multiple of 64) to take bytes read from file
 * position `readAt` and/or to be written to file position `writeAt`. Self-contained: worker sources embed it
 * (`${bufferShift}`).
 */
export function bufferShift(readAt?: number, writeAt?: number): number {
  const page = 4096;
  /** where Node's big allocations start in their page (glibc mmap chunks); page-aligned ones start at 0 */
  const allocStart = 16;
  /** a copy is slow when (destination − source) mod 4096 is 1 … 31 */
  const margin = (d: number) => {
    const x = ((d % page) + page) % page;
    return x >= 1 && x <= 31 ? -1 : Math.min((x - 31 + page) % page, (page + 1 - x) % page);
  };
  let best = 0;
  let bestMargin = -Infinity;
  for (let shift = 0; shift < page; shift += 64) {
    const at = allocStart + shift;
    const m = Math.min(
      readAt === undefined ? page : margin(at - readAt),
      writeAt === undefined ? page : margin(writeAt - at),
    );
    if (m > bestMargin) {
      best = shift;
      bestMargin = m;
    }
  }
  return best;
}

/** an allocation of `bytes` + PLACE_SLACK, not zero-filled (it is read into) */
export function unzeroed(bytes: number): ArrayBuffer {
  return Buffer.allocUnsafeSlow(bytes + PLACE_SLACK).buffer as ArrayBuffer;
}

/** A buffer of `bytes` placed for `readAt` / `writeAt` (bufferShift), over a SharedArrayBuffer when `shared`. */
export function placedBuffer(
  bytes: number,
  place: { readAt?: number; writeAt?: number; shared?: boolean } = {},
): Buffer {
  const shift = bufferShift(place.readAt, place.writeAt);
  return Buffer.from(
    place.shared ? new SharedArrayBuffer(bytes + PLACE_SLACK) : unzeroed(bytes),
    shift,
    bytes,
  );
}

/**
 * One allocation reused for reads at changing file positions (hashing byte ranges): `at(pos)` is a view of
 * `bytes` placed for reading from `pos` and for the reads after it at multiples of 4 KiB.
 */
export class PlacedReads {
  readonly #all: ArrayBuffer;
  constructor(readonly bytes: number) {
    this.#all = unzeroed(bytes);
  }

  at(pos: number): Buffer {
    return Buffer.from(this.#all, bufferShift(pos), this.bytes);
  }
}
