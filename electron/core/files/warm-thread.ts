/**
 * A copy-and-hash thread (copy-hash-worker.ts) started before its job is known: a thread takes ~27 ms to start
 * here, during which nothing of it can run. A front end that can tell early that a big input will be hashed (the
 * CLI's entry, before it loads the program) starts one while the main thread loads the code; the first
 * copy-and-hash job (copy-hash.ts) takes it and sends it its work by message instead of starting a thread.
 * Until taken it waits, touches no file and does not keep the process alive; `close` ends it when nobody took it.
 */
import { Worker } from 'node:worker_threads';
import { copyHashWorker } from './copy-hash-worker';

/** Inputs from this size are hashed on threads by the early work of a signature (sign/prefetch.ts). */
export const EARLY_HASH_MIN_BYTES = 16 * 1024 * 1024;

const WARM_SOURCE = `require('node:worker_threads').parentPort.once('message', (job) => (${copyHashWorker.toString()})(job))`;

/** what copy-hash.ts asks of a warm thread */
export interface ThreadSource {
  /** the waiting thread (now kept alive by its job), once; undefined when already taken or ended */
  take(): Worker | undefined;
}

export class WarmCopyHashThread implements ThreadSource {
  private worker: Worker | undefined;

  constructor() {
    const w = new Worker(WARM_SOURCE, { eval: true });
    w.unref();
    // a thread that failed or ended before its job is never handed out (its exit would not be seen again)
    const gone = () => {
      if (this.worker === w) this.worker = undefined;
    };
    w.on('error', gone);
    w.on('exit', gone);
    this.worker = w;
  }

  take(): Worker | undefined {
    const w = this.worker;
    this.worker = undefined;
    w?.ref();
    return w;
  }

  /** Ends the thread if nobody took it. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
