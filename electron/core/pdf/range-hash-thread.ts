/**
 * The worker thread of the shared range hashing (shared-range-hash.ts), started for a file before its ranges are
 * known (issue 22): a thread costs ~30 ms of start-up before it reads a byte, and the ranges are known only once
 * the PDF is parsed, so the thread starts first and meanwhile hashes the file with SHA-256 from byte 0 — the
 * first range of every signature starts there, and the first signature's ends at its /Contents gap, usually far
 * into a big file. It keeps the state at each read's end (`hash.copy()`), so when the ranges come it can give
 * the pass a state over the file's bytes [0, x) for any x it has passed (the last kept state before x, and the
 * bytes up to x read again: less than one read). The pass (range-hash-pass.ts) takes that head start only where
 * it is exact (the first segment starts at 0 and only SHA-256 takes it); otherwise, and when the file it read
 * is not the one the caller parsed (another device, inode, size, modification or change time — stamps compared
 * in the thread), it hashes as if nothing had been read ahead. The digests are the same either way.
 *
 * Light on purpose (node:worker_threads and two self-contained functions): for `sigillo verify BIG.pdf` the CLI's
 * bin runs the same hashing ahead (hashAhead) on the process's main thread, from its start, while the program
 * runs on a worker thread (cli/program-thread-host.ts) and reaches it through hashThreadOverPort, handed over
 * like a thread (offerHashThread); the PDF verifier takes it for that path (takeHashThread) or starts its own.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { rangeHashPass, type PassJob } from './range-hash-pass';
import { bufferShift } from '../files/aligned-buffer';
import type { FileStamp } from '../files/file-stamp';

/** the read size of the thread (a multiple of 4 KiB: the reads keep the buffer's placement) */
export const CHUNK = 1 << 20;

/**
 * A hashing thread started ahead of its jobs; it takes one set of jobs (for the file it was started on, or
 * another one: then without a head start). Unused, it must be closed; it never keeps the process alive.
 */
export interface HashThread {
  /** the path it was started on (resolved by the caller) */
  readonly path: string;
  /** once run: the head start it took (the state's end, how far it had read by then), if any */
  readonly headStart?: { at: number; passed: number };
  /** `stamp`: the file the caller parsed (fstat after its open); the head start serves only that one */
  run(jobs: PassJob[], path: string, stamp?: FileStamp): Promise<Record<string, Uint8Array>[]>;
  close(): void;
}

/** what the thread answers: digests, or an error (with the code of rangeHashPass's errors) */
interface Answer {
  digests?: Record<string, Uint8Array>[];
  error?: string;
  code?: string;
  /** the head start taken: the state's end, and how far the thread had read by then (for the tests) */
  head?: { at: number; passed: number };
}

/** the runs that took a head start, and the last one's (tests) */
export const headStartsTaken: { count: number; last?: { at: number; passed: number } } = { count: 0 };

/**
 * The hashing ahead and the answer to the jobs: self-contained, so that a thread can run it eval'd (the pass
 * and the buffer placement embedded) and a program's main thread can run it too (program-thread-host.ts). The jobs
 * come on `port` (a thread's parent port, or a channel's end); `{ close: true }` instead of jobs, or `stop[0]`
 * set by the other side, ends the reading ahead without an answer.
 */
export function hashAhead(
  pass: typeof rangeHashPass,
  shift: typeof bufferShift,
  chunk: number,
  specPath: string | undefined,
  given?: import('node:worker_threads').MessagePort,
  stop?: Int32Array,
): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const wt = require('node:worker_threads') as typeof import('node:worker_threads');
  const fs = require('node:fs') as typeof import('node:fs');
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const port = given ?? wt.parentPort!;
  type Stamp = [number, number, number, number, number];
  const stampOf = (st: import('node:fs').Stats): Stamp => [st.dev, st.ino, st.size, st.mtimeMs, st.ctimeMs];
  const same = (a: Stamp | undefined, b: Stamp | undefined) => !!a && !!b && a.every((v, i) => v === b[i]);
  interface Spec {
    fd: number;
    stamp: Stamp;
    hash: import('node:crypto').Hash;
    at: number;
    /** states at the end of each read, ascending */
    marks: { at: number; hash: import('node:crypto').Hash }[];
  }
  let spec: Spec | undefined;
  /** the reads' allocation, the pass's too */
  const space = Buffer.allocUnsafeSlow(chunk + 4096);
  let job: { jobs: PassJob[]; path: string; stamp?: Stamp; close?: true } | undefined;

  const answer = (): void => {
    const j = job!;
    if (j.close) {
      if (spec) fs.closeSync(spec.fd);
      return;
    }
    const useSpec = spec !== undefined && same(spec.stamp, j.stamp);
    let tookHead: { at: number; passed: number } | undefined;
    try {
      const s = spec;
      const head =
        useSpec && s
          ? {
              algorithm: 'sha256',
              take(upTo: number) {
                const x = Math.min(upTo, s.at);
                tookHead = { at: x, passed: s.at };
                if (x === s.at) return { hash: s.hash, at: x };
                let m = { at: 0, hash: createHash('sha256') };
                for (const k of s.marks) if (k.at <= x) m = k;
                // the bytes from the kept state to x, read again (less than one read)
                const buf = space.subarray(shift(m.at), shift(m.at) + x - m.at);
                let got = 0;
                while (got < buf.length) {
                  const n = fs.readSync(s.fd, buf, got, buf.length - got, m.at + got);
                  if (n === 0) break;
                  got += n;
                }
                tookHead.at = m.at + got;
                return { hash: m.hash.update(buf.subarray(0, got)), at: m.at + got };
              },
            }
          : undefined;
      const file = useSpec && s ? s.fd : j.path;
      const digests = pass(j.jobs, file, fs, createHash, chunk, shift, head, space);
      // the bytes hashed are those of the file the caller parsed only while it keeps its stamp
      if (useSpec && s && !same(s.stamp, stampOf(fs.fstatSync(s.fd))))
        port.postMessage({ error: 'the file changed while it was being read', code: 'INPUT_CHANGED' });
      else port.postMessage({ digests, head: tookHead });
    } catch (e) {
      const err = e as { message?: string; code?: string };
      port.postMessage({ error: String(err?.message), code: err?.code });
    } finally {
      if (spec) fs.closeSync(spec.fd);
    }
  };

  if (specPath !== undefined) {
    try {
      const fd = fs.openSync(specPath, 'r');
      const st = fs.fstatSync(fd);
      spec = { fd, stamp: stampOf(st), hash: createHash('sha256'), at: 0, marks: [] };
      const buf = space.subarray(shift(0), shift(0) + chunk);
      // until the jobs come, or the end of the file as it was when opened
      while (spec.at < st.size) {
        if (stop && Atomics.load(stop, 0) !== 0) {
          job = { jobs: [], path: specPath, close: true };
          break;
        }
        const m = wt.receiveMessageOnPort(port);
        if (m) {
          job = m.message as typeof job;
          break;
        }
        const n = fs.readSync(fd, buf, 0, Math.min(chunk, st.size - spec.at), spec.at);
        if (n === 0) break;
        spec.hash.update(buf.subarray(0, n));
        spec.at += n;
        spec.marks.push({ at: spec.at, hash: spec.hash.copy() });
      }
    } catch {
      spec = undefined; // unreadable: the jobs are hashed from the path, which reports why
    }
  }
  if (job) answer();
  else
    port.once('message', (m: typeof job) => {
      job = m;
      answer();
    });
}

/** Starts a hashing thread; with `path`, it hashes that file from byte 0 until its jobs come. */
export function startHashThread(path?: string): HashThread {
  const source =
    `(${hashAhead.toString()})((${rangeHashPass.toString()}), (${bufferShift.toString()}), ` +
    `${CHUNK}, ${JSON.stringify(path)});`;
  const w = new Worker(source, { eval: true });
  w.unref();
  // errors before the jobs are given are the run's (below); none may end the process meanwhile
  const failed = new Promise<never>((_, reject) => {
    w.once('error', reject);
    // a thread that ends without answering (killed, out of memory) must not leave the caller waiting
    w.once('exit', (code) => reject(new Error(`range hashing thread ended (${code})`)));
  });
  failed.catch(() => undefined);
  const thread: HashThread & { headStart?: { at: number; passed: number } } = {
    path: path ?? '',
    run: (jobs, p, stamp) => {
      const answer = new Promise<Record<string, Uint8Array>[]>((resolve, reject) => {
        w.once('message', (m: Answer) => {
          void w.terminate();
          settle(m, thread, resolve, reject);
        });
      });
      w.ref(); // awaited now: the process waits for the answer
      w.postMessage(jobMessage(jobs, p, stamp));
      return Promise.race([answer, failed]);
    },
    close: () => void w.terminate(),
  };
  return thread;
}

function jobMessage(jobs: PassJob[], path: string, stamp: FileStamp | undefined) {
  const s = stamp && [stamp.dev, stamp.ino, stamp.size, stamp.mtimeMs, stamp.ctimeMs];
  return { jobs, path, stamp: s };
}

/** the digests of an answer (the head start noted), or its error */
function settle(
  m: Answer,
  thread: { headStart?: { at: number; passed: number } },
  resolve: (d: Record<string, Uint8Array>[]) => void,
  reject: (e: Error) => void,
): void {
  if (m.digests) {
    if (m.head) {
      headStartsTaken.count++;
      headStartsTaken.last = m.head;
      thread.headStart = m.head;
    }
    resolve(m.digests);
  } else reject(Object.assign(new Error(m.error), { code: m.code }));
}

/**
 * The hashing thread of a program that runs on a worker thread while the process's main thread hashes the file
 * ahead with hashAhead (cli/program-thread.ts): the jobs go to it over `port`; `stop` (shared) and a close
 * message end its reading ahead when the jobs never come. Same contract as startHashThread's thread.
 */
export function hashThreadOverPort(port: MessagePort, path: string, stop: Int32Array): HashThread {
  let asked = false;
  const thread: HashThread & { headStart?: { at: number; passed: number } } = {
    path,
    run: (jobs, p, stamp) => {
      if (asked) return Promise.reject(new Error('range hashing already asked'));
      asked = true;
      const answer = new Promise<Record<string, Uint8Array>[]>((resolve, reject) => {
        port.once('message', (m: Answer) => {
          port.close();
          settle(m, thread, resolve, reject);
        });
      });
      port.postMessage(jobMessage(jobs, p, stamp));
      return answer;
    },
    close: () => {
      if (asked) return; // answered or being answered: the port closes with the answer
      asked = true;
      Atomics.store(stop, 0, 1);
      port.postMessage({ close: true });
      port.close();
    },
  };
  return thread;
}

/** the thread the CLI started for one file, until the verifier of that file takes it */
let offered: HashThread | undefined;

/** Hands a thread started early (cli/early-pdf-hash.ts) to the verifier of its file; closes one offered before. */
export function offerHashThread(thread: HashThread | undefined): void {
  offered?.close();
  offered = thread;
}

/** The thread offered for `path` (resolved), once; undefined for another file. */
export function takeHashThread(path: string): HashThread | undefined {
  const t = offered;
  if (!t || t.path !== path) return undefined;
  offered = undefined;
  return t;
}

/** Closes the offered thread nobody took (the command ended, or verified another file); true when there was one. */
export function closeOfferedHashThread(): boolean {
  const t = offered;
  offered = undefined;
  t?.close();
  return t !== undefined;
}
