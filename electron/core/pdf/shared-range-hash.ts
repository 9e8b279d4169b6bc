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

export interface RangeJob {
  ranges: [number, number][];
  algorithms: HashName[];
}

const CHUNK = 1 << 20;
/** below this many bytes to hash, the pass runs on the calling thread (a thread costs more to start) */
const THREAD_FROM_BYTES = 8 * 1024 * 1024;

/** ranges the shared pass takes: whole numbers, ascending and not overlapping (others are hashed on their own) */
export function sharedPassFits(ranges: [number, number][]): boolean {
  let at = 0;
  for (const [s, l] of ranges) {
    if (!Number.isSafeInteger(s) || !Number.isSafeInteger(l) || s < at || l < 0) return false;
    at = s + l;
  }
  return Number.isSafeInteger(at);
}

function onThread(jobs: PassJob[], path: string): Promise<Record<string, Uint8Array>[]> {
  const source =
    `const { parentPort, workerData: d } = require('node:worker_threads');` +
    `try { parentPort.postMessage({ digests: (${rangeHashPass.toString()})(d.jobs, d.path, require('node:fs'),` +
    ` require('node:crypto').createHash, d.chunk) }); }` +
    ` catch (e) { parentPort.postMessage({ error: String(e && e.message), code: e && e.code }); }`;
  return new Promise((resolve, reject) => {
    const w = new Worker(source, { eval: true, workerData: { jobs, path, chunk: CHUNK } });
    w.once('message', (m: { digests?: Record<string, Uint8Array>[]; error?: string; code?: string }) => {
      void w.terminate();
      if (m.digests) resolve(m.digests);
      else reject(Object.assign(new Error(m.error), { code: m.code }));
    });
    w.once('error', reject);
    // a thread that ends without answering (killed, out of memory) must not leave the caller waiting
    w.once('exit', (code) => reject(new Error(`range hashing thread ended (${code})`)));
  });
}

/**
 * The digests of every job whose ranges fit the shared pass (undefined for the others); rejects with
 * PDF_BROKEN when a range goes beyond the end of the file.
 */
export async function hashRangeJobs(
  path: string,
  jobs: RangeJob[],
): Promise<(Map<HashName, Buffer> | undefined)[]> {
  const fit = jobs.map((j) => sharedPassFits(j.ranges));
  const taken = jobs.filter((_, i) => fit[i]);
  // the file exists and is readable before a thread is started for it
  closeSync(openSync(path, 'r'));
  const bytes = Math.max(0, ...taken.flatMap((j) => j.ranges.map(([s, l]) => s + l)));
  let digests: Record<string, Uint8Array>[];
  try {
    digests =
      bytes < THREAD_FROM_BYTES
        ? rangeHashPass(taken, path, fs, createHash, CHUNK)
        : await onThread(taken, path);
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
