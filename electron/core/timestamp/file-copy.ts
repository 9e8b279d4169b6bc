/** Copying an input file in chunks; the copy re-hashes to catch a file that changed (hashing: files/hash-file.ts). */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { inputChanged, readInput } from '../files/input-file';

/** Appends bytes at the handle's current position. */
export async function writeAll(out: FileHandle, bytes: Uint8Array): Promise<void> {
  let done = 0;
  while (done < bytes.length) done += (await out.write(bytes, done, bytes.length - done)).bytesWritten;
}

/**
 * Streams `path` through `transform` into `out`; fails with INPUT_CHANGED when the bytes' digest differs from
 * `expected` (the digest the timestamp was requested for) or their length from `length`.
 */
export async function copyChecked(
  path: string,
  out: FileHandle,
  expected: { digest: string; value: Uint8Array; length: number },
  transform: (chunk: Uint8Array) => Uint8Array = (c) => c,
): Promise<void> {
  const h = createHash(expected.digest);
  let length = 0;
  for await (const chunk of readInput(path)) {
    h.update(chunk);
    length += chunk.length;
    if (length > expected.length) throw inputChanged();
    await writeAll(out, transform(chunk));
  }
  if (length !== expected.length || !Buffer.from(h.digest()).equals(Buffer.from(expected.value)))
    throw inputChanged();
}
