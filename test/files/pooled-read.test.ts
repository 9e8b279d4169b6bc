/**
 * The pooled reader gives the file's bytes in order and never reads into a buffer the consumer still holds,
 * whatever the chunk size, pool size and the order in which chunks are released.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readPooled } from '../../electron/core/files/pooled-read';

const fx = inject('fixture');

describe('pooled reading', () => {
  it('bytes in order, held chunks never overwritten', async () => {
    const dir = mkdtempSync(join(fx.root, 'pooled-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 60_000 }),
        fc.integer({ min: 1, max: 9000 }),
        fc.integer({ min: 3, max: 6 }),
        fc.array(fc.nat(), { maxLength: 50 }),
        async (bytes, chunkSize, pool, order) => {
          const path = join(dir, `f${n++}`);
          writeFileSync(path, bytes);
          const got: Buffer[] = [];
          const held: { chunk: Buffer; copy: Buffer; release: () => void }[] = [];
          let k = 0;
          const releaseOne = () => {
            const i = (order[k++ % Math.max(order.length, 1)] ?? 0) % held.length;
            const [h] = held.splice(i, 1);
            expect(h!.chunk.equals(h!.copy)).toBe(true);
            h!.release();
          };
          await readPooled(
            path,
            async (chunk, release) => {
              got.push(Buffer.from(chunk));
              held.push({ chunk, copy: Buffer.from(chunk), release });
              // hold up to pool - 2 chunks (one is being read, one spare), releasing in a random order
              while (held.length > pool - 2) releaseOne();
              await Promise.resolve();
            },
            { chunkSize, pool },
          );
          while (held.length > 0) releaseOne();
          expect(Buffer.concat(got).equals(Buffer.from(bytes))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reports a missing file as INPUT_NOT_FOUND', async () => {
    await expect(readPooled(join(fx.root, 'nope.bin'), async () => undefined)).rejects.toMatchObject({
      code: 'INPUT_NOT_FOUND',
    });
  });
});
