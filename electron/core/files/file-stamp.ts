/**
 * A file's identity on disk (device, inode, size, modification and change times): work started on a file — an
 * early hashing, a verification the user may later open — is used only while the file still has the same stamp.
 * The change time cannot be set back by tools that restore the modification time.
 */
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';

export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export function stampOf(st: Stats): FileStamp {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
}

/** the stamp of a regular file; null when it cannot be read or is not a regular file */
export async function fileStamp(path: string): Promise<FileStamp | null> {
  const st = await stat(path).catch(() => undefined);
  return st?.isFile() ? stampOf(st) : null;
}

export function sameStamp(a: FileStamp | null | undefined, b: FileStamp | null | undefined): boolean {
  return (
    !!a &&
    !!b &&
    a.dev === b.dev &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs
  );
}
