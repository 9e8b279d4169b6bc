/**
 * Hashing of bytes handed over piece by piece (the content of a p7m as the parser finds it), on a worker
 * thread once the bytes are many: the calling thread copies them into a ring of shared slots and goes on
 * parsing while the worker (copy-hash-worker's hasher) hashes them, so a 1 GiB p7m costs about one hash pass
 * of wall time instead of parse + hash. Small contents (a batch of invoices) never start a thread: their bytes
 * are hashed on the calling thread, and so is any content beyond MAX_RINGS thread at once (a deeply nested
 * p7m verified in one pass hashes every level at the same time). The digests are the same either way;
 * SIGILLO_NO_FAST=1 (or its older name SIGILLO_HASH_THREADS=0) turns the threads off (the benchmark compares both).
 */
import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { copyHashWorker } from './copy-hash-worker';
import { copyIntoShared } from './shared-copy';
import { speedUpsOn } from './speed-ups';

/** 1 MiB slots: a few hundred hand-overs per GiB (each wakes the worker) */
const SLOT_BYTES = 1024 * 1024;
const SLOT_COUNT = 6;
/** contents up to this size are hashed on the calling thread (starting a thread costs more) */
export const THREAD_FROM_BYTES = 4 * 1024 * 1024;
const WORKER_SOURCE = `(${copyHashWorker.toString()})()`;
// control words of copy-hash-worker: [produced, consumed, state, len_0 …]
const PRODUCED = 0;
const CONSUMED = 1;
const STATE = 2;
const LEN = 3;

/** Atomics.waitAsync (Node ≥ 16; not in this TypeScript lib yet) */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      a: Int32Array,
      i: number,
      v: number,
      ms: number,
    ): { async: boolean; value: Promise<string> | string };
  }
).waitAsync;

export interface StreamHash {
  /** hashes `chunk` after the bytes before it; the chunk may be reused once the promise settles */
  update(chunk: Uint8Array): void | Promise<void>;
  /** the digests in the order of the algorithms; ends the hash */
  digests(): Promise<Buffer[]>;
  /** stops the thread, if any (after an error elsewhere); harmless once finished */
  cancel(): void;
}

export function threadsAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return speedUpsOn(env);
}

/**
 * hash threads running at once in this thread: one. A nested p7m read in one pass hashes two levels at once;
 * the second hashes on the calling thread, which has the other core to itself then (measured on 2 cores: the
 * same time as a second thread, ~20 MiB less peak RSS — a thread and its ring — which keeps the 100 MiB goal)
 */
export const MAX_RINGS = 1;
let rings = 0;

/**
 * Counts another hash thread of this thread against MAX_RINGS until the returned function is called (a p7m's
 * content hashed from the file, verify/content-prefetch.ts): a nested level then hashes on the calling thread.
 */
export function holdHashThread(): () => void {
  rings++;
  let held = true;
  return () => {
    if (held) rings--;
    held = false;
  };
}

/**
 * A hash of several node:crypto algorithms over a stream of pieces; threaded past THREAD_FROM_BYTES unless
 * `threads` is false. `make` creates the calling thread's hashes (SHAKE with its output length): algorithms
 * the worker would make differently (SHAKE) stay on the calling thread. `expectedBytes`, the content's length
 * when the caller knows it (a DER length): at most THREAD_FROM_BYTES hashes on the calling thread from the
 * first piece, without copying the pieces while the size is unsure (a batch of invoices: no copy per file).
 * It only chooses where the hashing runs: a content longer than announced still gets the right digests.
 */
export function startStreamHash(
  algorithms: string[],
  make: (name: string) => Hash = (n) => createHash(n),
  threads?: boolean,
  expectedBytes?: number,
): StreamHash {
  // the environment is read (threadsAllowed, when `threads` is not given) only when the size leaves it open
  const threadable =
    algorithms.length > 0 &&
    !algorithms.some((a) => a.startsWith('shake')) &&
    !(expectedBytes !== undefined && expectedBytes <= THREAD_FROM_BYTES) &&
    (threads ?? threadsAllowed());
  /** copies of the first bytes, until it is clear whether the content is big enough for the thread */
  let head: Buffer[] = [];
  let seen = 0;
  let ring: Ring | undefined;
  let local = threadable ? undefined : algorithms.map(make);
  return {
    update(chunk) {
      if (ring) return ring.write(chunk);
      if (local) {
        for (const h of local) h.update(chunk);
        return;
      }
      seen += chunk.length;
      if (seen <= THREAD_FROM_BYTES) {
        head.push(Buffer.from(chunk));
        return;
      }
      const before = head;
      head = [];
      if (rings >= MAX_RINGS) {
        local = algorithms.map(make);
        for (const h of local) for (const b of [...before, chunk]) h.update(b);
        return;
      }
      ring = new Ring(algorithms);
      const r = ring;
      return (async () => {
        for (const b of before) await r.write(b);
        await r.write(chunk);
      })();
    },
    async digests() {
      if (ring) return ring.digests();
      const hashes = local ?? algorithms.map(make);
      for (const b of head) for (const h of hashes) h.update(b);
      head = [];
      return hashes.map((h) => h.digest());
    },
    cancel() {
      ring?.cancel();
    },
  };
}

class Ring {
  private readonly buf: Buffer;
  private readonly ctl: Int32Array;
  private readonly worker: Worker;
  /** slot being filled, and how many bytes it holds */
  private k = 0;
  private fill = 0;
  private failure: Error | undefined;
  /** the digests arrived: the thread's exit is expected */
  private finished = false;
  private readonly result: Promise<Buffer[]>;

  constructor(algorithms: string[]) {
    rings++; // until the thread's exit
    const slots = new SharedArrayBuffer(SLOT_BYTES * SLOT_COUNT);
    const ctl = new SharedArrayBuffer(4 * (LEN + SLOT_COUNT));
    this.buf = Buffer.from(slots);
    this.ctl = new Int32Array(ctl);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        role: 'hasher',
        input: '',
        outFd: null,
        offset: 0,
        algorithms,
        slots,
        ctl,
        slotBytes: SLOT_BYTES,
        slotCount: SLOT_COUNT,
        progressEvery: Number.MAX_SAFE_INTEGER,
      },
    });
    this.result = new Promise<Buffer[]>((resolve, reject) => {
      this.worker.on('message', (m: { type: string; digests?: Uint8Array[] }) => {
        if (m.type === 'hashed') this.worker.postMessage({ type: 'digest' });
        if (m.type === 'digests') {
          const digests = (m.digests ?? []).map((d) => Buffer.from(d));
          this.finished = true;
          // the thread's memory is given back before the caller goes on (a nested level starts its own)
          void this.worker.terminate().then(
            () => resolve(digests),
            () => resolve(digests),
          );
        }
      });
      this.worker.on('error', (e) => {
        this.failure = e;
        reject(e);
      });
      this.worker.on('exit', () => {
        rings--;
        if (!this.finished) reject((this.failure ??= new Error('hash thread ended unexpectedly')));
      });
    });
    this.result.catch(() => undefined);
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    // the usual case, a small piece (a BER fragment) that fits the slot being filled: no view, no loop
    if (this.fill > 0 && chunk.length < SLOT_BYTES - this.fill) {
      copyIntoShared(this.buf, chunk, (this.k % SLOT_COUNT) * SLOT_BYTES + this.fill);
      this.fill += chunk.length;
      return;
    }
    let off = 0;
    while (off < chunk.length) {
      if (this.fill === 0) await this.slotFree();
      const at = (this.k % SLOT_COUNT) * SLOT_BYTES + this.fill;
      const n = Math.min(chunk.length - off, SLOT_BYTES - this.fill);
      copyIntoShared(this.buf, n === chunk.length ? chunk : chunk.subarray(off, off + n), at);
      this.fill += n;
      off += n;
      if (this.fill === SLOT_BYTES) this.publish();
    }
  }

  /** waits until slot k is no longer waiting to be hashed */
  private async slotFree(): Promise<void> {
    for (;;) {
      const consumed = Atomics.load(this.ctl, CONSUMED);
      if (this.k - consumed < SLOT_COUNT) return;
      if (this.failure) throw this.failure;
      const w = waitAsync(this.ctl, CONSUMED, consumed, 1000);
      if (w.async) await w.value;
    }
  }

  private publish(): void {
    Atomics.store(this.ctl, LEN + (this.k % SLOT_COUNT), this.fill);
    this.k++;
    this.fill = 0;
    Atomics.store(this.ctl, PRODUCED, this.k);
    Atomics.notify(this.ctl, PRODUCED);
  }

  async digests(): Promise<Buffer[]> {
    if (this.fill > 0) this.publish();
    Atomics.store(this.ctl, STATE, 1);
    Atomics.notify(this.ctl, PRODUCED);
    return this.result;
  }

  cancel(): void {
    Atomics.store(this.ctl, STATE, 2);
    Atomics.notify(this.ctl, PRODUCED);
    void this.worker.terminate();
  }
}
