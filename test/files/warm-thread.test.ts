/**
 * The copy-and-hash thread started before its job (files/warm-thread.ts) and the writeback of a kernel copy
 * started by the hashing thread (copy-hash.ts `copiedAlongside`): a warm thread given a job by message gives the
 * same bytes and digests as a thread started for it, in each role, and is handed out once; one nobody took does
 * not keep a process alive and `close` ends it; the CLI's entry starts one only for `sign` with a big file
 * (early-work.ts). The flushes are seen with strace: fdatasync of the output by the hashing thread during the
 * copy, at most FLUSH_TIMES, none once the copy is over or without an output.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, expect, inject, it } from 'vitest';
import { startCopyHash } from '../../electron/core/files/copy-hash';
import { EARLY_HASH_MIN_BYTES, WarmCopyHashThread } from '../../electron/core/files/warm-thread';
import { startEarlyWork } from '../../electron/cli/early-work';

const fx = inject('fixture');
const dir = mkdtempSync(join(fx.root, 'warm-thread-'));
const MIB = 1024 * 1024;
const DIST = join(__dirname, '..', '..', 'dist', 'electron');
let n = 0;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

function inputOf(bytes: Uint8Array): string {
  const input = join(dir, `in${n++}`);
  writeFileSync(input, bytes);
  return input;
}

/** a warm thread whose handing-out is recorded */
function watched(): { thread: WarmCopyHashThread; handed: () => Worker[] } {
  const thread = new WarmCopyHashThread();
  const handed: Worker[] = [];
  const take = thread.take.bind(thread);
  thread.take = () => {
    const w = take();
    if (w) handed.push(w);
    return w;
  };
  return { thread, handed: () => handed };
}

describe('a warm copy-and-hash thread', () => {
  it('hash only (one thread reads and hashes): the job runs on the warm thread, same digest', async () => {
    const bytes = randomBytes(5 * MIB + 333);
    const { thread, handed } = watched();
    const job = startCopyHash({ input: inputOf(bytes), algorithms: ['sha256', 'sha512'], thread });
    expect(await job.done).toBe(bytes.length);
    job.update(Buffer.from('after'));
    const [a, b] = await job.digests();
    expect(a).toEqual(sha256(Buffer.concat([bytes, Buffer.from('after')])));
    expect(b).toEqual(createHash('sha512').update(bytes).update('after').digest());
    expect(handed()).toHaveLength(1);
    expect(thread.take()).toBeUndefined(); // handed out once
  });

  it('copy and hash (reader + hasher): the warm thread is the reader, the output holds the bytes', async () => {
    const bytes = randomBytes(3 * MIB + 17);
    const output = join(dir, `out${n++}`);
    const handle = await open(output, 'w+');
    const { thread, handed } = watched();
    try {
      const job = startCopyHash({
        input: inputOf(bytes),
        algorithms: ['sha256'],
        out: { handle, offset: 100 },
        thread,
      });
      expect(await job.done).toBe(bytes.length);
      expect((await job.digests())[0]).toEqual(sha256(bytes));
    } finally {
      await handle.close();
    }
    expect(readFileSync(output).subarray(100).equals(bytes)).toBe(true);
    expect(handed()).toHaveLength(1);
  });

  it('a read error on the warm thread ends the job with the error (no hang)', async () => {
    const thread = new WarmCopyHashThread();
    const job = startCopyHash({ input: join(dir, 'missing'), algorithms: ['sha256'], thread });
    await expect(job.done).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
  });

  it('closed before anyone took it: ended, never handed out', async () => {
    const thread = new WarmCopyHashThread();
    await thread.close();
    expect(thread.take()).toBeUndefined();
    const bytes = randomBytes(MIB);
    const job = startCopyHash({ input: inputOf(bytes), algorithms: ['sha256'], thread });
    await job.done;
    expect((await job.digests())[0]).toEqual(sha256(bytes)); // a thread of its own
  });

  it('one nobody takes does not keep the process alive', () => {
    const script = `new (require(${JSON.stringify(join(DIST, 'core', 'files', 'warm-thread.js'))}).WarmCopyHashThread)();`;
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe("the CLI entry's early work (early-work.ts)", () => {
  const big = join(dir, 'big.pdf');
  const small = join(dir, 'small.pdf');
  writeFileSync(big, Buffer.alloc(EARLY_HASH_MIN_BYTES));
  writeFileSync(small, Buffer.alloc(EARLY_HASH_MIN_BYTES - 1));

  it.each([
    ['sign with a big file', ['sign', '--format', 'pades', big], true],
    ['sign with the big file after options', ['sign', '--out', dir, small, big], true],
    ['sign with only small files', ['sign', small], false],
    ['sign --help', ['sign', big, '--help'], false],
    ['another command', ['verify', big], false],
    ['a folder, a missing file', ['sign', dir, join(dir, 'none.pdf')], false],
  ])('%s → thread: %s', async (_name, argv, started) => {
    const early = startEarlyWork(argv as string[]);
    expect(early.copyHashThread !== undefined).toBe(started);
    await early.copyHashThread?.close();
  });
});

/** the fdatasync calls of a copy-and-hash job run by the built code under strace: [thread, fd] */
function flushesOf(o: { mib: number; alongside: boolean; flushTo: 'out' | 'none' | 'over' }): {
  calls: [number, number][];
  out: number;
  main: number;
} {
  const input = inputOf(randomBytes(o.mib * MIB));
  const log = join(dir, `strace${n++}`);
  const script = `
    const { startCopyHash } = require(${JSON.stringify(join(DIST, 'core', 'files', 'copy-hash.js'))});
    const { open } = require('node:fs/promises');
    (async () => {
      const out = await open(${JSON.stringify(join(dir, `flush-out${n++}`))}, 'w');
      const job = startCopyHash({ input: ${JSON.stringify(input)}, algorithms: ['sha256'],
        copiedAlongside: ${o.alongside} });
      if (${JSON.stringify(o.flushTo)} === 'over') job.flushCopy(undefined);
      if (${JSON.stringify(o.flushTo)} !== 'none') job.flushCopy(out);
      await job.done;
      await job.digests();
      await new Promise((r) => setTimeout(r, 50));
      console.log(JSON.stringify({ out: out.fd, main: process.pid }));
      await out.close();
    })();`;
  const r = spawnSync('strace', ['-f', '-e', 'trace=fdatasync', '-o', log, process.execPath, '-e', script], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const { out, main } = JSON.parse(r.stdout) as { out: number; main: number };
  const calls = [...readFileSync(log, 'latin1').matchAll(/^(\d+)\s+fdatasync\((\d+)/gm)].map(
    (m) => [Number(m[1]), Number(m[2])] as [number, number],
  );
  return { calls, out, main };
}

describe('the writeback of a kernel copy alongside, started by the hashing thread (strace)', () => {
  it('during the copy: fdatasync of the output every 32 MiB hashed, at most twice, off the main thread', () => {
    const { calls, out, main } = flushesOf({ mib: 100, alongside: true, flushTo: 'out' });
    expect(calls.map(([, fd]) => fd)).toEqual([out, out]);
    expect(calls.every(([tid]) => tid !== main)).toBe(true);
  });

  it('a smaller input: one per 32 MiB', () => {
    const { calls, out } = flushesOf({ mib: 40, alongside: true, flushTo: 'out' });
    expect(calls.map(([, fd]) => fd)).toEqual([out]);
  });

  it('none once the copy is over, none without the output, none without a copy alongside', () => {
    expect(flushesOf({ mib: 70, alongside: true, flushTo: 'over' }).calls).toEqual([]);
    expect(flushesOf({ mib: 70, alongside: true, flushTo: 'none' }).calls).toEqual([]);
    expect(flushesOf({ mib: 70, alongside: false, flushTo: 'out' }).calls).toEqual([]);
  });
});
