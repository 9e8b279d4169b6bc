/**
 * Hands a stream of chunks from a producer to a reader in the same thread, with back-pressure and bounded
 * memory: the producer's `push` settles once the reader has finished with the chunk (it asked for the next
 * one), so the producer may then reuse the chunk's buffer. Large chunks are handed over as they are (no copy);
 * small ones (BER fragments of a few KiB) are gathered into one reused buffer and handed over when it is full.
 * The first hand-over holds at least FIRST_BYTES (or everything, if less came): a reader that looks ahead
 * before consuming (detectInput keeps up to 64 KiB of leading chunks) then never holds a chunk the producer
 * has already reused. Used to verify a nested p7m level while the level above streams its content.
 * The reader may ask to pass over bytes it has not been handed yet (`skip`: a nested level's content hashed
 * from the file): the producer moves over them in its own input (`skipWanted` / `skipped`), or, if it does not,
 * the chunks it pushes are dropped until they are passed.
 */

/** chunks of at least this size are handed over without a copy */
const BIG = 256 * 1024;
/** the buffer gathering small chunks */
const GATHER = 1024 * 1024;
/** more than detectInput's look-ahead (MAX_LEADING, 64 KiB) */
export const FIRST_BYTES = 64 * 1024 + 1024;

/** bytes readers passed over: moved over by the producers in their input, or dropped from pushed chunks (tests) */
export const channelPassOvers = { moved: 0, dropped: 0 };

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
  /** bytes handed to the reader so far */
  private handed = 0;
  /** a pass-over the reader asked for: bytes still to pass, and what it waits on */
  private passing:
    { asked: number; left: number; done: (moved: number) => void; fail: (e: unknown) => void } | undefined;

  /** gives `chunk` to the reader; the chunk is free again once the promise settles */
  async push(chunk: Uint8Array): Promise<void> {
    let off = 0;
    while (off < chunk.length && !this.abandoned && !this.ended) {
      const passing = this.passing;
      if (passing) {
        const n = Math.min(chunk.length - off, passing.left);
        off += n;
        channelPassOvers.dropped += n;
        this.passed(n);
        continue;
      }
      const rest = off === 0 ? chunk : chunk.subarray(off);
      if (!this.first && rest.length >= BIG) {
        await this.flush();
        if (this.passing) continue; // asked while the gathered bytes were held
        await this.handOver(rest);
        return;
      }
      const buf = (this.gather ??= Buffer.allocUnsafe(GATHER));
      const limit = this.first ? FIRST_BYTES : GATHER;
      const n = Math.min(rest.length, limit - this.fill);
      buf.set(n === rest.length ? rest : rest.subarray(0, n), this.fill);
      this.fill += n;
      off += n;
      if (this.fill === limit) await this.flush();
    }
  }

  /**
   * The reader passes over the next `n` bytes, none of which it was handed, having taken all it was handed
   * (`received`: the bytes it got from this channel): the moved count once passed (fewer at the end of the
   * input), or undefined when bytes are in flight (the reader then reads them).
   */
  skip(n: number, received: number): Promise<number> | undefined {
    if (n <= 0 || this.ended || this.abandoned || this.passing) return undefined;
    if (received !== this.handed || this.fill !== 0 || this.offered !== undefined) return undefined;
    const asked = new Promise<number>((done, fail) => (this.passing = { asked: n, left: n, done, fail }));
    this.freeHeld(); // the producer goes on, and finds the pass-over asked
    return asked;
  }

  /** for the producer: bytes the reader asked to pass over that are not passed yet */
  skipWanted(): number {
    return this.passing?.left ?? 0;
  }

  /** for the producer: it moved over `n` of the bytes to pass, in its own input */
  skipped(n: number): void {
    if (this.passing) channelPassOvers.moved += n;
    this.passed(n);
  }

  private passed(n: number): void {
    const p = this.passing;
    if (!p) return;
    p.left -= n;
    if (p.left > 0) return;
    this.passing = undefined;
    p.done(p.asked);
  }

  /** no more chunks: the reader gets what is gathered, then the end (or `error`, without the rest) */
  async close(error?: unknown): Promise<void> {
    if (this.ended) return;
    const p = this.passing;
    this.passing = undefined;
    if (p && error !== undefined) p.fail(error);
    else p?.done(p.asked - p.left);
    if (error === undefined) await this.flush();
    else this.failure = { error };
    this.ended = true;
    this.wake?.();
  }

  private async flush(): Promise<void> {
    if (this.fill === 0 || !this.gather) return;
    const n = this.fill;
    this.fill = 0; // handed over: what is gathered from now on is newer
    await this.handOver(this.gather.subarray(0, n));
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
        this.handed += chunk.length;
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
    this.passing = undefined;
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
