/**
 * The hashing thread that starts before the ranges are known (range-hash-thread.ts, issue 22): it hashes the
 * file with SHA-256 from byte 0 and gives the one-pass hashing a head start. Every digest must be the digest of
 * the job's own ranges, checked against the whole file in memory: ranges that diverge before or after the
 * thread's position (inside a read, at a read's end, at the end of the file), a first range not starting at 0,
 * SHA-1 / SHA-512 / several algorithms (no head start: SHA-256 only), ranges beyond the end of the file (still
 * refused), and a file changed after the thread read it (the head start is dropped: the digests are those of
 * the file as the caller finds it) or while the pass runs (INPUT_CHANGED, never a digest of mixed bytes).
 * A closed thread rejects its run.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, renameSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { MessageChannel, Worker } from 'node:worker_threads';
import {
  CHUNK,
  hashAhead,
  hashThreadOverPort,
  headStartsTaken,
  startHashThread,
  type HashThread,
} from '../../electron/core/pdf/range-hash-thread';
import { rangeHashPass } from '../../electron/core/pdf/range-hash-pass';
import { bufferShift } from '../../electron/core/files/aligned-buffer';
import { hashRangeJobs, THREAD_FROM_BYTES, type RangeJob } from '../../electron/core/pdf/shared-range-hash';
import { stampOf } from '../../electron/core/files/file-stamp';
import type { PassJob } from '../../electron/core/pdf/range-hash-pass';

const fx = inject('fixture');

function expected(bytes: Buffer, ranges: [number, number][], h: string): string {
  const hash = createHash(h);
  for (const [s, l] of ranges) hash.update(bytes.subarray(s, s + l));
  return hash.digest('hex');
}

function hex(d: Record<string, Uint8Array>[]): Record<string, string>[] {
  return d.map((r) =>
    Object.fromEntries(Object.entries(r).map(([a, v]) => [a, Buffer.from(v).toString('hex')])),
  );
}

function oracle(bytes: Buffer, jobs: PassJob[]): Record<string, string>[] {
  return jobs.map((j) => Object.fromEntries(j.algorithms.map((a) => [a, expected(bytes, j.ranges, a)])));
}

/** writes `text` at `at` in the file, in place (same inode, same size), and into `bytes`, its copy */
function rewrite(file: string, bytes: Buffer, at: number, text: string): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.from(text, 'latin1'), 0, text.length, at);
  closeSync(fd);
  bytes.write(text, at, 'latin1');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The CLI's main thread hashing ahead for a program on a worker thread (cli/program-thread-host.ts), played by a
 * thread running the same hashAhead on a channel's end: the program's side is hashThreadOverPort. `ended`
 * settles when the hashing side has returned and has nothing left to wait for.
 */
function hostedHashAhead(file: string): HashThread & { ended: Promise<number>; stop: Int32Array } {
  const { port1, port2 } = new MessageChannel();
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const source =
    `const { workerData: d } = require('node:worker_threads');\n` +
    `(${hashAhead.toString()})((${rangeHashPass.toString()}), (${bufferShift.toString()}), ${CHUNK}, ` +
    `d.file, d.port, d.stop);`;
  const w = new Worker(source, {
    eval: true,
    workerData: { file, port: port2, stop },
    transferList: [port2],
  });
  const ended = new Promise<number>((resolve) => w.once('exit', resolve));
  return Object.assign(hashThreadOverPort(port1, file, stop), { ended, stop });
}

const KINDS = {
  'its own thread (startHashThread)': (file: string): HashThread => startHashThread(file),
  'the main thread of a program run on a thread (hashAhead, hashThreadOverPort)': hostedHashAhead,
};

describe.each(Object.entries(KINDS))('hashing ahead on %s', (_kind, start) => {
  /** a thread started on `file` some time ago: it has read it, or most of it */
  async function started(file: string, wait = 400): Promise<HashThread> {
    const t = start(file);
    await sleep(wait);
    return t;
  }

  describe('the thread that hashes ahead of its ranges', () => {
    let dir: string;
    let file: string;
    let bytes: Buffer;
    const size = 3 * CHUNK + 4321;
    beforeEach(() => {
      dir = mkdtempSync(join(fx.root, 'range-thread-'));
      file = join(dir, 'random.bin');
      bytes = randomBytes(size);
      writeFileSync(file, bytes);
    });

    /**
     * runs `jobs` on a thread that had read the whole file (when it takes a head start, it says how far it had
     * read: a run where it had not yet is made again after a longer wait); the digests and the head start taken
     */
    async function afterEnd(jobs: PassJob[]) {
      for (let wait = 300; ; wait *= 2) {
        const before = headStartsTaken.count;
        const t = await started(file, wait);
        const got = hex(await t.run(jobs, file, stampOf(statSync(file))));
        const took = headStartsTaken.count - before;
        if (took === 0 || headStartsTaken.last!.passed === size || wait > 5000)
          return { got, took, last: headStartsTaken.last };
      }
    }

    it('ranges diverging inside a read the thread has passed: the kept state, the bytes to there read again', async () => {
      const at = CHUNK + 123_457;
      const jobs: PassJob[] = [
        {
          ranges: [
            [0, at],
            [at + 100, 50_000],
          ],
          algorithms: ['sha256'],
        },
        {
          ranges: [
            [0, 2 * CHUNK + 1],
            [2 * CHUNK + 500, size - 2 * CHUNK - 500],
          ],
          algorithms: ['sha256'],
        },
      ];
      const r = await afterEnd(jobs);
      expect(r.got).toEqual(oracle(bytes, jobs));
      expect(r.took).toBe(1);
      expect(r.last).toEqual({ at, passed: size });
    });

    it('ranges diverging at a read end, or at the end of the file: the same digests', async () => {
      for (const at of [CHUNK, 2 * CHUNK, size]) {
        const jobs: PassJob[] = [
          { ranges: [[0, at]], algorithms: ['sha256'] },
          {
            ranges: [
              [0, Math.min(at, size - 7)],
              [Math.min(at, size - 7) + 3, 4],
            ],
            algorithms: ['sha256'],
          },
        ];
        const r = await afterEnd(jobs);
        expect(r.got, `at ${at}`).toEqual(oracle(bytes, jobs));
        expect(r.last!.passed).toBe(size);
      }
    });

    it('jobs given at once (the thread barely started): the head start ends where the thread was', async () => {
      const jobs: PassJob[] = [
        {
          ranges: [
            [0, size - 1000],
            [size - 900, 900],
          ],
          algorithms: ['sha256'],
        },
        { ranges: [[0, size]], algorithms: ['sha256'] },
      ];
      const t = startHashThread(file);
      const got = hex(await t.run(jobs, file, stampOf(statSync(file))));
      expect(got).toEqual(oracle(bytes, jobs));
      expect(headStartsTaken.last!.at).toBeLessThanOrEqual(size - 1000);
    });

    it('no head start where it would not be exact: a first range not at 0, SHA-1, SHA-512, two algorithms', async () => {
      const cases: PassJob[][] = [
        [
          {
            ranges: [
              [1, CHUNK],
              [CHUNK + 10, 100],
            ],
            algorithms: ['sha256'],
          },
        ],
        [{ ranges: [[0, CHUNK + 5]], algorithms: ['sha1'] }],
        [
          {
            ranges: [
              [0, 2 * CHUNK + 5],
              [2 * CHUNK + 9, 10],
            ],
            algorithms: ['sha512'],
          },
        ],
        [{ ranges: [[0, CHUNK + 5]], algorithms: ['sha256', 'sha1'] }],
        [
          { ranges: [[0, CHUNK + 5]], algorithms: ['sha256'] },
          { ranges: [[0, CHUNK + 5]], algorithms: ['sha512'] },
        ],
      ];
      for (const jobs of cases) {
        const r = await afterEnd(jobs);
        expect(r.got, JSON.stringify(jobs)).toEqual(oracle(bytes, jobs));
        expect(r.took, JSON.stringify(jobs)).toBe(0);
      }
    });

    it('a range beyond the end of the file is still refused', async () => {
      const t = await started(file);
      await expect(
        t.run([{ ranges: [[0, size + 5]], algorithms: ['sha256'] }], file, stampOf(statSync(file))),
      ).rejects.toMatchObject({ code: 'RANGE_BEYOND_EOF' });
    });

    it('a file rewritten or replaced after the thread read it: the digests of the file as it is now', async () => {
      const jobs: PassJob[] = [
        {
          ranges: [
            [0, 2 * CHUNK],
            [2 * CHUNK + 10, 1000],
          ],
          algorithms: ['sha256'],
        },
      ];
      // rewritten in place (same size, same inode), in the prefix the thread hashed
      let t = await started(file);
      rewrite(file, bytes, 1000, 'changed');
      const before = headStartsTaken.count;
      expect(hex(await t.run(jobs, file, stampOf(statSync(file))))).toEqual(oracle(bytes, jobs));
      // replaced by another file under the same name
      t = await started(file);
      const other = randomBytes(size);
      writeFileSync(join(dir, 'other.bin'), other);
      renameSync(join(dir, 'other.bin'), file);
      expect(hex(await t.run(jobs, file, stampOf(statSync(file))))).toEqual(oracle(other, jobs));
      expect(headStartsTaken.count).toBe(before);
    });

    it('a file changed while the pass runs on the thread’s read: INPUT_CHANGED, no digests', async () => {
      const stamp = stampOf(statSync(file));
      const t = await started(file);
      rewrite(file, Buffer.alloc(size), size - 1, 'x');
      // the caller's stamp is the one the thread read under: the change shows only after the pass
      await expect(
        t.run([{ ranges: [[0, size]], algorithms: ['sha256'] }], file, stamp),
      ).rejects.toMatchObject({ code: 'INPUT_CHANGED' });
    });

    it('a closed thread rejects its run', async () => {
      const t = start(file);
      t.close();
      await expect(t.run([{ ranges: [[0, 10]], algorithms: ['sha256'] }], file)).rejects.toThrow();
    });
  });
});

describe('the main thread hashing ahead for a program thread', () => {
  let file: string;
  beforeEach(() => {
    file = join(mkdtempSync(join(fx.root, 'range-host-')), 'random.bin');
    writeFileSync(file, randomBytes(64 * CHUNK));
  });

  it('waits for the jobs once it has read the whole file, and no longer once closed', async () => {
    const t = hostedHashAhead(file);
    await sleep(600); // 64 MiB hashed by now: it waits for its jobs
    const early = await Promise.race([t.ended.then(() => 'ended'), sleep(300).then(() => 'waiting')]);
    expect(early).toBe('waiting');
    t.close();
    expect(await Promise.race([t.ended.then(() => 'ended'), sleep(5000).then(() => 'waiting')])).toBe(
      'ended',
    );
  });

  it('stops reading ahead when the program closes it before the end, or sets the shared stop', async () => {
    for (const how of ['close', 'flag'] as const) {
      const t = hostedHashAhead(file);
      if (how === 'close') t.close();
      else Atomics.store(t.stop, 0, 1);
      // ended without a job (a flag alone: the reading stops, the wait for jobs too)
      const r = await Promise.race([t.ended.then(() => 'ended'), sleep(5000).then(() => 'waiting')]);
      expect(r, how).toBe('ended');
    }
  });
});

describe('hashRangeJobs with a thread started ahead', () => {
  const started = async (file: string): Promise<HashThread> => {
    const t = startHashThread(file);
    await sleep(400);
    return t;
  };
  let dir: string;
  let file: string;
  let bytes: Buffer;
  const size = THREAD_FROM_BYTES + 3 * CHUNK + 77;
  beforeEach(() => {
    dir = mkdtempSync(join(fx.root, 'range-jobs-'));
    file = join(dir, 'random.bin');
    bytes = randomBytes(size);
    writeFileSync(file, bytes);
  });

  const jobs = (): RangeJob[] => [
    {
      ranges: [
        [0, size - 3 * CHUNK],
        [size - 3 * CHUNK + 100, 1000],
      ],
      algorithms: ['sha256'],
    },
    {
      ranges: [
        [0, size - CHUNK],
        [size - CHUNK + 200, CHUNK - 200],
      ],
      algorithms: ['sha256'],
    },
    // overlapping and backwards ranges stay out of the pass (hashRanges reports them)
    {
      ranges: [
        [0, 100],
        [50, 100],
      ],
      algorithms: ['sha256'],
    },
    {
      ranges: [
        [100, 10],
        [0, 10],
      ],
      algorithms: ['sha256'],
    },
  ];

  it('takes the head start and gives each job its own digests; hostile ranges stay out', async () => {
    const before = headStartsTaken.count;
    const got = await hashRangeJobs(file, jobs(), startHashThread(file));
    expect(headStartsTaken.count).toBe(before + 1);
    expect(got[0]!.get('sha256')!.toString('hex')).toBe(expected(bytes, jobs()[0]!.ranges, 'sha256'));
    expect(got[1]!.get('sha256')!.toString('hex')).toBe(expected(bytes, jobs()[1]!.ranges, 'sha256'));
    expect(got[2]).toBeUndefined();
    expect(got[3]).toBeUndefined();
  });

  it('a range beyond the end of the file: PDF_BROKEN', async () => {
    await expect(
      hashRangeJobs(file, [{ ranges: [[0, size + 1]], algorithms: ['sha256'] }], startHashThread(file)),
    ).rejects.toMatchObject({ code: 'PDF_BROKEN' });
  });

  it('a file changed after the thread started: no head start, the digests of the file now', async () => {
    const t = await started(file);
    rewrite(file, bytes, 10, 'changed');
    const before = headStartsTaken.count;
    const got = await hashRangeJobs(file, jobs(), t);
    expect(headStartsTaken.count).toBe(before);
    expect(got[0]!.get('sha256')!.toString('hex')).toBe(expected(bytes, jobs()[0]!.ranges, 'sha256'));
  });
});
