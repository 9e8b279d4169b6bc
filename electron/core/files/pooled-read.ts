/**
 * Reading a big input through a few reused buffers, for copy paths whose consumer tells when it is done with a
 * chunk (its write finished): memory stays flat whatever the file size, with no garbage left for the GC.
 * A buffer is read into again only after `release` was called for it; the next read runs while the consumer
 * works on the current chunk.
 */
import { open } from 'node:fs/promises';
import { fileError, inputSize, READ_CHUNK } from './input-file';

export type PooledConsumer = (chunk: Buffer, release: () => void) => Promise<void>;

export interface PooledReadOptions {
  chunkSize?: number;
  /** buffers in the pool: chunks the consumer may hold at once, plus one being read, plus one spare */
  pool?: number;
}

export async function readPooled(
  path: string,
  consume: PooledConsumer,
  o: PooledReadOptions = {},
): Promise<void> {
  const size = await inputSize(path);
  const chunkSize = Math.min(o.chunkSize ?? READ_CHUNK, Math.max(size, 64 * 1024));
  const poolSize = o.pool ?? 6;
  const fh = await open(path, 'r').catch((e: unknown) => {
    throw fileError(e, path);
  });
  const free: Buffer[] = [];
  let allocated = 0;
  const waiting: (() => void)[] = [];
  const take = async (): Promise<Buffer> => {
    for (;;) {
      const b = free.pop();
      if (b) return b;
      if (allocated < poolSize) {
        allocated++;
        return Buffer.allocUnsafeSlow(chunkSize);
      }
      await new Promise<void>((r) => waiting.push(r));
    }
  };
  const give = (b: Buffer): void => {
    free.push(b);
    waiting.shift()?.();
  };
  const readNext = async (): Promise<{ buf: Buffer; n: number }> => {
    const buf = await take();
    try {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      return { buf, n: bytesRead };
    } catch (e) {
      give(buf);
      throw fileError(e, path);
    }
  };
  let pending = readNext();
  try {
    for (;;) {
      const { buf, n } = await pending;
      if (n === 0) {
        give(buf);
        return;
      }
      pending = readNext();
      let released = false;
      await consume(buf.subarray(0, n), () => {
        if (released) return;
        released = true;
        give(buf);
      });
    }
  } finally {
    await pending.then(
      (r) => give(r.buf),
      () => undefined,
    );
    await fh.close();
  }
}
