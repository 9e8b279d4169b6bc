/**
 * Skipping ahead in a file being read (readInput's `skip`, ByteSource.discard): what a p7m verification uses to
 * jump over a content hashed elsewhere. The bytes after a skip must be the file's, and a skip past the end must
 * fail as reading would have: TRUNCATED at the file's end.
 */
import { describe, expect, inject, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInput, type ReadInputSkip } from '../../electron/core/files/input-file';
import { ReadPool } from '../../electron/core/files/read-pool';
import { ByteSource } from '../../electron/core/cms/byte-source';

const CHUNK = 64 * 1024;

function file(bytes: Buffer): string {
  const dir = mkdtempSync(join(inject('fixture').root, 'sigillo-skip-'));
  writeFileSync(join(dir, 'in.bin'), bytes);
  return join(dir, 'in.bin');
}

/** a ByteSource over `path` that seeks when it can, counting the bytes really read */
function source(path: string, pool?: ReadPool) {
  const skip: ReadInputSkip = { yielded: 0 };
  const src = new ByteSource(readInput(path, CHUNK, pool, skip), pool && ((c) => pool.give(c)));
  const seek = async (n: number) => (skip.skip && skip.yielded === src.received ? skip.skip(n) : undefined);
  return { src, seek, skip };
}

describe('skipping ahead in an input file', () => {
  const data = randomBytes(10 * CHUNK + 123);

  it('gives the right bytes after skips inside the read-ahead chunk, across chunks and far ahead', async () => {
    for (const pool of [undefined, new ReadPool(CHUNK)]) {
      const { src, seek, skip } = source(file(data), pool);
      let at = 0;
      const steps: [number, number][] = [
        [10, 5],
        [CHUNK, 100],
        [7, 3 * CHUNK + 11],
        [CHUNK + 1, 2 * CHUNK],
      ];
      for (const [take, jump] of steps) {
        expect(Buffer.from(await src.read(take)).equals(data.subarray(at, at + take))).toBe(true);
        at += take;
        await src.discard(jump, seek);
        at += jump;
        expect(src.position).toBe(at);
      }
      const rest = data.length - at;
      expect(Buffer.from(await src.read(rest)).equals(data.subarray(at))).toBe(true);
      expect(await src.atEnd()).toBe(true);
      // fewer bytes handed out than the file holds: the big skips moved the file on (reading them: all of it)
      expect(skip.yielded).toBeLessThan(data.length - 2 * CHUNK);
      await src.close();
    }
  });

  it('a skip past the end: TRUNCATED at the end of the file, as reading would have found it', async () => {
    for (const useSeek of [true, false]) {
      const { src, seek } = source(file(data));
      await src.read(100);
      const err = await src.discard(data.length, useSeek ? seek : undefined).catch((e: unknown) => e);
      expect((err as { code?: string }).code).toBe('TRUNCATED');
      expect(src.position).toBe(data.length);
      await src.close();
    }
  });
});
