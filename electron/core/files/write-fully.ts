/**
 * FileHandle.write may write fewer bytes than asked (a disk filling up, a signal): this writes all of them,
 * or throws (ENOSPC when the disk takes no more). A short write must never go unnoticed: it would leave a
 * truncated output reported as a success.
 */
import type { FileHandle } from 'node:fs/promises';

/** Writes all of `bytes` at `position` (or at the current file position when null/undefined). */
export async function writeFully(
  out: FileHandle,
  bytes: Uint8Array,
  position?: number | null,
): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const at = position === undefined || position === null ? null : position + done;
    const { bytesWritten } = await out.write(bytes, done, bytes.length - done, at);
    if (bytesWritten <= 0)
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    done += bytesWritten;
  }
}
