/**
 * Batches verified on several threads (issue 22, electron/core/validate/verify-pool.ts, built code in dist/):
 * the calling thread and a verifier thread share one queue, and the reports — good, tampered, damaged, not a
 * signature, PEM, detached with its content beside it, nested, a PDF — are the serial run's, in input order;
 * the CLI's JSON is the same with the pool off (SIGILLO_NO_FAST=1), also printed report by report by the thread
 * that verified each (runPrinted), a batch still completes when the
 * verifier thread cannot open its session, and threads are started only for cores the load leaves idle.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { writeHandwritten } from '../pdf/support/make-pdf';
import type * as PoolModule from '../../electron/core/validate/verify-pool';
import type * as SessionModule from '../../electron/core/validate/session';
import type * as JsonModule from '../../electron/core/validate/report-json';
import type { FileReport as SessionReport } from '../../electron/core/verify/types';

const fx = inject('fixture');
const DIST = join(__dirname, '..', '..', 'dist', 'electron', 'core', 'validate');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pool = require(join(DIST, 'verify-pool.js')) as typeof PoolModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const session = require(join(DIST, 'session.js')) as typeof SessionModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const json = require(join(DIST, 'report-json.js')) as typeof JsonModule;

let dir = '';
let files: string[] = [];

function sign(input: string, out: string, flags = ['-nodetach'], outform: 'DER' | 'PEM' = 'DER'): string {
  opensslCmsSign({ input, out, signer: fx.pki.signature, certfile: fx.pki.caPem, flags, outform });
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'vpool-'));
  const docs = join(dir, 'docs');
  const batch = join(dir, 'batch');
  mkdirSync(docs);
  mkdirSync(batch);
  for (let i = 0; i < 100; i++) {
    const doc = join(docs, `f${i}.xml`);
    writeFileSync(doc, `<Fattura n="${i}">${'riga '.repeat(200 + i)}</Fattura>\n`);
    const p7m = sign(doc, join(batch, `f${String(i).padStart(3, '0')}.xml.p7m`));
    if (i % 17 === 3) {
      const b = readFileSync(p7m);
      const at = b.indexOf('riga');
      b[at] = (b[at] as number) ^ 1; // tampered content
      writeFileSync(p7m, b);
    }
    if (i % 23 === 5) writeFileSync(p7m, readFileSync(p7m).subarray(0, 700)); // cut
  }
  writeFileSync(join(batch, 'zz-garbage.p7m'), 'not a signature at all\n');
  sign(join(docs, 'f1.xml'), join(batch, 'zz-pem.xml.p7m'), ['-nodetach'], 'PEM');
  writeFileSync(join(batch, 'zz-det.xml'), readFileSync(join(docs, 'f2.xml')));
  sign(join(batch, 'zz-det.xml'), join(batch, 'zz-det.xml.p7s'), []);
  sign(sign(join(docs, 'f3.xml'), join(docs, 'n.p7m')), join(batch, 'zz-nested.xml.p7m.p7m'));
  writeHandwritten(join(batch, 'zz-plain.pdf'));
  files = [batch];
});

describe('verification pool', () => {
  it('the CLI JSON and exit code are the same with the pool and without (SIGILLO_NO_FAST=1)', async () => {
    const args = ['verify', '--offline', '--json', '--no-tsl', '--trust', fx.pki.rootPem, ...files];
    const env = { SIGILLO_DATA_DIR: join(dir, 'data') };
    const pooled = await runCli(args, { ...env, SIGILLO_VERIFY_THREADS: '1' });
    const serial = await runCli(args, { ...env, SIGILLO_NO_FAST: '1' });
    expect(pooled.code).toBe(1); // tampered and damaged files
    expect(pooled.code).toBe(serial.code);
    expect(pooled.stdout).toBe(serial.stdout);
    const reports = JSON.parse(pooled.stdout) as { file: string; error: { code: string } | null }[];
    expect(reports.length).toBe(105);
    expect(reports.filter((r) => r.error).length).toBeGreaterThanOrEqual(6);
  });

  it('two threads share the queue; reports in input order, as the serial run', async () => {
    const paths = Array.from({ length: 100 }, (_, i) =>
      join(dir, 'batch', `f${String(i).padStart(3, '0')}.xml.p7m`),
    );
    const o = { trustFiles: [fx.pki.rootPem], offline: true, env: { SIGILLO_DATA_DIR: join(dir, 'data') } };
    const opts = await session.openVerification(o);
    const stats = { byThreads: 0 };
    const run = { threads: 2, stats, callerTakesPart: false };
    const pooled = await pool.verifyFilesPooled(paths, opts, { session: o }, run);
    expect(stats.byThreads).toBe(100);
    expect(pooled.map((r) => r.file)).toEqual(paths);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(await session.verifyFiles(paths, opts)));
  });

  it('a thread that cannot open its session is dropped: every file still reported', async () => {
    const paths = Array.from({ length: 70 }, (_, i) =>
      join(dir, 'batch', `f${String(i).padStart(3, '0')}.xml.p7m`),
    );
    const opts = await session.openVerification({ trustFiles: [fx.pki.rootPem], offline: true });
    const stats = { byThreads: 0 };
    const broken = { session: { trustFiles: [join(dir, 'missing.pem')], offline: true } };
    const pooled = await pool.verifyFilesPooled(paths, opts, broken, {
      threads: 1,
      stats,
      callerTakesPart: false,
    });
    expect(stats.byThreads).toBe(0);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(await session.verifyFiles(paths, opts)));
  });

  it('a thread that dies after taking files: the caller verifies them; every file reported once', async () => {
    const paths = Array.from({ length: 100 }, (_, i) =>
      join(dir, 'batch', `f${String(i).padStart(3, '0')}.xml.p7m`),
    );
    const o = { trustFiles: [fx.pki.rootPem], offline: true };
    const opts = await session.openVerification(o);
    const serial = JSON.stringify(await session.verifyFiles(paths, opts));
    const entry = join(__dirname, 'support', 'dying-thread.js');
    for (const callerTakesPart of [false, true]) {
      const stats = { byThreads: 0 };
      const run = { threads: 2, stats, callerTakesPart, entry };
      const pooled = await pool.verifyFilesPooled(paths, opts, { session: o }, run);
      expect(stats.byThreads).toBe(0);
      expect(JSON.stringify(pooled)).toBe(serial);
    }
  });

  it('printed as verified: each report printed by the thread that verified it (errors stay objects)', async () => {
    const paths = [
      ...Array.from({ length: 100 }, (_, i) => join(dir, 'batch', `f${String(i).padStart(3, '0')}.xml.p7m`)),
      join(dir, 'batch', 'zz-garbage.p7m'),
    ];
    const o = { trustFiles: [fx.pki.rootPem], offline: true };
    const opts = await session.openVerification(o);
    const serial = await session.verifyFiles(paths, opts);
    // a printed report as text (its bytes arrive from a thread as a Uint8Array, from the caller as a Buffer)
    const text = (r: SessionReport | JsonModule.PrintedReport) =>
      'printed' in r ? { printed: Buffer.from(r.printed).toString(), passed: r.passed } : r;
    const expected = serial.map((r) => (r.error ? r : { printed: json.jsonElement(r), passed: false }));
    expect(expected.filter((r) => 'printed' in r).length).toBeGreaterThan(80);
    expect(expected.filter((r) => !('printed' in r)).length).toBeGreaterThanOrEqual(5);
    const dying = join(__dirname, 'support', 'dying-thread.js');
    for (const [callerTakesPart, entry, byThreads] of [
      [false, undefined, paths.length],
      [true, undefined, undefined],
      [true, dying, 0],
    ] as const) {
      const stats = { byThreads: 0 };
      const threads = pool.startVerifierThreads(
        { session: o },
        { threads: 2, stats, callerTakesPart, entry },
      );
      const printed = await threads.runPrinted(paths, opts);
      if (byThreads !== undefined) expect(stats.byThreads).toBe(byThreads);
      expect(JSON.stringify(printed.map(text))).toBe(JSON.stringify(expected));
      const parts = printed.map((r) => ('printed' in r ? r.printed : json.utf8Bytes(json.jsonElement(r))));
      expect(Buffer.concat(json.jsonArrayParts(parts)).toString()).toBe(JSON.stringify(serial, null, 2));
    }
  });

  it('the work waits in a starting thread`s port: it starts on the files as soon as it is ready', async () => {
    const paths = Array.from({ length: 40 }, (_, i) =>
      join(dir, 'batch', `f${String(i).padStart(3, '0')}.xml.p7m`),
    );
    const o = { trustFiles: [fx.pki.rootPem], offline: true };
    const opts = await session.openVerification(o);
    const marker = join(dir, 'early-work.txt');
    const entry = join(__dirname, 'support', 'early-work-thread.js');
    const stats = { byThreads: 0 };
    const run = { threads: 1, stats, callerTakesPart: false, entry, entryData: { marker } };
    const pooled = await pool.verifyFilesPooled(paths, opts, { session: o }, run);
    expect(readFileSync(marker, 'utf8')).toBe('work before ready: 40 files');
    // it took none: the caller verified them all, in order
    expect(stats.byThreads).toBe(0);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(await session.verifyFiles(paths, opts)));
  });

  it('threads: one per idle core beyond ours and one for V8; none for few files or SIGILLO_NO_FAST=1', () => {
    const byLoad = null; // the running count unknown (not Linux): the load average decides
    // 2 cores: one thread for a big batch on an idle machine only (measured: below, a thread costs more)
    expect(pool.poolThreads(100, {}, 2, 0, byLoad)).toBe(0);
    expect(pool.poolThreads(pool.POOL_FROM_FILES_TWO_CORES - 1, {}, 2, 0, byLoad)).toBe(0);
    expect(pool.poolThreads(pool.POOL_FROM_FILES_TWO_CORES, {}, 2, 0, byLoad)).toBe(1);
    expect(pool.poolThreads(1000, {}, 2, 0.5, byLoad)).toBe(1);
    expect(pool.poolThreads(1000, {}, 2, 1.2, byLoad)).toBe(0);
    expect(pool.poolThreads(1000, { SIGILLO_NO_FAST: '1' }, 2, 0, byLoad)).toBe(0);
    expect(pool.poolThreads(100, {}, 4, 0.3, byLoad)).toBe(2);
    expect(pool.poolThreads(100, {}, 4, 1.5, byLoad)).toBe(1);
    expect(pool.poolThreads(100, {}, 4, 3.5, byLoad)).toBe(0); // busy machine: the serial run
    expect(pool.poolThreads(100, {}, 8, 2.2, byLoad)).toBe(4);
    expect(pool.poolThreads(pool.POOL_FROM_FILES - 1, {}, 8, 0, byLoad)).toBe(0);
    expect(pool.poolThreads(100, { SIGILLO_NO_FAST: '1' }, 8, 0, 0)).toBe(0);
    expect(pool.poolThreads(100, { SIGILLO_HASH_THREADS: '0' }, 8, 0, 0)).toBe(0);
  });

  it('SIGILLO_VERIFY_THREADS sets the count for any batch (measurements, tests); SIGILLO_NO_FAST=1 still wins', () => {
    expect(pool.poolThreads(1, { SIGILLO_VERIFY_THREADS: '1' }, 2, 0, 1)).toBe(1);
    expect(pool.poolThreads(5000, { SIGILLO_VERIFY_THREADS: '0' }, 8, 0, 0)).toBe(0);
    expect(pool.poolThreads(100, { SIGILLO_VERIFY_THREADS: '3' }, 2, 2, 2)).toBe(3);
    expect(pool.poolThreads(100, { SIGILLO_VERIFY_THREADS: '3', SIGILLO_NO_FAST: '1' }, 8, 0, 0)).toBe(0);
    // not a count from 0 to 7: the start rule decides
    for (const bad of ['8', '-1', '1.5', 'x', '']) {
      expect(pool.poolThreads(100, { SIGILLO_VERIFY_THREADS: bad }, 2, 0, 0)).toBe(0);
      expect(pool.poolThreads(100, { SIGILLO_VERIFY_THREADS: bad }, 8, 0, 0)).toBe(6);
    }
  });

  it('a core busy for an instant is not busy: the least of a few readings of what runs elsewhere', () => {
    const readings = (xs: (number | undefined)[]) => {
      let i = 0;
      return () => xs[i++];
    };
    expect(pool.steadyRunningElsewhere(3, 0, readings([1, 0, 1]))).toBe(0); // a transient task
    expect(pool.steadyRunningElsewhere(3, 0, readings([1, 1, 1]))).toBe(1); // a steady one
    expect(pool.steadyRunningElsewhere(3, 0, readings([2, 1, 3]))).toBe(1);
    expect(pool.steadyRunningElsewhere(3, 0, readings([undefined]))).toBeUndefined(); // not readable
    expect(pool.steadyRunningElsewhere(3, 0, readings([2, undefined]))).toBe(2);
    // stops at the first idle reading
    let calls = 0;
    expect(pool.steadyRunningElsewhere(3, 0, () => (calls++, 0))).toBe(0);
    expect(calls).toBe(1);
  });

  it('threads of this process running now: state R after the last parenthesis of each task stat', () => {
    const stats: Record<string, string> = {
      '10': '10 (node) R 1 10 10 0 -1',
      '11': '11 (V8 Worker) S 1 10 10 0 -1',
      '12': '12 (a) b) R) R 1 10 10 0 -1', // a name with ") R" in it, running
      '13': '13 (x) S 1 10 10 0 -1',
    };
    expect(
      pool.runningHere(
        () => Object.keys(stats),
        (id) => stats[id]!,
      ),
    ).toBe(2);
    // nothing readable: the caller itself still runs
    expect(
      pool.runningHere(
        () => [],
        () => '',
      ),
    ).toBe(1);
    // the running count alone says nothing runs elsewhere (1: the reading thread): this process is not read
    const loadavg = (running: number) => () => `0.50 0.40 0.30 ${running}/300 12345\n`;
    let read = 0;
    const here = (n: number) => () => (read++, n);
    expect(pool.runningElsewhere(loadavg(1), here(1))).toBe(0);
    expect(pool.runningElsewhere(loadavg(0), here(1))).toBe(0);
    expect(read).toBe(0);
    expect(pool.runningElsewhere(loadavg(3), here(2))).toBe(1);
    expect(pool.runningElsewhere(loadavg(2), here(3))).toBe(0);
    expect(read).toBe(2);
    expect(pool.runningElsewhere(() => 'garbage', here(1))).toBeUndefined();
    // the real /proc of this test process: the calling thread at least
    expect(pool.runningHere()).toBeGreaterThanOrEqual(1);
    expect(pool.runningElsewhere()).toBeGreaterThanOrEqual(0);
  });

  it('threads: what runs now decides over the one-minute average when it is known', () => {
    // the average still counts a run that just ended; nothing else running now: the idle cores count
    expect(pool.poolThreads(100, {}, 4, 3.5, 0)).toBe(2);
    // a quiet last minute, but two compilations running now: no thread
    expect(pool.poolThreads(100, {}, 4, 0.1, 2)).toBe(0);
    expect(pool.poolThreads(100, {}, 8, 0, 3)).toBe(3);
    expect(pool.poolThreads(100, {}, 2, 0, 0)).toBe(0);
    expect(pool.poolThreads(1000, {}, 2, 0, 0)).toBe(1);
    expect(pool.poolThreads(1000, {}, 2, 0, 1)).toBe(0); // the other core is busy now
    expect(pool.poolThreads(100, {}, 16, 0, 0)).toBe(7); // at most MAX_THREADS
    // /proc/loadavg: "1min 5min 15min running/total lastpid"; this thread is one of the running
    expect(
      pool.runningElsewhere(
        () => '0.52 0.41 0.30 3/201 4242\n',
        () => 1,
      ),
    ).toBe(2);
    expect(
      pool.runningElsewhere(
        () => '0.00 0.00 0.00 1/90 17\n',
        () => 1,
      ),
    ).toBe(0);
    // this process's own compiler/GC threads running now are not another program's load
    expect(
      pool.runningElsewhere(
        () => '1.10 0.41 0.30 3/201 4242\n',
        () => 3,
      ),
    ).toBe(0);
    expect(
      pool.runningElsewhere(
        () => '1.10 0.41 0.30 4/201 4242\n',
        () => 3,
      ),
    ).toBe(1);
    expect(pool.runningElsewhere(() => 'garbage')).toBeUndefined();
    expect(
      pool.runningElsewhere(() => {
        throw new Error('ENOENT');
      }),
    ).toBeUndefined();
  });
});
