import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { MAX_RINGS, startStreamHash, THREAD_FROM_BYTES } from '../../electron/core/files/stream-hash';

const ALGS = ['sha256', 'sha512', 'sha1'];

/** feeds `data` in pieces whose sizes cycle through `sizes`; returns the hex digests */
async function digestInPieces(
  data: Buffer,
  sizes: number[],
  threads: boolean,
  algs = ALGS,
): Promise<string[]> {
  const h = startStreamHash(algs, undefined, threads);
  for (let off = 0, i = 0; off < data.length; i++) {
    const n = sizes[i % sizes.length] as number;
    await h.update(data.subarray(off, off + n));
    off += n;
  }
  return (await h.digests()).map((d) => d.toString('hex'));
}

const expected = (data: Buffer, algs = ALGS) => algs.map((a) => createHash(a).update(data).digest('hex'));

describe('stream hash (content hashing on a worker thread past a threshold)', () => {
  const big = randomBytes(THREAD_FROM_BYTES * 3 + 12_345);

  it('gives the digests of one-shot hashing, threaded or not, whatever the piece sizes', async () => {
    // BER-like 4 KiB fragments, pieces larger than a slot, odd sizes crossing slot boundaries, single bytes
    for (const sizes of [[4096], [5 * 1024 * 1024], [1, 7, 65_537, 1_048_575, 3]]) {
      expect(await digestInPieces(big, sizes, true)).toEqual(expected(big));
      expect(await digestInPieces(big, sizes, false)).toEqual(expected(big));
    }
  });

  it('hashes small and empty contents on the calling thread with the same result', async () => {
    const small = big.subarray(0, 1000);
    expect(await digestInPieces(small, [10], true)).toEqual(expected(small));
    expect(await digestInPieces(Buffer.alloc(0), [1], true)).toEqual(expected(Buffer.alloc(0)));
  });

  it('keeps SHAKE256 (512-bit output) on the calling thread, with the given factory', async () => {
    const make = (n: string) => (n === 'shake256' ? createHash(n, { outputLength: 64 }) : createHash(n));
    const h = startStreamHash(['shake256', 'sha256'], make, true);
    for (let off = 0; off < big.length; off += 1 << 20) await h.update(big.subarray(off, off + (1 << 20)));
    const [shake, sha] = await h.digests();
    expect(shake?.length).toBe(64);
    expect(shake?.toString('hex')).toBe(
      createHash('shake256', { outputLength: 64 }).update(big).digest('hex'),
    );
    expect(sha?.toString('hex')).toBe(expected(big, ['sha256'])[0]);
  });

  it('copies the pieces: the caller may overwrite a piece once update settled', async () => {
    const h = startStreamHash(['sha256'], undefined, true);
    const piece = Buffer.alloc(256 * 1024);
    const reference = createHash('sha256');
    for (let i = 0; i < 40; i++) {
      piece.fill(i);
      reference.update(piece);
      await h.update(piece);
    }
    expect((await h.digests())[0]?.toString('hex')).toBe(reference.digest('hex'));
  });

  it('a length announced by the caller only picks the thread: small or wrong, the digests are right', async () => {
    // announced small (a DER length): hashed here from the first piece, pieces overwritten after each update
    for (const [data, announced] of [
      [big.subarray(0, 17_000), 17_000],
      [big, 1000], // longer than announced: still every byte hashed
      [big.subarray(0, 5000), THREAD_FROM_BYTES * 2], // announced big, short after all
    ] as const) {
      const h = startStreamHash(ALGS, undefined, true, announced);
      const piece = Buffer.alloc(4096);
      for (let off = 0; off < data.length; off += piece.length) {
        const n = data.copy(piece, 0, off, off + piece.length);
        await h.update(piece.subarray(0, n));
        piece.fill(0xee);
      }
      expect((await h.digests()).map((d) => d.toString('hex'))).toEqual(expected(data));
    }
  });

  it('can be cancelled mid-stream (a parse error) without hanging', async () => {
    const h = startStreamHash(['sha256'], undefined, true);
    await h.update(big);
    h.cancel();
    h.cancel();
  });

  it('past MAX_RINGS hashes at once (a deeply nested p7m in one pass), the others hash on the calling thread', async () => {
    const datas = Array.from({ length: MAX_RINGS + 2 }, (_, i) => big.subarray(i * 1000));
    const hashes = datas.map(() => startStreamHash(ALGS, undefined, true));
    // interleaved, as nested levels feed their hashes: every one is past the threshold before any ends
    for (let off = 0; off < big.length; off += 1024 * 1024) {
      for (const [i, h] of hashes.entries())
        await h.update((datas[i] as Buffer).subarray(off, off + 1024 * 1024));
    }
    for (const [i, h] of hashes.entries()) {
      expect((await h.digests()).map((d) => d.toString('hex'))).toEqual(expected(datas[i] as Buffer));
    }
  });
});
