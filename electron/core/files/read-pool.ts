/**
 * Read buffers used again instead of a fresh 4 MiB Buffer per read: a 1 GiB input read through readInput
 * otherwise leaves ~256 dead buffers for the garbage collector, which frees them late (tens of MiB of peak RSS).
 * Only for consumers that are done with a chunk when they hand it back (give): the reader reuses it at once.
 * Each buffer is placed in its allocation for the file position it is read from (aligned-buffer.ts).
 */
import { bufferShift, unzeroed } from './aligned-buffer';

export class ReadPool {
  readonly #free: ArrayBuffer[] = [];
  readonly #mine = new WeakSet<ArrayBufferLike>();

  /** `size`: bytes of each buffer; at most `keep` idle buffers are kept */
  constructor(
    readonly size: number,
    private readonly keep = 4,
  ) {}

  /** a buffer of `size` bytes, idle or new, placed for reading from file position `readAt` */
  take(readAt = 0): Buffer {
    let all = this.#free.pop();
    if (!all) {
      all = unzeroed(this.size);
      this.#mine.add(all);
    }
    return Buffer.from(all, bufferShift(readAt), this.size);
  }

  /** hands back a chunk read into one of this pool's buffers (any other chunk is ignored) */
  give(chunk: Uint8Array): void {
    if (!this.#mine.has(chunk.buffer) || this.#free.length >= this.keep) return;
    if (this.#free.includes(chunk.buffer as ArrayBuffer)) return;
    this.#free.push(chunk.buffer as ArrayBuffer);
  }
}
