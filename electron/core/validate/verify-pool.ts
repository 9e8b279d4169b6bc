/**
 * Verification of many files on several cores (issue 22): the calling thread verifies files from the front of
 * one queue while verifier threads (verify-pool-worker.ts, one per other core) start up and then take files
 * from the same queue in small batches, so a pool never costs more than the serial run while it starts. Each
 * thread loads the modules once and opens its own session from the same options (trust anchors, revocation
 * checker and its caches, shared on disk by atomic writes). The reports come back in input order and are the
 * same as the serial run's (SIGILLO_NO_FAST=1 turns the pool off; the benchmark compares both).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { speedUpsOn } from '../files/speed-ups';
import type { VerifyFileOptions } from '../verify/file-types';
import type { SessionOptions } from './session';
import type { FileReport } from '../verify/types';
import { printUnlessError, type PrintedReport } from './report-json';

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
  /** thread → caller: the session is open, ready for the run's files */
  ready?: true;
  results?: { index: number; report: FileReport | PrintedReport }[];
  /** every file is taken: the thread has nothing more to send */
  finished?: true;
  /** the thread could not open its session: the caller verifies the rest itself */
  failed?: string;
}

/** caller → thread, once: the run's files and the shared counter of the first one no thread has taken */
export interface PoolWork {
  paths: string[];
  next: SharedArrayBuffer;
  /** files taken at a time */
  batch: number;
  /** send the reports printed (report-json.ts printUnlessError) rather than as objects */
  print?: boolean;
}

export interface PoolRun {
  /** verifier threads (default poolThreads) */
  threads?: number;
  /** counts the files the threads verified */
  stats?: { byThreads: number };
  /** false: the calling thread only waits (tests: every file goes through a thread unless one fails) */
  callerTakesPart?: boolean;
  /** the threads' script (default: verify-pool-worker.js), and what it gets in its workerData besides `pool` */
  entry?: string;
  entryData?: object;
  /**
   * a thread of `entry` already started, waiting for `{ go: workerData }` before it does anything (the CLI's entry
   * starts one early: cli/early-verify.ts); it becomes the first thread
   */
  adopt?: Worker;
}

function workerFile(): string | undefined {
  const file = join(__dirname, 'verify-pool-worker.js');
  return existsSync(file) ? file : undefined; // from TypeScript sources (tests): no pool
}

/**
 * Threads of this process running now (Linux: state R in /proc/self/task/<id>/stat), at least 1 (the caller):
 * V8's own compiler and GC threads run while the verifier code loads and must not count as another program's load.
 */
export function runningHere(
  tasks = (): string[] => readdirSync('/proc/self/task'),
  stat = (id: string): string => readFileSync(`/proc/self/task/${id}/stat`, 'latin1'),
): number {
  let n = 0;
  try {
    for (const id of tasks()) {
      // "pid (comm) S …": the state follows the last ')' (comm may hold spaces and parentheses)
      const s = stat(id);
      if (s.charAt(s.lastIndexOf(')') + 2) === 'R') n++;
    }
  } catch {
    // a thread may end while we look; what was counted stands
  }
  return Math.max(1, n);
}

/**
 * Threads running on the machine now besides this process's (Linux: the running count of /proc/loadavg minus
 * `runningHere`); undefined where it cannot be read. A count of 1 is the reading thread itself: `runningHere`
 * (a read of every thread's stat, ~0.2 ms each, before the verifier thread can start) is then not needed.
 */
export function runningElsewhere(
  read = () => readFileSync('/proc/loadavg', 'latin1'),
  here: () => number = () => runningHere(),
): number | undefined {
  try {
    const running = /^\S+ \S+ \S+ (\d+)\//.exec(read())?.[1];
    if (running === undefined) return undefined;
    return Number(running) <= 1 ? 0 : Math.max(0, Number(running) - here());
  } catch {
    return undefined;
  }
}

/**
 * The least of `samples` readings of `runningElsewhere`, `gapMs` apart: a task that runs for an instant (a kernel
 * worker, a process exiting) is not a busy core, one that keeps running is.
 */
export function steadyRunningElsewhere(
  samples = 3,
  gapMs = 1,
  sample: () => number | undefined = () => runningElsewhere(),
): number | undefined {
  let least: number | undefined;
  const clock = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < samples; i++) {
    if (i > 0) Atomics.wait(clock, 0, 0, gapMs);
    const n = sample();
    if (n === undefined) return least;
    least = least === undefined ? n : Math.min(least, n);
    if (least === 0) break;
  }
  return least;
}

/** SIGILLO_VERIFY_THREADS as a thread count, undefined when unset or not a whole number from 0 to MAX_THREADS */
function threadsFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const n = env.SIGILLO_VERIFY_THREADS;
  return n !== undefined && /^[0-9]$/.test(n) && Number(n) <= MAX_THREADS ? Number(n) : undefined;
}

/**
 * On 2 cores, a thread from this many files. With the batch's V8 tiering (cli/batch-tiering.ts) V8's helper
 * threads no longer fill the second core, so a verifier thread can take it; it pays once it is ready early enough
 * to take a good share. Since it runs from its own bundle with a code cache and takes files from a shared counter
 * (measured 7 Dec 2026 at load 5 from other builds, our runs at autogroup nice -20, best of 5-7 in turns, one
 * thread vs none: 1 file 0.17 vs 0.14 s, 10 0.18 vs 0.15, 100 0.22 vs 0.21, 300 0.30 vs 0.30, 400 0.33 vs 0.35,
 * 500 0.34 vs 0.38, 1000 0.49 vs 0.56, 3000 0.99 vs 1.33; the thread adds 0.05-0.25 s of CPU time). It was
 * 600 when the thread loaded the plain files (ready 0.3-0.5 s after the start).
 */
export const POOL_FROM_FILES_TWO_CORES = 400;

/**
 * How many verifier threads for `files` files, 0 for no pool: one per idle core, besides the calling thread's
 * core and, from 3 cores, one left to V8's own background threads (optimising compiler, GC). On 2 cores, one
 * thread from POOL_FROM_FILES_TWO_CORES files when the other core is idle. Idle is judged on what runs now
 * (`running`, other threads running now, the least of three readings a millisecond apart) when known, else on the last minute's load average, which
 * still counts the work that just ended (a benchmark's previous run) as load. SIGILLO_VERIFY_THREADS=N (0 to
 * MAX_THREADS) sets the count for any batch, for measurements and tests; SIGILLO_NO_FAST=1 still means none.
 */
export function poolThreads(
  files: number,
  env: NodeJS.ProcessEnv = process.env,
  cores = availableParallelism(),
  load = loadavg()[0] ?? 0,
  running: number | null = steadyRunningElsewhere() ?? null,
): number {
  if (!speedUpsOn(env) || !workerFile()) return 0;
  const forced = threadsFromEnv(env);
  if (forced !== undefined) return forced;
  if (files < POOL_FROM_FILES) return 0;
  // others running now leave cores - 1 - running idle besides ours; the average counts no work of this run yet
  const idle = running === null ? Math.floor(cores - load) : cores - 1 - running;
  if (cores === 2) return files >= POOL_FROM_FILES_TWO_CORES && idle >= 1 ? 1 : 0;
  return Math.max(0, Math.min(MAX_THREADS, cores - 2, idle - 1));
}

/** verifier threads started for a batch, before the caller has loaded the verification code */
export interface VerifierThreads {
  /**
   * Verifies `paths` here too, sharing one queue with the threads (they take files only from now on); results in
   * input order.
   */
  run(paths: string[], opts: VerifyFileOptions): Promise<FileReport[]>;
  /**
   * The same run, each report printed as an element of the JSON array as soon as it is verified, by the thread
   * that verified it (report-json.ts): less to copy between the threads, and no printing left for the end. A
   * report with an error stays an object (printUnlessError).
   */
  runPrinted(paths: string[], opts: VerifyFileOptions): Promise<(FileReport | PrintedReport)[]>;
  /** ends the threads (the run will not happen, e.g. the caller's session could not be opened) */
  stop(): void;
}

/**
 * The queue of one run: each thread, the caller included, takes the next BATCH files by one atomic add on a
 * shared counter, so a thread never waits for the caller to hand it work (the caller only collects results
 * when it awaits). A file is verified once; a file whose report never came (a thread that failed) is verified
 * by the caller at the end.
 */
class Queue {
  readonly next = new Int32Array(new SharedArrayBuffer(4));
  constructor(
    readonly paths: string[],
    readonly print: boolean,
  ) {}
  /** the work message of a thread */
  work(): PoolWork {
    const work = { paths: this.paths, next: this.next.buffer as SharedArrayBuffer, batch: BATCH };
    return this.print ? { ...work, print: true } : work;
  }
  /** the next batch's indexes [from, to), undefined once every file is taken */
  take(): [number, number] | undefined {
    const from = Atomics.add(this.next, 0, BATCH);
    return from < this.paths.length ? [from, Math.min(from + BATCH, this.paths.length)] : undefined;
  }
}

/**
 * Starts `threads` verifier threads, each opening its session from `pool`; they load their code while the calling
 * thread loads its own, and take files once `run` gives them. `entry` is the thread's script (default: the plain
 * verify-pool-worker.js; the CLI gives its bundled entry), started with `{ pool, ...entryData }` as workerData.
 */
export function startVerifierThreads(pool: PoolSession, o: PoolRun & { threads: number }): VerifierThreads {
  const file = o.entry ?? workerFile();
  const lanes = file
    ? Array.from({ length: o.threads }, (_, i) =>
        threadLane(file, { ...o.entryData, pool }, o.stats, i === 0 ? o.adopt : undefined),
      )
    : [];
  const run = async (
    paths: string[],
    opts: VerifyFileOptions,
    print: boolean,
  ): Promise<(FileReport | PrintedReport)[]> => {
    const { verifyFiles } = await import('./session.js');
    const results = new Array<FileReport | PrintedReport | undefined>(paths.length);
    const queue = new Queue(paths, print);
    const keep = print ? printUnlessError : (r: FileReport) => r;
    // online, the threads take files once the caller's first batch is verified: its revocation answers are then
    // in the disk cache the threads share (not their in-memory memo), so the answers a batch starts with are
    // fetched once, not once per thread at the same time; offline nothing is fetched, they take files at once
    let given = pool.session.offline === true || o.callerTakesPart === false;
    if (given) for (const lane of lanes) lane.give(queue, results);
    if (o.callerTakesPart !== false) {
      for (let batch = queue.take(); batch; batch = queue.take()) {
        const [from, to] = batch;
        const reports = await verifyFiles(paths.slice(from, to), opts);
        reports.forEach((r, k) => (results[from + k] = keep(r)));
        if (!given) for (const lane of lanes) lane.give(queue, results);
        given = true;
        // small files verify without real I/O: let the threads' results in between batches
        await new Promise((r) => setImmediate(r));
      }
      // a thread ready with no work would never end (no file at all): it finds the queue empty
      if (!given) for (const lane of lanes) lane.give(queue, results);
      // threads still starting are not worth waiting for once every file is taken
      for (const lane of lanes) lane.stopIfIdle();
    }
    await Promise.all(lanes.map((l) => l.done));
    // what threads that failed had taken, and what no one took (every thread failed before the caller's turn)
    const left: number[] = [];
    for (let i = 0; i < paths.length; i++) if (results[i] === undefined) left.push(i); // holes too
    if (left.length > 0) {
      const reports = await verifyFiles(
        left.map((i) => paths[i] as string),
        opts,
      );
      left.forEach((i, k) => (results[i] = keep(reports[k] as FileReport)));
    }
    return results as (FileReport | PrintedReport)[];
  };
  return {
    // unprinted, every result is a FileReport
    run: (paths, opts) => run(paths, opts, false) as Promise<FileReport[]>,
    runPrinted: (paths, opts) => run(paths, opts, true),
    stop: () => lanes.forEach((l) => l.stop()),
  };
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
  const threads = o.threads ?? poolThreads(paths.length);
  return startVerifierThreads(pool, { ...o, threads }).run(paths, opts);
}

interface Lane {
  /** the run's files: the thread starts taking them once it is ready */
  give(queue: Queue, results: (FileReport | PrintedReport | undefined)[]): void;
  /** settles when the thread has ended: every file taken, failed, or stopped */
  done: Promise<void>;
  /**
   * ends the thread unless it has said it is ready (the caller found the queue empty first): a thread that took
   * files just before its "ready" came leaves holes the caller fills, as when a thread fails
   */
  stopIfIdle(): void;
  /** ends the thread whatever it is doing */
  stop(): void;
}

/**
 * One verifier thread: given the run's files, it takes batches until none is left. The work goes to it as soon
 * as the run starts, even while it is still starting: it waits in the thread's port until its session is open,
 * so the thread starts on the files at once rather than when this thread, busy with its own (first, slow)
 * batch, gets round to its "ready".
 */
function threadLane(file: string, workerData: object, stats?: { byThreads: number }, adopted?: Worker): Lane {
  const worker = adopted ?? new Worker(file, { workerData });
  if (adopted) {
    adopted.ref(); // it was kept from holding the process open while nobody had taken it
    adopted.postMessage({ go: workerData });
  }
  let ready = false;
  let run: { queue: Queue; results: (FileReport | PrintedReport | undefined)[] } | undefined;
  let working = false;
  let end = () => undefined as void;
  const done = new Promise<void>((resolve) => {
    end = () => {
      void worker.terminate();
      resolve();
    };
  });
  const start = () => {
    if (!run || working) return;
    working = true;
    worker.postMessage(run.queue.work());
  };
  worker.on('message', (m: PoolMessage) => {
    for (const r of m.results ?? []) if (run) run.results[r.index] = r.report;
    if (stats) stats.byThreads += m.results?.length ?? 0;
    if (m.failed || m.finished) return end();
    if (m.ready) ready = true;
  });
  worker.on('error', () => end());
  worker.on('exit', () => end());
  return {
    give: (queue, results) => {
      run = { queue, results };
      start();
    },
    done,
    stopIfIdle: () => {
      if (!ready) end();
    },
    stop: () => end(),
  };
}
