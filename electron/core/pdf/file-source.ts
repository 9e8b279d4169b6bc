/** Random access to a file by offset, so that a big PDF is never read into memory as a whole. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fastPaths } from './fast-paths';

/** 64 KiB blocks for the small reads of objects, xref tables and trailers */
const BLOCK = 64 * 1024;
/** blocks kept: reads alternate between a few places (page tree, fonts, the updates at the end) */
const BLOCKS = 8;

export interface ByteSource {
  readonly size: number;
  /** reads up to `length` bytes at `offset` (fewer at the end of the file); shared bytes: never written to */
  read(offset: number, length: number): Buffer;
  /**
   * The bytes of `read(offset, length)` inside bytes that may start before and go on after them, without a
   * view made for them (a parser starts at index offset - at; one object less per PDF object read)
   */
  window?(offset: number, length: number): Window;
  close(): void;
}

/** bytes of the file from offset `at` on (read only) */
export interface Window {
  readonly at: number;
  readonly bytes: Buffer;
}

export class FileSource implements ByteSource {
  private fd: number;
  readonly size: number;
  /** the last blocks read (small reads of nearby objects come from them: one read call for many objects) */
  private blocks: Window[] = [];
  private readonly blockSize: number;
  constructor(path: string) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
    this.blockSize = fastPaths() ? BLOCK : 0;
  }
  read(offset: number, length: number): Buffer {
    const b = this.block(offset, length);
    if (!b) return this.direct(offset, length);
    const end = Math.max(offset, Math.min(offset + length, this.size));
    return b.bytes.subarray(offset - b.at, end - b.at);
  }
  /** the cached block holding the whole range (read when missing), undefined for a read too big for blocks */
  private block(offset: number, length: number): Window | undefined {
    // no blocks (fast paths off): every read is direct — a zero-length read took the block path and divided by 0
    if (this.blockSize === 0) return undefined;
    if (!(length <= this.blockSize / 2 && offset >= 0 && Number.isSafeInteger(offset))) return undefined;
    const end = Math.max(offset, Math.min(offset + length, this.size));
    const blocks = this.blocks;
    for (let i = 0; i < blocks.length; i++) {
      const x = blocks[i]!;
      if (offset >= x.at && end <= x.at + x.bytes.length) return x;
    }
    // aligned to half a block, so that a read of up to half a block always fits in the one it starts in,
    // whichever way the reads move (a walk of the page tree may go backwards through the file)
    const at = offset - (offset % (this.blockSize / 2));
    const b = { at, bytes: this.direct(at, this.blockSize) };
    blocks.unshift(b);
    if (blocks.length > BLOCKS) blocks.pop();
    return b;
  }
  window(offset: number, length: number): Window {
    return this.block(offset, length) ?? { at: offset, bytes: this.direct(offset, length) };
  }
  private direct(offset: number, length: number): Buffer {
    const n = Math.max(0, Math.min(length, this.size - offset));
    // not zeroed: only the bytes read are handed out
    const buf = Buffer.allocUnsafe(n);
    let got = 0;
    while (got < n) {
      const r = readSync(this.fd, buf, got, n - got, offset + got);
      if (r === 0) break;
      got += r;
    }
    return got === n ? buf : buf.subarray(0, got);
  }
  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/** The same interface over bytes already in memory (tests, small documents). */
export class BufferSource implements ByteSource {
  constructor(private readonly bytes: Uint8Array) {}
  get size(): number {
    return this.bytes.length;
  }
  read(offset: number, length: number): Buffer {
    return Buffer.from(this.bytes.subarray(offset, Math.min(this.bytes.length, offset + length)));
  }
  /** the bytes of read(), not copied (a parser only reads them): the same window, so the same retries and bounds */
  window(offset: number, length: number): Window {
    const b = this.bytes;
    const from = Math.min(offset, b.length);
    const to = Math.min(b.length, offset + length);
    return { at: offset, bytes: Buffer.from(b.buffer, b.byteOffset + from, Math.max(0, to - from)) };
  }
  close(): void {}
}
