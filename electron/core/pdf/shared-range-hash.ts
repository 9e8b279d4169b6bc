/**
 * One pass over a PDF for the byte ranges of all its signatures (issue 22): the file is read once and every
 * signature's hash states take the bytes of its own ranges, the common prefix of incremental updates hashed
 * once (range-hash-pass.ts). Big files are hashed on a worker thread, so the caller can analyse the revisions
 * meanwhile on its own. Each job gets exactly the digests of its ranges — the same as hashRanges of it alone.
 */
import { closeSync, openSync } from 'node:fs';
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { HashName } from '../cms/algorithm-oids';
import { pdfBroken } from './pdf-errors';
import { rangeHashPass, type PassJob } from './range-hash-pass';
import { bufferShift } from '../files/aligned-buffer';

export interface RangeJob {
  ranges: [number, number][];
  algorithms: HashName[];
}

const CHUNK = 1 << 20;
/** below this many bytes to hash, the pass runs on the calling thread (a thread costs more to start) */
export const THREAD_FROM_BYTES = 8 * 1024 * 1024;

/** ranges the shared pass takes: whole numbers, ascending and not overlapping (others are hashed on their own) */
export function sharedPassFits(ranges: [number, number][]): boolean {
  let at = 0;
  for (const [s, l] of ranges) {
    if (!Number.isSafeInteger(s) || !Number.isSafeInteger(l) || s < at || l < 0) return false;
    at = s + l;
  }
  return Number.isSafeInteger(at);
}

/**
 * A hashing thread started ahead of its jobs (its start-up, ~30–50 ms, then overlaps the reading of the
 * signatures); it takes one set of jobs. Unused, it must be closed.
 */
export interface HashThread {
  run(jobs: PassJob[], path: string): Promise<Record<string, Uint8Array>[]>;
  close(): void;
}

const THREAD_SOURCE =
  `const { parentPort } = require('node:worker_threads');` +
  `parentPort.once('message', (d) => {` +
  ` try { parentPort.postMessage({ digests: (${rangeHashPass.toString()})(d.jobs, d.path, require('node:fs'),` +
  ` require('node:crypto').createHash, d.chunk, ${bufferShift.toString()}) }); }` +
  ` catch (e) { parentPort.postMessage({ error: String(e && e.message), code: e && e.code }); } });`;

export function startHashThread(): HashThread {
  const w = new Worker(THREAD_SOURCE, { eval: true });
  // errors before the jobs are given are the run's (below); none may end the process meanwhile
  const failed = new Promise<never>((_, reject) => {
    w.once('error', reject);
    // a thread that ends without answering (killed, out of memory) must not leave the caller waiting
    w.once('exit', (code) => reject(new Error(`range hashing thread ended (${code})`)));
  });
  failed.catch(() => undefined);
  return {
    run: (jobs, path) => {
      const answer = new Promise<Record<string, Uint8Array>[]>((resolve, reject) => {
        w.once('message', (m: { digests?: Record<string, Uint8Array>[]; error?: string; code?: string }) => {
          void w.terminate();
          if (m.digests) resolve(m.digests);
          else reject(Object.assign(new Error(m.error), { code: m.code }));
        });
      });
      w.postMessage({ jobs, path, chunk: CHUNK });
      return Promise.race([answer, failed]);
    },
    close: () => void w.terminate(),
  };
}

/**
 * The digests of every job whose ranges fit the shared pass (undefined for the others); rejects with
 * PDF_BROKEN when a range goes beyond the end of the file.
 */
export async function hashRangeJobs(
  path: string,
  jobs: RangeJob[],
  /** a thread already started for these jobs (startHashThread); closed when not used */
  thread?: HashThread,
): Promise<(Map<HashName, Buffer> | undefined)[]> {
  const fit = jobs.map((j) => sharedPassFits(j.ranges));
  const taken = jobs.filter((_, i) => fit[i]);
  // the file exists and is readable before a thread is started for it
  closeSync(openSync(path, 'r'));
  const bytes = Math.max(0, ...taken.flatMap((j) => j.ranges.map(([s, l]) => s + l)));
  let digests: Record<string, Uint8Array>[];
  try {
    if (bytes < THREAD_FROM_BYTES) {
      thread?.close();
      digests = rangeHashPass(taken, path, fs, createHash, CHUNK, bufferShift);
    } else digests = await (thread ?? startHashThread()).run(taken, path);
  } catch (e) {
    if ((e as { code?: string }).code === 'RANGE_BEYOND_EOF')
      throw pdfBroken('byte range beyond the end of the file');
    throw e;
  }
  let k = 0;
  return jobs.map((_, i) => {
    if (!fit[i]) return undefined;
    const d = digests[k++]!;
    return new Map(
      Object.entries(d).map(([a, v]) => [a as HashName, Buffer.from(v.buffer, v.byteOffset, v.length)]),
    );
  });
}
