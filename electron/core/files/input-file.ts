/**
 * Opening inputs read-only, with plain errors for the usual problems (missing, a folder, no permission).
 * Nothing here ever writes to an input.
 */
import { open, stat } from 'node:fs/promises';
import { SigilloError, failure } from '../errors';
import type { ReadPool } from './read-pool';
import { placedBuffer } from './aligned-buffer';

/** 4 MiB reads: few system calls and awaits per GiB, little memory */
export const READ_CHUNK = 4 * 1024 * 1024;

/** reads of at least this many bytes go into a placed buffer (aligned-buffer.ts); smaller ones: Node's pool */
const PLACED_FROM = 256 * 1024;

/** Turns a filesystem error about `path` into a SigilloError with a plain message. */
export function fileError(e: unknown, path: string): SigilloError {
  if (e instanceof SigilloError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return failure('INPUT_NOT_FOUND', { path });
    case 'EISDIR':
      return failure('INPUT_IS_DIRECTORY', { path });
    case 'EACCES':
    case 'EPERM':
      return failure('PERMISSION_DENIED', { path });
    case 'EROFS':
      return failure('READ_ONLY', { path });
    case 'ENOSPC':
    case 'EDQUOT':
      return failure('DISK_FULL', { path });
    default:
      return failure('IO_ERROR', { path, code: code ?? String(e) });
  }
}

/** A FIFO, socket or device where a file was expected: refused before it is opened (an open would block). */
export function notRegular(path: string): SigilloError {
  return failure('INPUT_NOT_REGULAR', { path });
}

/** Size of a regular input file; plain errors when missing, a folder, a pipe/device (never opened), or unreadable. */
export async function inputSize(path: string): Promise<number> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (!st.isFile()) throw notRegular(path);
    return st.size;
  } catch (e) {
    throw fileError(e, path);
  }
}

/** How many bytes to ask for next: a full chunk, or less for a small file (no 4 MiB buffer for 10 KB). */
function nextReadSize(chunkSize: number, size: number, pos: number): number {
  return Math.min(chunkSize, Math.max(size - pos, 64 * 1024));
}

/** Moving a readInput on without reading, while it runs (see ReadInputSkip). */
export interface ReadInputSkip {
  /** bytes the reader has handed out so far (not those skipped) */
  yielded: number;
  /**
   * moves on over the next `n` bytes not yet handed out (the chunk read ahead first), as far as the file's
   * size now allows; resolves to how many bytes that was. Only between chunks, once the reader started.
   */
  skip?(n: number): Promise<number>;
}

/**
 * The bytes of an input file, read-only, as an async iterable of chunks (each a fresh Buffer the consumer may
 * keep; with a `pool` of `chunkSize` buffers, full chunks are read into its buffers and the consumer gives
 * each back when done). The next chunk is already being read while the consumer works on the current one, so hashing and
 * reading overlap. Open and read errors are reported as SigilloError when a chunk is pulled. A `skip` object
 * lets the consumer jump over bytes it need not see (a p7m content hashed elsewhere).
 */
export async function* readInput(
  path: string,
  chunkSize = READ_CHUNK,
  pool?: ReadPool,
  skip?: ReadInputSkip,
): AsyncGenerator<Buffer> {
  const size = await inputSize(path);
  const fh = await open(path, 'r').catch((e: unknown) => {
    throw fileError(e, path);
  });
  let pos = 0;
  const readNext = async (): Promise<Buffer> => {
    const want = nextReadSize(chunkSize, size, pos);
    // big reads go into buffers placed off the slow copy band for `pos` (aligned-buffer.ts)
    const buf =
      pool && want === pool.size
        ? pool.take(pos)
        : want >= PLACED_FROM
          ? placedBuffer(want, { readAt: pos })
          : Buffer.allocUnsafe(want);
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    pos += bytesRead;
    return bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
  };
  const failed = (e: unknown) => {
    throw fileError(e, path);
  };
  let pending = readNext();
  if (skip) {
    skip.skip = async (n) => {
      const ahead = await pending.catch(failed);
      if (n < ahead.length) {
        pending = Promise.resolve(ahead.subarray(n));
        return n;
      }
      pool?.give(ahead);
      const end = Math.min(pos + n - ahead.length, (await fh.stat().catch(failed)).size);
      const moved = ahead.length + Math.max(end - pos, 0);
      pos = Math.max(end, pos);
      pending = readNext();
      return moved;
    };
  }
  try {
    for (;;) {
      const chunk = await pending.catch(failed);
      if (chunk.length === 0) return;
      pending = readNext();
      if (skip) skip.yielded += chunk.length;
      yield chunk;
    }
  } finally {
    await pending.catch(() => undefined);
    await fh.close();
  }
}

/** The input's size or bytes changed while it was being read. */
export function inputChanged(): SigilloError {
  return failure('INPUT_CHANGED');
}
