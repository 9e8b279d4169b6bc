/**
 * A whole input copied by the kernel into an open temporary output (fs.copyFile: copy_file_range or sendfile,
 * in the thread pool, no bytes through JavaScript), then the copy's writeback started at once in the background
 * (fdatasync): the bytes go to the disk while the signature is made, so the fsync before the rename
 * (atomic-output.ts) finds little left to write. Resolves when the bytes are copied (rejects with the copy's
 * error); the background flush never rejects — a write error shows again at that fsync. The temporary file keeps
 * its own mode (copyFile gives it the input's: the caller sets it back).
 */
import { copyFile, type FileHandle } from 'node:fs/promises';

export function copyIntoTemp(input: string, temp: string, handle: FileHandle): Promise<void> {
  const copied = copyFile(input, temp);
  copied.then(
    () => handle.datasync().catch(() => undefined),
    () => undefined,
  );
  return copied;
}
