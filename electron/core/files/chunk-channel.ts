/**
 * Hands a stream of chunks from a producer to a reader in the same thread, with back-pressure and bounded
 * memory: the producer's `push` settles once the reader has finished with the chunk (it asked for the next
 * one), so the producer may then reuse the chunk's buffer. Large chunks are handed over as they are (no copy);
 * small ones (BER fragments of a few KiB) are gathered into one reused buffer and handed over when it is full.
 * The first hand-over holds at least FIRST_BYTES (or everything, if less came): a reader that looks ahead
 * before consuming (detectInput keeps up to 64 KiB of leading chunks) then never holds a chunk the producer
 * has already reused. Used to verify a nested p7m level while the level above streams its content.
 */

/** chunks of at least this size are handed over without a copy */
const BIG = 256 * 1024;
/** the buffer gathering small chunks */
const GATHER = 1024 * 1024;
/** more than detectInput's look-ahead (MAX_LEADING, 64 KiB) */
export const FIRST_BYTES = 64 * 1024 + 1024;

export class ChunkChannel implements AsyncIterable<Uint8Array> {
  private gather: Buffer | undefined;
  private fill = 0;
  private first = true;
  /** the chunk handed over and not yet taken by the reader, and what settles its hand-over */
  private offered: Uint8Array | undefined;
  private offeredRelease: (() => void) | undefined;
  /** settles the hand-over of the chunk the reader took, once it asks for the next one */
  private held: (() => void) | undefined;
  /** the reader waiting for a chunk */
  private wake: (() => void) | undefined;
  private ended = false;
  private failure: { error: unknown } | undefined;
  /** the reader stopped: what comes is dropped */
  private abandoned = false;

  /** gives `chunk` to the reader; the chunk is free again once the promise settles */
  async push(chunk: Uint8Array): Promise<void> {
    if (this.abandoned || this.ended) return;
    if (!this.first && chunk.length >= BIG) {
      await this.flush();
      await this.handOver(chunk);
      return;
    }
    for (let off = 0; off < chunk.length && !this.abandoned;) {
      const buf = (this.gather ??= Buffer.allocUnsafe(GATHER));
      const limit = this.first ? FIRST_BYTES : GATHER;
      const n = Math.min(chunk.length - off, limit - this.fill);
      buf.set(n === chunk.length ? chunk : chunk.subarray(off, off + n), this.fill);
      this.fill += n;
      off += n;
      if (this.fill === limit) await this.flush();
    }
  }

  /** no more chunks: the reader gets what is gathered, then the end (or `error`, without the rest) */
  async close(error?: unknown): Promise<void> {
    if (this.ended) return;
    if (error === undefined) await this.flush();
    else this.failure = { error };
    this.ended = true;
    this.wake?.();
  }

  private async flush(): Promise<void> {
    if (this.fill === 0 || !this.gather) return;
    const n = this.fill;
    await this.handOver(this.gather.subarray(0, n));
    this.fill = 0;
  }

  private handOver(chunk: Uint8Array): Promise<void> {
    if (this.abandoned) return Promise.resolve();
    this.first = false;
    this.offered = chunk;
    const taken = new Promise<void>((resolve) => (this.offeredRelease = resolve));
    this.wake?.();
    return taken;
  }

  /** the reader is done with the chunk it took: the producer may go on */
  private freeHeld(): void {
    const r = this.held;
    this.held = undefined;
    r?.();
  }

  private async next(): Promise<IteratorResult<Uint8Array>> {
    this.freeHeld();
    for (;;) {
      const chunk = this.offered;
      if (chunk !== undefined) {
        this.offered = undefined;
        this.held = this.offeredRelease;
        this.offeredRelease = undefined;
        return { done: false, value: chunk };
      }
      if (this.failure) throw this.failure.error;
      if (this.ended) return { done: true, value: undefined };
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  /** the reader stops early (or at its end): the producer is never held up again */
  private stop(): IteratorResult<Uint8Array> {
    this.abandoned = true;
    this.offered = undefined;
    this.gather = undefined;
    this.freeHeld();
    this.offeredRelease?.();
    this.offeredRelease = undefined;
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return {
      next: () => this.next(),
      return: () => Promise.resolve(this.stop()),
    };
  }
}
