/**
 * Read buffers used again instead of a fresh 4 MiB Buffer per read: a 1 GiB input read through readInput
 * otherwise leaves ~256 dead buffers for the garbage collector, which frees them late (tens of MiB of peak RSS).
 * Only for consumers that are done with a chunk when they hand it back (give): the reader reuses it at once.
 */
export class ReadPool {
  readonly #free: Buffer[] = [];
  readonly #mine = new WeakSet<ArrayBufferLike>();

  /** `size`: bytes of each buffer; at most `keep` idle buffers are kept */
  constructor(
    readonly size: number,
    private readonly keep = 4,
  ) {}

  /** a buffer of `size` bytes, idle or new */
  take(): Buffer {
    const b = this.#free.pop();
    if (b) return b;
    const fresh = Buffer.allocUnsafeSlow(this.size);
    this.#mine.add(fresh.buffer);
    return fresh;
  }

  /** hands back a chunk read into one of this pool's buffers (any other chunk is ignored) */
  give(chunk: Uint8Array): void {
    if (!this.#mine.has(chunk.buffer) || this.#free.length >= this.keep) return;
    if (this.#free.some((b) => b.buffer === chunk.buffer)) return;
    this.#free.push(Buffer.from(chunk.buffer, 0, this.size));
  }
}
