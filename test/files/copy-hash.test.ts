/**
 * The copy-and-hash threads: the output holds exactly the input's bytes at the offset, the digests are those of
 * the input (plus what was added after it), for any size (across the ring of buffers and its wrap-around), and
 * failures end the job with an error instead of a hang.
 */
import fc from 'fast-check';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { startCopyHash } from '../../electron/core/files/copy-hash';

const fx = inject('fixture');
const dir = mkdtempSync(join(fx.root, 'copy-hash-'));
let n = 0;

async function copyHash(
  bytes: Uint8Array,
  offset: number,
  algorithms: string[],
  extra?: Uint8Array,
  sizeKnown = false,
) {
  const input = join(dir, `in${n}`);
  const output = join(dir, `out${n++}`);
  writeFileSync(input, bytes);
  const handle = await open(output, 'w+');
  try {
    const progress: number[] = [];
    const job = startCopyHash({
      input,
      algorithms,
      out: { handle, offset },
      onProgress: (d) => progress.push(d),
      // a known small size runs the job on this thread: both ways must give the same bytes
      size: sizeKnown ? bytes.length : undefined,
    });
    const length = await job.done;
    if (extra) job.update(extra);
    const digests = await job.digests();
    return { length, digests, written: readFileSync(output), progress };
  } finally {
    await handle.close();
  }
}

describe('copy and hash on worker threads', () => {
  it('any bytes at any offset: copied exactly, hashed exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 700_000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.boolean(),
        async (bytes, offset, extra, sizeKnown) => {
          const r = await copyHash(bytes, offset, ['sha256', 'sha512'], extra, sizeKnown);
          expect(r.length).toBe(bytes.length);
          expect(r.written.subarray(offset).equals(Buffer.from(bytes))).toBe(true);
          const both = Buffer.concat([bytes, extra]);
          expect(r.digests[0]!.equals(createHash('sha256').update(both).digest())).toBe(true);
          expect(r.digests[1]!.equals(createHash('sha512').update(both).digest())).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a file larger than the ring of buffers (wrap-around many times), with progress up to the end', async () => {
    const bytes = randomBytes(21 * 1024 * 1024 + 12345);
    const r = await copyHash(bytes, 77, ['sha256']);
    expect(r.written.subarray(77).equals(bytes)).toBe(true);
    expect(r.digests[0]!.equals(createHash('sha256').update(bytes).digest())).toBe(true);
    expect(r.progress.at(-1)).toBe(bytes.length);
  });

  it('copy only (no hash) and hash only (no output)', async () => {
    const bytes = randomBytes(600_000);
    const copied = await copyHash(bytes, 3, []);
    expect(copied.digests).toEqual([]);
    expect(copied.written.subarray(3).equals(bytes)).toBe(true);
    const input = join(dir, 'hash-only');
    writeFileSync(input, bytes);
    const job = startCopyHash({ input, algorithms: ['sha384'] });
    expect(await job.done).toBe(bytes.length);
    const [d] = await job.digests();
    expect(d!.equals(createHash('sha384').update(bytes).digest())).toBe(true);
  });

  it('a missing input is INPUT_NOT_FOUND; an output that cannot be written is an error, not a hang', async () => {
    const missing = startCopyHash({ input: join(dir, 'nope'), algorithms: ['sha256'] });
    await expect(missing.done).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
    const input = join(dir, 'ro-in');
    writeFileSync(input, randomBytes(400_000));
    const readOnly = await open(input, 'r');
    try {
      const job = startCopyHash({ input, algorithms: ['sha256'], out: { handle: readOnly, offset: 0 } });
      await expect(job.done).rejects.toMatchObject({ code: 'EBADF' });
    } finally {
      await readOnly.close();
    }
  });

  it('cancel stops the threads of a job in progress', async () => {
    const input = join(dir, 'cancel-in');
    writeFileSync(input, randomBytes(24 * 1024 * 1024));
    const job = startCopyHash({ input, algorithms: ['sha256'] });
    await job.cancel();
    await expect(job.done).rejects.toThrow();
  });
});
