/** A whole input file fed to a hash, read in chunks (readInput), with progress; its digest. */
import type { Hash } from 'node:crypto';
import { readInput } from './input-file';

export type Progress = (done: number, total: number) => void;

/** `hash`: made by the caller (cms/algorithm-oids newHash for SHAKE256's length) */
export async function hashFile(
  path: string,
  hash: Hash,
  total: number,
  onProgress?: Progress,
): Promise<Uint8Array> {
  let done = 0;
  for await (const chunk of readInput(path)) {
    hash.update(chunk);
    done += chunk.length;
    onProgress?.(Math.min(done, total), total);
  }
  return new Uint8Array(hash.digest());
}
