/**
 * ChunkChannel (nested p7m levels read in one pass): the reader gets the producer's bytes in order and intact
 * although the producer reuses its buffer as soon as a push settles, small pieces are gathered, the first
 * hand-over is larger than detectInput's look-ahead, a reader that stops never holds the producer up, and an
 * error given to close() reaches the reader.
 */
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { ChunkChannel, FIRST_BYTES, channelPassOvers } from '../../electron/core/files/chunk-channel';

/** pushes `data` in pieces cycling through `sizes`, from ONE reused buffer scribbled over after each push */
async function produce(ch: ChunkChannel, data: Buffer, sizes: number[]): Promise<void> {
  const scratch = Buffer.alloc(Math.max(...sizes));
  for (let off = 0, i = 0; off < data.length; i++) {
    const n = Math.min(sizes[i % sizes.length] as number, data.length - off);
    data.copy(scratch, 0, off, off + n);
    await ch.push(scratch.subarray(0, n));
    scratch.fill(0xee); // the chunk is the producer's again
    off += n;
  }
  await ch.close();
}

/** reads every chunk, slowly (a turn of the event loop per chunk); returns their sizes and the bytes */
async function consume(ch: ChunkChannel): Promise<{ sizes: number[]; bytes: Buffer }> {
  const parts: Buffer[] = [];
  for await (const c of ch) {
    await new Promise((r) => setImmediate(r));
    parts.push(Buffer.from(c));
  }
  return { sizes: parts.map((p) => p.length), bytes: Buffer.concat(parts) };
}

describe('ChunkChannel', () => {
  const data = randomBytes(5 * 1024 * 1024 + 777);

  for (const sizes of [[4096], [1024 * 1024], [1, 300_000, 17, 2_000_000, 4096]]) {
    it(`hands every byte over intact and in order (pieces ${sizes.join('/')})`, async () => {
      const ch = new ChunkChannel();
      const [, got] = await Promise.all([produce(ch, data, sizes), consume(ch)]);
      expect(got.bytes.equals(data)).toBe(true);
      expect(got.sizes[0]).toBeGreaterThanOrEqual(FIRST_BYTES);
      if (sizes[0] === 4096) expect(got.sizes.length).toBeLessThan(10); // gathered, not 1300 hand-overs
    });
  }

  it('a short stream comes as one chunk at close', async () => {
    const ch = new ChunkChannel();
    const small = randomBytes(500);
    const [, got] = await Promise.all([produce(ch, small, [100]), consume(ch)]);
    expect(got.sizes).toEqual([500]);
    expect(got.bytes.equals(small)).toBe(true);
  });

  it('a reader that stops early does not hold the producer up', async () => {
    const ch = new ChunkChannel();
    const reader = (async () => {
      for await (const c of ch) return c.length; // return() ends the iteration
      return 0;
    })();
    await produce(ch, data, [1024 * 1024]);
    expect(await reader).toBeGreaterThanOrEqual(FIRST_BYTES);
  });

  it('close(error) ends the reader with that error, without the rest', async () => {
    const ch = new ChunkChannel();
    const reader = consume(ch);
    await ch.push(randomBytes(100));
    await ch.close(new Error('outer level damaged'));
    await expect(reader).rejects.toThrow('outer level damaged');
  });

  describe('passing over bytes not handed yet (a nested content hashed from the file)', () => {
    const MIB = 1024 * 1024;
    /** pushes 1 MiB pieces of `data`; when `serve`, moves over what the reader asks to pass itself */
    async function producer(ch: ChunkChannel, serve: boolean): Promise<void> {
      for (let off = 0; off < data.length;) {
        const over = serve ? Math.min(ch.skipWanted(), data.length - off) : 0;
        if (over > 0) {
          ch.skipped(over);
          off += over;
          continue;
        }
        const n = Math.min(MIB, data.length - off);
        await ch.push(Buffer.from(data.subarray(off, off + n)));
        off += n;
      }
      await ch.close();
    }

    /** takes the first chunk, passes over `n` bytes, reads the rest */
    async function reader(ch: ChunkChannel, n: number) {
      const it = ch[Symbol.asyncIterator]();
      const first = (await it.next()).value as Uint8Array;
      const moved = await ch.skip(n, first.length);
      const rest: Buffer[] = [];
      for (let r = await it.next(); !r.done; r = await it.next()) rest.push(Buffer.from(r.value));
      return { first: first.length, moved, rest: Buffer.concat(rest) };
    }

    for (const serve of [true, false]) {
      it(`the reader gets the bytes after the passed ones (${serve ? 'moved by the producer' : 'dropped from pushes'})`, async () => {
        const before = { ...channelPassOvers };
        const ch = new ChunkChannel();
        const n = 3 * MIB + 12_345;
        const [, got] = await Promise.all([producer(ch, serve), reader(ch, n)]);
        expect(got.moved).toBe(n);
        expect(got.rest.equals(data.subarray(got.first + n))).toBe(true);
        const moved = channelPassOvers.moved - before.moved;
        const dropped = channelPassOvers.dropped - before.dropped;
        expect(moved + dropped).toBe(n);
        if (serve) expect(moved).toBeGreaterThan(2 * MIB);
        else expect(moved).toBe(0);
      });
    }

    it('past the end: fewer moved (the reader then reports the cut)', async () => {
      const ch = new ChunkChannel();
      const [, got] = await Promise.all([producer(ch, true), reader(ch, data.length)]);
      expect(got.moved).toBe(data.length - got.first);
      expect(got.rest.length).toBe(0);
    });

    it('refused while bytes are in flight, and the error of close(error) reaches a waiting pass-over', async () => {
      const ch = new ChunkChannel();
      const it = ch[Symbol.asyncIterator]();
      const pushed = ch.push(randomBytes(FIRST_BYTES));
      const first = (await it.next()).value as Uint8Array;
      expect(ch.skip(10, first.length - 1)).toBeUndefined(); // the reader has not taken all it was handed
      const asked = ch.skip(10, first.length);
      expect(asked).toBeDefined();
      await pushed; // the producer is free again once the pass-over is asked
      expect(ch.skipWanted()).toBe(10);
      await ch.close(new Error('outer level damaged'));
      await expect(asked).rejects.toThrow('outer level damaged');
    });
  });
});
