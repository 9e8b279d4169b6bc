/**
 * A file's identity on disk at verification time (size, modification and change times, inode): "open the signed
 * document" refuses when the file no longer matches, so the user never sees bytes other than those verified.
 * The change time cannot be set back by tools that restore the modification time.
 */
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { failure } from '../errors';

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

function stampOf(st: Stats): FileStamp {
  return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
}

/** the stamp of a regular file; null when it cannot be read or is not a regular file */
export async function fileStamp(path: string): Promise<FileStamp | null> {
  const st = await stat(path).catch(() => undefined);
  return st?.isFile() ? stampOf(st) : null;
}

/** OPEN_FILE_CHANGED unless `path` still has stamp `was` */
export async function assertUnchanged(path: string, was: FileStamp | null | undefined): Promise<void> {
  const now = await fileStamp(path);
  const same =
    !!now &&
    !!was &&
    now.size === was.size &&
    now.mtimeMs === was.mtimeMs &&
    now.ctimeMs === was.ctimeMs &&
    now.ino === was.ino;
  if (!same) throw failure('OPEN_FILE_CHANGED', { path });
}
