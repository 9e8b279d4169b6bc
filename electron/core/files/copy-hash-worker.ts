/**
 * The two threads of a copy-and-hash job (copy-hash.ts), as one self-contained function: it runs as an eval'd
 * worker (`(${copyHashWorker})()`), so it works the same from compiled JS, from the TypeScript test runner and
 * from inside an asar archive, and must not use anything from outside its own body. Its job is its `workerData`,
 * or `job` when given: a thread started before its job was known (warm-thread.ts) gets it by message.
 *
 * Shared memory: `slots` holds SLOTS buffers of SLOT_BYTES from `slotShift` (files/aligned-buffer.ts);
 * `ctl` (Int32Array) holds [produced, consumed, state, len_0 … len_{SLOTS-1}]. The reader reads the input into slot k % SLOTS (waiting until the hasher has consumed
 * slot k − SLOTS), writes it to the output when there is one, publishes its length and bumps `produced`; the
 * hasher hashes published slots in order and bumps `consumed`. Small slots keep the bytes in the CPU cache
 * between the read and the write, which makes the copy several times faster than 4 MiB chunks.
 */
export function copyHashWorker(job?: unknown): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const fs = require('node:fs') as typeof import('node:fs');
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const port = parentPort as import('node:worker_threads').MessagePort;
  const d = (job ?? workerData) as {
    /** reader: reads (and writes); hasher: hashes what the reader published; both: reads and hashes (no output) */
    role: 'reader' | 'hasher' | 'both';
    input: string;
    outFd: number | null;
    offset: number;
    /** read only `length` bytes of the input from `from` (default: all of it from 0) */
    from?: number;
    length?: number;
    algorithms: string[];
    slots: SharedArrayBuffer;
    slotShift: number;
    ctl: SharedArrayBuffer;
    slotBytes: number;
    slotCount: number;
    progressEvery: number;
    /**
     * both: [fd, stop] of an output the kernel copies this input into (kernel-copy.ts), fd −1 until the caller
     * has it: every `flushEvery` bytes hashed, while stop is 0 and at most `flushTimes` times, its writeback is
     * started (an fdatasync queued in the thread pool, not waited for), so the disk works during the copy
     */
    flush?: SharedArrayBuffer;
    flushEvery?: number;
    flushTimes?: number;
  };
  const ctl = new Int32Array(d.ctl);
  const PRODUCED = 0;
  const CONSUMED = 1;
  const STATE = 2; // 0 running, 1 end of input, 2 stopped (error or cancel)
  const LEN = 3;
  const buf = Buffer.from(d.slots, d.slotShift);
  const from = d.from ?? 0;
  const end = d.length ?? Infinity;
  /** bytes to ask for at `pos` (relative to `from`): a slot, or what is left of the range */
  const want = (pos: number) => Math.min(d.slotBytes, end - pos);
  /** where to read them: the range's place in the file, else on from the file position as before */
  const where = (pos: number) => (d.from === undefined ? null : from + pos);
  const errorInfo = (e: unknown) => {
    const x = e as NodeJS.ErrnoException;
    return { message: String(x?.message ?? e), code: x?.code, syscall: x?.syscall, errno: x?.errno };
  };

  const hashes = d.algorithms.map((a) => createHash(a));
  /** after the input: more bytes to hash on request, then the digests */
  const serveDigests = () =>
    port.on('message', (m: { type: 'update'; bytes: Uint8Array } | { type: 'digest' }) => {
      if (m.type === 'update') for (const h of hashes) h.update(m.bytes);
      else {
        port.postMessage({ type: 'digests', digests: hashes.map((h) => h.digest()) });
        port.close();
      }
    });

  if (d.role === 'both') {
    let fd = -1;
    const flush = d.flush ? new Int32Array(d.flush) : undefined;
    const flushEvery = d.flushEvery ?? Infinity;
    let flushes = 0;
    const ignore = () => undefined;
    try {
      fd = fs.openSync(d.input, 'r');
      let pos = 0;
      for (;;) {
        if (Atomics.load(ctl, STATE) === 2) return;
        const n = pos < end ? fs.readSync(fd, buf, 0, want(pos), where(pos)) : 0;
        if (n === 0) break;
        const chunk = buf.subarray(0, n);
        for (const h of hashes) h.update(chunk);
        pos += n;
        if (pos % d.progressEvery < n) port.postMessage({ type: 'progress', done: pos });
        if (flush && pos % flushEvery < n && flushes < (d.flushTimes ?? 0)) {
          const out = Atomics.load(flush, 0);
          if (out >= 0 && Atomics.load(flush, 1) === 0) {
            fs.fdatasync(out, ignore);
            flushes++;
          }
        }
      }
      port.postMessage({ type: 'read', length: pos });
      port.postMessage({ type: 'hashed', length: pos });
    } catch (e) {
      port.postMessage({ type: 'error', error: errorInfo(e) });
      return;
    } finally {
      if (fd >= 0) fs.closeSync(fd);
    }
    serveDigests();
    return;
  }

  if (d.role === 'reader') {
    let fd = -1;
    try {
      fd = fs.openSync(d.input, 'r');
      const hashing = d.algorithms.length > 0;
      let pos = 0;
      for (let k = 0; ; k++) {
        for (;;) {
          const consumed = Atomics.load(ctl, CONSUMED);
          if (Atomics.load(ctl, STATE) === 2) return;
          if (k - consumed < d.slotCount) break;
          Atomics.wait(ctl, CONSUMED, consumed, 1000);
        }
        const i = k % d.slotCount;
        const at = i * d.slotBytes;
        const n = pos < end ? fs.readSync(fd, buf, at, want(pos), where(pos)) : 0;
        if (n === 0) break;
        if (d.outFd !== null) {
          for (let w = 0; w < n;) {
            const wrote = fs.writeSync(d.outFd, buf, at + w, n - w, d.offset + pos + w);
            if (wrote <= 0)
              throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
            w += wrote;
          }
        }
        pos += n;
        Atomics.store(ctl, LEN + i, n);
        Atomics.store(ctl, PRODUCED, k + 1);
        if (!hashing) Atomics.store(ctl, CONSUMED, k + 1);
        Atomics.notify(ctl, PRODUCED);
        if (!hashing && pos % d.progressEvery < n) port.postMessage({ type: 'progress', done: pos });
      }
      Atomics.store(ctl, STATE, 1);
      Atomics.notify(ctl, PRODUCED);
      port.postMessage({ type: 'read', length: pos });
    } catch (e) {
      Atomics.store(ctl, STATE, 2);
      Atomics.notify(ctl, PRODUCED);
      port.postMessage({ type: 'error', error: errorInfo(e) });
    } finally {
      if (fd >= 0) fs.closeSync(fd);
    }
    return;
  }

  let done = 0;
  for (let k = 0; ;) {
    const produced = Atomics.load(ctl, PRODUCED);
    if (k < produced) {
      const i = k % d.slotCount;
      const n = Atomics.load(ctl, LEN + i);
      const chunk = buf.subarray(i * d.slotBytes, i * d.slotBytes + n);
      for (const h of hashes) h.update(chunk);
      done += n;
      k++;
      Atomics.store(ctl, CONSUMED, k);
      Atomics.notify(ctl, CONSUMED);
      if (done % d.progressEvery < n) port.postMessage({ type: 'progress', done });
      continue;
    }
    const state = Atomics.load(ctl, STATE);
    if (state === 2) return;
    if (state === 1 && k === Atomics.load(ctl, PRODUCED)) break;
    Atomics.wait(ctl, PRODUCED, produced, 1000);
  }
  port.postMessage({ type: 'hashed', length: done });
  serveDigests();
}
