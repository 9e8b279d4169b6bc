import { describe, expect, inject, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInput } from '../../electron/core/files/input-file';
import { ReadPool } from '../../electron/core/files/read-pool';
import { NestedCapture } from '../../electron/core/verify/nested-capture';

describe('reused read buffers', () => {
  it('hands out its own buffers again, never one twice, and ignores foreign chunks', () => {
    const pool = new ReadPool(1024, 2);
    const a = pool.take();
    const b = pool.take();
    expect(a.buffer).not.toBe(b.buffer);
    pool.give(a.subarray(0, 10)); // a short last chunk still returns its buffer
    pool.give(a);
    pool.give(Buffer.alloc(1024));
    const c = pool.take();
    expect(c.buffer).toBe(a.buffer);
    expect(c.length).toBe(1024);
    expect(pool.take().buffer).not.toBe(a.buffer);
  });

  it('readInput with a pool gives the file whole when every chunk is given back after use', async () => {
    const dir = mkdtempSync(join(inject('fixture').root, 'sigillo-pool-'));
    const data = randomBytes(5 * 64 * 1024 + 777);
    const path = join(dir, 'in.bin');
    writeFileSync(path, data);
    const pool = new ReadPool(64 * 1024);
    const seen: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const chunk of readInput(path, 64 * 1024, pool)) {
      seen.push(Buffer.from(chunk));
      buffers.add(chunk.buffer);
      pool.give(chunk);
    }
    expect(Buffer.concat(seen).equals(data)).toBe(true);
    expect(buffers.size).toBeLessThanOrEqual(3); // reused, not one per read
  });
});

describe('nested SignedData spooling', () => {
  it('spools exactly the bytes handed over, though the caller reuses its buffer after each call', async () => {
    const dir = mkdtempSync(join(inject('fixture').root, 'sigillo-spool-'));
    const inner = readFileSync(join(__dirname, '..', '..', 'package.json')); // any bytes after a SignedData start
    const content = Buffer.concat([
      Buffer.from('3080' + '06092a864886f70d010702', 'hex'),
      randomBytes(3 * 1024 * 1024 + 5),
      inner,
    ]);
    const env = { ...process.env };
    process.env.XDG_CONFIG_HOME = dir;
    process.env.XDG_DATA_HOME = dir;
    const capture = new NestedCapture();
    try {
      const scratch = Buffer.alloc(4096);
      for (let off = 0; off < content.length; off += 4096) {
        const n = content.copy(scratch, 0, off, off + 4096);
        await capture.onContent(scratch.subarray(0, n));
        scratch.fill(0xee); // the reader reuses its buffer
      }
      const spooled = await capture.finish();
      expect(spooled).toBeDefined();
      expect(readFileSync(spooled as string).equals(content)).toBe(true);
    } finally {
      await capture.cleanup();
      process.env = env;
    }
  });
});
