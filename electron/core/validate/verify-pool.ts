/**
 * Verification of many files on several cores (issue 22): the calling thread verifies files from the front of
 * one queue while verifier threads (verify-pool-worker.ts, one per other core) start up and then take files
 * from the same queue in small batches, so a pool never costs more than the serial run while it starts. Each
 * thread loads the modules once and opens its own session from the same options (trust anchors, revocation
 * checker and its caches, shared on disk by atomic writes). The reports come back in input order and are the
 * same as the serial run's (SIGILLO_NO_FAST=1 turns the pool off; the benchmark compares both).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { speedUpsOn } from '../files/speed-ups';
import type { VerifyFileOptions } from '../verify/file-types';
import type { SessionOptions } from './session';
import type { FileReport } from '../verify/types';

/** below this many files the threads' start-up (module loading) costs more than it saves */
export const POOL_FROM_FILES = 64;
/** files handed over at a time: few messages, yet the last batches still spread over the threads */
const BATCH = 16;
const MAX_THREADS = 7;

/** what a verifier thread needs to open the same session */
export interface PoolSession {
  session: SessionOptions;
  content?: string;
}

export interface PoolMessage {
  /** thread → caller: ready for a batch (after `results`, or at start) */
  ready?: true;
  results?: { index: number; report: FileReport }[];
  /** the thread could not open its session: the caller verifies the rest itself */
  failed?: string;
}

export interface PoolRun {
  /** verifier threads (default poolThreads) */
  threads?: number;
  /** counts the files the threads verified */
  stats?: { byThreads: number };
  /** false: the calling thread only waits (tests: every file goes through a thread unless one fails) */
  callerTakesPart?: boolean;
}

function workerFile(): string | undefined {
  const file = join(__dirname, 'verify-pool-worker.js');
  return existsSync(file) ? file : undefined; // from TypeScript sources (tests): no pool
}

/**
 * Threads running on the machine now besides this one (Linux: the running count of /proc/loadavg, ourselves
 * excluded); undefined where it cannot be read.
 */
export function runningElsewhere(read = () => readFileSync('/proc/loadavg', 'latin1')): number | undefined {
  try {
    const running = /^\S+ \S+ \S+ (\d+)\//.exec(read())?.[1];
    return running === undefined ? undefined : Math.max(0, Number(running) - 1);
  } catch {
    return undefined;
  }
}

/**
 * On 2 cores, a thread from this many files. With the batch's V8 tiering (cli/batch-tiering.ts) V8's helper
 * threads no longer fill the second core (~0.15 s of CPU instead of ~0.5 s for 1000 files), so a verifier
 * thread can take it; it starts paying once it is ready early enough to take a good share (measured near-idle,
 * 5 runs in turns, one thread vs none: 64 files 0.29 vs 0.28 s, 100 0.34 vs 0.30, 300 0.39 vs 0.38, 500 0.50 vs
 * 0.51, 1000 0.60 vs 0.72, 3000 1.28 vs 1.47).
 */
export const POOL_FROM_FILES_TWO_CORES = 600;

/**
 * How many verifier threads for `files` files, 0 for no pool: one per idle core, besides the calling thread's
 * core and, from 3 cores, one left to V8's own background threads (optimising compiler, GC). On 2 cores, one
 * thread from POOL_FROM_FILES_TWO_CORES files when the other core is idle. Idle is judged on what runs now
 * (`running`, other threads running at this instant) when known, else on the last minute's load average, which
 * still counts the work that just ended (a benchmark's previous run) as load.
 */
export function poolThreads(
  files: number,
  env: NodeJS.ProcessEnv = process.env,
  cores = availableParallelism(),
  load = loadavg()[0] ?? 0,
  running: number | null = runningElsewhere() ?? null,
): number {
  if (files < POOL_FROM_FILES || !speedUpsOn(env) || !workerFile()) return 0;
  // others running now leave cores - 1 - running idle besides ours; the average counts no work of this run yet
  const idle = running === null ? Math.floor(cores - load) : cores - 1 - running;
  if (cores === 2) return files >= POOL_FROM_FILES_TWO_CORES && idle >= 1 ? 1 : 0;
  return Math.max(0, Math.min(MAX_THREADS, cores - 2, idle - 1));
}

/** verifier threads started for a batch, before the caller has loaded the verification code */
export interface VerifierThreads {
  /** verifies the batch here too, sharing the queue with the threads; results in input order */
  run(opts: VerifyFileOptions): Promise<FileReport[]>;
  /** ends the threads (the run will not happen, e.g. the caller's session could not be opened) */
  stop(): void;
}

/**
 * Starts up to `threads` verifier threads for `paths`, each opening its session from `pool`; they load their
 * modules while the calling thread loads its own, so they are ready to take files when the caller starts.
 */
export function startVerifierThreads(paths: string[], pool: PoolSession, o: PoolRun = {}): VerifierThreads {
  const { threads = poolThreads(paths.length), stats } = o;
  const results = new Array<FileReport>(paths.length);
  let next = 0;
  const take = (): number[] => {
    const batch: number[] = [];
    while (batch.length < BATCH && next < paths.length) batch.push(next++);
    return batch;
  };
  const file = workerFile();
  const lanes = file
    ? Array.from({ length: threads }, () => threadLane(file, pool, paths, results, take, stats))
    : [];
  const run = async (opts: VerifyFileOptions): Promise<FileReport[]> => {
    const { verifyFiles } = await import('./session.js');
    for (let batch = o.callerTakesPart === false ? [] : take(); batch.length > 0; batch = take()) {
      const reports = await verifyFiles(
        batch.map((i) => paths[i] as string),
        opts,
      );
      batch.forEach((i, k) => (results[i] = reports[k] as FileReport));
      // small files verify without real I/O: let the threads' messages in between batches
      await new Promise((r) => setImmediate(r));
    }
    // batches of threads that failed, and what no one took (every thread failed before the caller's turn)
    // threads still starting are not worth waiting for once the queue is empty
    if (o.callerTakesPart !== false) for (const lane of lanes) lane.stopIfIdle();
    const left = (await Promise.all(lanes.map((l) => l.done))).flat();
    for (let batch = take(); batch.length > 0; batch = take()) left.push(...batch);
    if (left.length > 0) {
      const reports = await verifyFiles(
        left.map((i) => paths[i] as string),
        opts,
      );
      left.forEach((i, k) => (results[i] = reports[k] as FileReport));
    }
    return results;
  };
  return { run, stop: () => lanes.forEach((l) => l.stop()) };
}

/**
 * Verifies `paths` with `opts` here and with up to `threads` verifier threads opened from `pool`; results in
 * input order. A thread that fails is dropped (its batch is verified here): the report never loses a file.
 */
export async function verifyFilesPooled(
  paths: string[],
  opts: VerifyFileOptions,
  pool: PoolSession,
  o: PoolRun = {},
): Promise<FileReport[]> {
  return startVerifierThreads(paths, pool, o).run(opts);
}

interface Lane {
  /** the files of the batch in hand when the thread failed */
  done: Promise<number[]>;
  /** ends the thread unless it is verifying a batch (the caller found the queue empty first) */
  stopIfIdle(): void;
  /** ends the thread whatever it is doing */
  stop(): void;
}

/** one verifier thread taking batches until the queue is empty; resolves with the files it could not do */
function threadLane(
  file: string,
  pool: PoolSession,
  paths: string[],
  results: FileReport[],
  take: () => number[],
  stats?: { byThreads: number },
): Lane {
  let stopIfIdle = () => undefined as void;
  let stop = () => undefined as void;
  const done = new Promise<number[]>((resolve) => {
    const worker = new Worker(file, { workerData: pool });
    let batch: number[] = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(batch);
    };
    worker.on('message', (m: PoolMessage) => {
      for (const r of m.results ?? []) results[r.index] = r.report;
      if (stats) stats.byThreads += m.results?.length ?? 0;
      if (m.failed) return finish();
      batch = take();
      if (batch.length === 0) return finish();
      worker.postMessage(batch.map((index) => ({ index, path: paths[index] })));
    });
    worker.on('error', finish);
    worker.on('exit', finish);
    stopIfIdle = () => {
      if (batch.length === 0) finish();
    };
    stop = finish;
  });
  return { done, stopIfIdle: () => stopIfIdle(), stop: () => stop() };
}
