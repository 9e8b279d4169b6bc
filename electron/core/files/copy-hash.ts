/**
 * Reading a big input once while copying it into an output and hashing it, on two worker threads (a reader that
 * also writes, and a hasher) sharing a ring of small buffers: the copy and the hash run on two cores, the main
 * thread stays free (PKCS#11 login, PDF parsing, progress) and memory stays flat whatever the size. More bytes
 * can be hashed after the file (a PDF increment) before the digests are taken. The input is only read.
 */
import { createHash } from 'node:crypto';
import { readFile, type FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { copyHashWorker } from './copy-hash-worker';
import { cancelledError, throwIfCancelled } from './cancelled';
import { fileError } from './input-file';
import { writeFully } from './write-fully';
import { bufferShift, PLACE_SLACK } from './aligned-buffer';
import type { AtomicOutput } from './atomic-output';
import type { ThreadSource } from './warm-thread';

const SLOT_BYTES = 256 * 1024;
const SLOT_COUNT = 32;
/** progress is reported every 4 MiB (and at the end) */
const PROGRESS_EVERY = 4 * 1024 * 1024;
const WORKER_SOURCE = `(${copyHashWorker.toString()})()`;

export interface CopyHashOptions {
  input: string;
  /** node:crypto hash names; none: copy only */
  algorithms: string[];
  /**
   * only these bytes of the input (a p7m's content, hashed before the parser reaches it): `done` then gives
   * how many were read, fewer when the file ends first. Threaded whatever the size.
   */
  range?: { from: number; length: number };
  /** write the input's bytes into this open file from `offset` (none: hash only) */
  out?: { handle: FileHandle; offset: number };
  /** bytes read (and written) so far */
  onProgress?: (done: number) => void;
  /** the input's size if known: small inputs are done on this thread (starting threads costs more than that) */
  size?: number;
  /** aborting stops the threads; `done` then rejects with CANCELLED */
  signal?: AbortSignal;
  /** a thread already started (warm-thread.ts): the job's first thread, when it is still there */
  thread?: ThreadSource;
  /**
   * hash only: the kernel copies the input into an output at the same time (kernel-copy.ts), whose writeback
   * the hashing thread starts at intervals during the copy (`flushCopy` once the output is open)
   */
  copiedAlongside?: boolean;
}

export interface CopyHashJob {
  /** the input's length once it was read in full (and written, and hashed) */
  readonly done: Promise<number>;
  /** hashes more bytes after the input's (only after `done`) */
  update(bytes: Uint8Array): void;
  /** the digests, in the order of `algorithms`; ends the job */
  digests(): Promise<Buffer[]>;
  /** stops the threads (after an error elsewhere); harmless once finished */
  cancel(): Promise<void>;
  /**
   * `copiedAlongside`: the output the kernel copies into, whose writeback the hashing thread starts every
   * FLUSH_EVERY bytes it hashed (a few times) until `flushCopy(undefined)` says the copy is over
   */
  flushCopy(out: FileHandle | undefined): void;
}

/** during a kernel copy alongside, its writeback started every 32 MiB hashed (~25 ms), at most FLUSH_TIMES times */
const FLUSH_EVERY = 32 * 1024 * 1024;
const FLUSH_TIMES = 2;

interface WorkerError {
  message: string;
  code?: string;
  syscall?: string;
  errno?: number;
}

type Message =
  | { type: 'progress'; done: number }
  | { type: 'read' | 'hashed'; length: number }
  | { type: 'digests'; digests: Uint8Array[] }
  | { type: 'error'; error: WorkerError };

function rebuild(e: WorkerError, input: string, writing: boolean): Error {
  const err = Object.assign(new Error(e.message), { code: e.code, syscall: e.syscall, errno: e.errno });
  // read-side errors name the input; write-side ones (ENOSPC, EIO on the output) go up as they are
  return writing && e.syscall === 'write' ? err : fileError(err, input);
}

/** Below this size the job runs on the calling thread (a batch of invoices must not start two threads each). */
const THREADS_FROM_BYTES = 4 * 1024 * 1024;

export function startCopyHash(o: CopyHashOptions): CopyHashJob {
  return o.size !== undefined && o.size < THREADS_FROM_BYTES && !o.range ? inThreadJob(o) : threadedJob(o);
}

/** The small-input job: one read, hashes and one positioned write, on the calling thread. */
function inThreadJob(o: CopyHashOptions): CopyHashJob {
  const hashes = o.algorithms.map((a) => createHash(a));
  const done = (async () => {
    throwIfCancelled(o.signal);
    const bytes = await readFile(o.input).catch((e: unknown) => {
      throw fileError(e, o.input);
    });
    throwIfCancelled(o.signal);
    for (const h of hashes) h.update(bytes);
    if (o.out) await writeFully(o.out.handle, bytes, o.out.offset);
    o.onProgress?.(bytes.length);
    return bytes.length;
  })();
  done.catch(() => undefined);
  return {
    done,
    update: (bytes) => hashes.forEach((h) => h.update(bytes)),
    digests: async () => {
      await done;
      return hashes.map((h) => h.digest());
    },
    cancel: async () => undefined,
    flushCopy: () => undefined,
  };
}

function threadedJob(o: CopyHashOptions): CopyHashJob {
  // the slots are placed off the slow copy band for where they are read from and written to (aligned-buffer.ts)
  const slots = new SharedArrayBuffer(PLACE_SLACK + SLOT_BYTES * SLOT_COUNT);
  const ctl = new SharedArrayBuffer(4 * (3 + SLOT_COUNT));
  // [output fd, copy over]: see copyHashWorker's `flush`
  const flush = o.copiedAlongside ? new SharedArrayBuffer(8) : undefined;
  if (flush) Atomics.store(new Int32Array(flush), 0, -1);
  const common = {
    input: o.input,
    outFd: o.out?.handle.fd ?? null,
    offset: o.out?.offset ?? 0,
    from: o.range?.from,
    length: o.range?.length,
    algorithms: o.algorithms,
    slots,
    slotShift: bufferShift(o.range?.from ?? 0, o.out?.offset),
    ctl,
    slotBytes: SLOT_BYTES,
    slotCount: SLOT_COUNT,
    // a message every 4 MiB costs the reading thread: none when nobody listens
    progressEvery: o.onProgress ? PROGRESS_EVERY : Number.MAX_SAFE_INTEGER,
    flush,
    flushEvery: FLUSH_EVERY,
    flushTimes: FLUSH_TIMES,
  };
  const spawn = (role: 'reader' | 'hasher' | 'both') => {
    const warm = o.thread?.take();
    if (!warm) return new Worker(WORKER_SOURCE, { eval: true, workerData: { ...common, role } });
    warm.postMessage({ ...common, role });
    return warm;
  };
  // hash only: one thread reads and hashes (reading from the page cache is cheap; a second thread costs its start)
  const hashing = o.algorithms.length > 0;
  const reader = spawn(o.out || !hashing ? 'reader' : 'both');
  const hasher = o.out && hashing ? spawn('hasher') : hashing ? reader : undefined;
  const workers = hasher && hasher !== reader ? [reader, hasher] : [reader];

  let digestsWaiter: ((d: Buffer[]) => void) | undefined;
  let failed: ((e: Error) => void) | undefined;
  let finished = false;
  const stop = (): Promise<void> => Promise.all(workers.map((w) => w.terminate())).then(() => undefined);
  const done = new Promise<number>((resolve, reject) => {
    let readLength: number | undefined;
    let hashed = !hasher;
    failed = (e) => {
      void stop();
      reject(e);
    };
    // two threads report: keep the figures increasing
    let reported = 0;
    const report = (done: number) => {
      if (done <= reported) return;
      reported = done;
      o.onProgress?.(done);
    };
    const maybeDone = () => {
      if (readLength === undefined || !hashed) return;
      report(readLength);
      resolve(readLength);
    };
    const onMessage = (m: Message) => {
      if (m.type === 'progress') report(m.done);
      else if (m.type === 'read') {
        readLength = m.length;
        maybeDone();
      } else if (m.type === 'hashed') {
        hashed = true;
        maybeDone();
      } else if (m.type === 'digests') {
        finished = true;
        digestsWaiter?.(m.digests.map((x) => Buffer.from(x)));
      } else if (m.type === 'error') failed?.(rebuild(m.error, o.input, o.out !== undefined));
    };
    const vanished = new Error('copy/hash thread ended unexpectedly');
    reader.on('exit', () => {
      if (readLength === undefined) failed?.(vanished);
    });
    hasher?.on('exit', () => {
      if (!finished) failed?.(vanished);
    });
    for (const w of workers) {
      w.on('message', onMessage);
      w.on('error', (e) => failed?.(e));
    }
  });
  done.catch(() => undefined);
  const onAbort = () => failed?.(cancelledError());
  if (o.signal?.aborted) onAbort();
  else if (o.signal) {
    const signal = o.signal;
    signal.addEventListener('abort', onAbort, { once: true });
    done.then(
      () => signal.removeEventListener('abort', onAbort),
      () => signal.removeEventListener('abort', onAbort),
    );
  }

  return {
    done,
    update(bytes) {
      hasher?.postMessage({ type: 'update', bytes });
    },
    async digests() {
      await done;
      if (!hasher) return [];
      const result = new Promise<Buffer[]>((resolve, reject) => {
        digestsWaiter = resolve;
        failed = reject;
      });
      hasher.postMessage({ type: 'digest' });
      return result;
    },
    cancel: stop,
    flushCopy(out) {
      if (!flush) return;
      const f = new Int32Array(flush);
      if (out) Atomics.store(f, 0, out.fd);
      else Atomics.store(f, 1, 1);
    },
  };
}

/** the started work and where its progress goes once taken */
export interface PrefetchedWork {
  job: CopyHashJob;
  /** the open temporary output; CAdES: where the content starts in it */
  out?: AtomicOutput;
  offset?: number;
  /** PAdES: the kernel copy of the original bytes into the temporary output */
  copied?: Promise<void>;
  /** receives the bytes read so far (the caller's progress, once it took the work) */
  onProgress(listener: (done: number) => void): void;
}
