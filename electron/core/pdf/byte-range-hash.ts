/**
 * Writes the signed PDF's first part: the original bytes are copied into the temporary output by the kernel
 * (files/kernel-copy.ts: copy_file_range/sendfile in the thread pool, then flushed in the background) while the
 * same bytes are read from the input and hashed in parallel on worker threads (copy-hash.ts). The caller then
 * hashes the increment's bytes around /Contents, puts the signature into the gap and writes the increment last.
 * No full-file buffer.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { stat, type FileHandle } from 'node:fs/promises';
import { newHash, type HashName } from '../cms/algorithm-oids';
import { startCopyHash, type CopyHashJob, type PrefetchedWork } from '../files/copy-hash';
import { copyIntoTemp } from '../files/kernel-copy';
import { PlacedReads } from '../files/aligned-buffer';
import { pdfBroken } from './pdf-errors';

/** 8 MiB reads for verification's byte-range hashing */
const CHUNK = 8 << 20;

/**
 * Copies `inputPath` over the (empty) temporary file `tempPath`, open as `out`, while hashing it on worker
 * threads (or taking over the hashing `early` started before the token was opened); returns the byte count and
 * the hash job, which still takes the increment's bytes before its digest. `out` keeps its own mode (copyFile
 * would give it the input's).
 */
export async function copyAndHash(
  inputPath: string,
  tempPath: string,
  out: FileHandle,
  digest: string,
  onProgress?: (done: number, total: number) => void,
  early?: PrefetchedWork,
  signal?: AbortSignal,
): Promise<{ length: number; job: CopyHashJob }> {
  const total = (await stat(inputPath)).size;
  const progress = (done: number) => onProgress?.(done, Math.max(done, total));
  early?.onProgress(progress);
  const job =
    early?.job ??
    startCopyHash({ input: inputPath, algorithms: [digest], onProgress: progress, size: total, signal });
  const copying = early?.copied ?? copyIntoTemp(inputPath, tempPath, out);
  try {
    const [, hashed] = await Promise.all([copying, job.done]);
    const copied = (await out.stat()).size;
    await out.chmod(0o644);
    if (copied !== hashed || hashed !== total) throw pdfBroken('the file changed while it was being read');
    return { length: hashed, job };
  } catch (e) {
    await job.cancel();
    await copying.catch(() => undefined); // the kernel copy ends before the temporary file is removed
    throw e;
  }
}

/** Hashes the byte ranges of a file streaming, with several algorithms in one pass (verification). */
export function hashRanges(
  path: string,
  ranges: [number, number][],
  algorithms: string[],
): Map<string, Buffer> {
  const hashes = new Map(algorithms.map((a) => [a, newHash(a as HashName)] as const));
  // a hostile /ByteRange (negative, fractional, huge): refused before any read (a negative position would
  // make readSync read from the current position instead)
  if (!ranges.every(([s, l]) => Number.isSafeInteger(s) && Number.isSafeInteger(l) && s >= 0 && l >= 0)) {
    throw pdfBroken('invalid byte range');
  }
  const fd = openSync(path, 'r');
  try {
    const reads = new PlacedReads(CHUNK);
    for (const [start, len] of ranges) {
      const buf = reads.at(start);
      let done = 0;
      while (done < len) {
        const n = readSync(fd, buf, 0, Math.min(CHUNK, len - done), start + done);
        if (n === 0) throw pdfBroken('byte range beyond the end of the file');
        for (const h of hashes.values()) h.update(buf.subarray(0, n));
        done += n;
      }
    }
    return new Map([...hashes].map(([a, h]) => [a, h.digest()] as const));
  } finally {
    closeSync(fd);
  }
}
