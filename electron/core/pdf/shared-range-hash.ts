/**
 * One pass over a PDF for the byte ranges of all its signatures (issue 22): the file is read once and every
 * signature's hash states take the bytes of its own ranges, the common prefix of incremental updates hashed
 * once (range-hash-pass.ts). Big files are hashed on a worker thread, so the caller can analyse the revisions
 * meanwhile on its own. Each job gets exactly the digests of its ranges — the same as hashRanges of it alone.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { HashName } from '../cms/algorithm-oids';
import { pdfBroken } from './pdf-errors';
import { rangeHashPass } from './range-hash-pass';
import { bufferShift } from '../files/aligned-buffer';
import { inputChanged } from '../files/input-file';
import { stampOf } from '../files/file-stamp';
import { CHUNK, startHashThread, type HashThread } from './range-hash-thread';

export type { HashThread } from './range-hash-thread';
export { startHashThread } from './range-hash-thread';

export interface RangeJob {
  ranges: [number, number][];
  algorithms: HashName[];
}

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
  // the file exists and is readable before a thread is started for it; its stamp (taken after the caller
  // opened it to parse it) tells a thread that read ahead whether it read the same file
  const fd = openSync(path, 'r');
  let stamp;
  try {
    stamp = stampOf(fstatSync(fd));
  } finally {
    closeSync(fd);
  }
  const bytes = Math.max(0, ...taken.flatMap((j) => j.ranges.map(([s, l]) => s + l)));
  let digests: Record<string, Uint8Array>[];
  try {
    if (bytes < THREAD_FROM_BYTES) {
      thread?.close();
      digests = rangeHashPass(taken, path, fs, createHash, CHUNK, bufferShift);
    } else digests = await (thread ?? startHashThread()).run(taken, path, stamp);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'RANGE_BEYOND_EOF') throw pdfBroken('byte range beyond the end of the file');
    if (code === 'INPUT_CHANGED') throw inputChanged();
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
