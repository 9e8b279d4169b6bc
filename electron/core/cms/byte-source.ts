/**
 * A pull-based byte reader over an async iterable of chunks: exact reads for the small parts, zero-copy
 * streaming for the content. Ending early raises TRUNCATED.
 */
import { truncated } from './reader-errors';

const EMPTY = new Uint8Array(0);

export class ByteSource {
  #it: AsyncIterator<Uint8Array>;
  #buf: Uint8Array = EMPTY;
  #off = 0;
  #eof = false;
  /** bytes consumed so far */
  position = 0;
  /** bytes received from the chunks so far (consumed or buffered) */
  received = 0;

  /** `release` is told of each chunk once it is fully consumed (its bytes are not looked at again) */
  constructor(
    chunks: AsyncIterable<Uint8Array>,
    private readonly release?: (chunk: Uint8Array) => void,
  ) {
    this.#it = chunks[Symbol.asyncIterator]();
  }

  /** true when at least one byte is buffered; false at end of input */
  async #fill(): Promise<boolean> {
    while (this.#off >= this.#buf.length) {
      if (this.#eof) return false;
      if (this.#buf.length > 0) this.release?.(this.#buf);
      this.#buf = EMPTY;
      this.#off = 0;
      const r = await this.#it.next();
      if (r.done) {
        this.#eof = true;
        return false;
      }
      this.#buf = r.value;
      this.#off = 0;
      this.received += r.value.length;
    }
    return true;
  }

  async atEnd(): Promise<boolean> {
    return !(await this.#fill());
  }

  /** the next byte without consuming it, or undefined at end */
  async peek(): Promise<number | undefined> {
    return (await this.#fill()) ? this.#buf[this.#off] : undefined;
  }

  async byte(): Promise<number> {
    if (!(await this.#fill())) throw truncated();
    this.position++;
    return this.#buf[this.#off++] as number;
  }

  /** the bytes already buffered, without reading more (a view: for a synchronous look ahead) */
  buffered(): Uint8Array {
    return this.#buf.subarray(this.#off);
  }

  /** consumes `n` bytes of those buffered() returned */
  skip(n: number): void {
    if (n > this.#buf.length - this.#off) throw new RangeError('skip beyond the buffered bytes');
    this.#off += n;
    this.position += n;
  }

  /**
   * read(n) without a wait when the `n` bytes are all buffered: the same copy, consumed; undefined (nothing
   * consumed) when read() would have to wait for more. A small file's parts then cost no promise each.
   */
  readNow(n: number): Uint8Array | undefined {
    if (n > this.#buf.length - this.#off) return undefined;
    const out = new Uint8Array(n);
    out.set(this.#buf.subarray(this.#off, this.#off + n));
    this.#off += n;
    this.position += n;
    return out;
  }

  async read(n: number): Promise<Uint8Array> {
    const out = new Uint8Array(n);
    let got = 0;
    await this.stream(n, (chunk) => {
      out.set(chunk, got);
      got += chunk.length;
    });
    return out;
  }

  /** hands the next `n` bytes to `sink` in pieces (views into the read buffers) */
  async stream(n: number, sink: (chunk: Uint8Array) => void | Promise<void>): Promise<void> {
    let left = n;
    while (left > 0) {
      if (!(await this.#fill())) throw truncated();
      const k = Math.min(left, this.#buf.length - this.#off);
      const piece = this.#buf.subarray(this.#off, this.#off + k);
      this.#off += k;
      this.position += k;
      left -= k;
      await sink(piece);
    }
  }

  /**
   * Consumes the next `n` bytes without looking at them. Past the buffered bytes, `seek` (when given) moves the
   * underlying input on without reading: it returns how many bytes it moved over (fewer at the end of the
   * input: TRUNCATED, at the same position as reading would have found it), or undefined when it cannot, and
   * the bytes are then read and dropped.
   */
  async discard(n: number, seek?: (n: number) => Promise<number | undefined>): Promise<void> {
    const here = Math.min(n, this.#buf.length - this.#off);
    this.#off += here;
    this.position += here;
    let left = n - here;
    const moved = left > 0 && seek ? await seek(left) : undefined;
    if (moved !== undefined) {
      this.position += moved;
      left -= moved;
      if (left > 0) throw truncated();
    }
    if (left > 0) await this.stream(left, () => undefined);
  }

  /** stops reading the underlying input (closes the file) */
  async close(): Promise<void> {
    await this.#it.return?.();
  }
}
