/**
 * Atomic output files: written to `.<name>.sigillo-<random>.tmp` in the target folder, fsync'd, then moved into
 * place. Without `overwrite` the move is a hard link (fails when the target exists, so an existing file is
 * never replaced, even in a race) followed by removing the temporary name; with `overwrite` it is a rename.
 * On any error the temporary file is removed: a partial output never appears under the final name. Before
 * the first output in a folder, temporary files left there by a killed run are removed (stale-temp.ts).
 */
import { constants } from 'node:fs';
import { link, lstat, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SigilloError, failure } from '../errors';
import { fileError } from './input-file';
import { cleanStaleTempsOnce, tempNameFor } from './stale-temp';
import { outputIsSymlink } from './file-kind';

export { TEMP_PATTERN } from './stale-temp';

export interface OutputOptions {
  overwrite: boolean;
}

export function outputExists(path: string): SigilloError {
  return failure('OUTPUT_EXISTS', { path });
}

function outputDirMissing(dir: string): SigilloError {
  return failure('OUTPUT_DIR_NOT_FOUND', { dir });
}

/** Fails early with OUTPUT_EXISTS / OUTPUT_DIR_NOT_FOUND / OUTPUT_IS_SYMLINK, before any work is done. */
export async function checkOutput(path: string, opts: OutputOptions): Promise<void> {
  const dir = dirname(path);
  const dirStat = await stat(dir).catch(() => undefined);
  if (!dirStat?.isDirectory()) throw outputDirMissing(dir);
  // an output is never written through a symlink, nor replaces one (it could point outside the chosen folder)
  if ((await lstat(path).catch(() => undefined))?.isSymbolicLink()) throw outputIsSymlink(path);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw failure('OUTPUT_IS_DIRECTORY', { path });
  }
  if (existing && !opts.overwrite) throw outputExists(path);
}

export function tempPathFor(path: string): string {
  return join(dirname(path), tempNameFor(basename(path)));
}

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/**
 * Moves a finished temporary file to `path`: a rename with `overwrite`, else a hard link (fails when `path`
 * exists, even in a race) and removing the temporary name; without hard links a check, then a rename.
 */
export async function moveIntoPlace(temp: string, path: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await rename(temp, path);
    return;
  }
  try {
    await link(temp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw outputExists(path);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw e;
    // filesystems without hard links (FAT, some network shares): check, then rename
    if (await stat(path).catch(() => undefined)) throw outputExists(path);
    await rename(temp, path);
    return;
  }
  await removeQuietly(temp);
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, constants.O_RDONLY).catch(() => undefined);
  if (!fh) return;
  await fh.sync().catch(() => undefined);
  await fh.close();
}

/** A temporary file next to `path`, open for writing, to be moved into place (`commit`) or removed (`discard`). */
export interface AtomicOutput {
  path: string;
  temp: string;
  handle: FileHandle;
  /** fsync, close, move into place (never over an existing file without `overwrite`) */
  commit(): Promise<void>;
  /** closes and removes the temporary file; harmless after commit or a second time */
  discard(): Promise<void>;
}

export async function openAtomicOutput(path: string, opts: OutputOptions): Promise<AtomicOutput> {
  await checkOutput(path, opts);
  await cleanStaleTempsOnce(dirname(path));
  const temp = tempPathFor(path);
  let handle: FileHandle | undefined;
  let committed = false;
  handle = await open(temp, 'wx', 0o644).catch((e: unknown) => {
    throw fileError(e, path);
  });
  const discard = async (): Promise<void> => {
    if (committed) return;
    await handle?.close().catch(() => undefined);
    handle = undefined;
    await removeQuietly(temp);
  };
  return {
    path,
    temp,
    handle,
    async commit() {
      try {
        await handle?.sync();
        await handle?.close();
        handle = undefined;
        await moveIntoPlace(temp, path, opts.overwrite);
        committed = true;
        await syncDir(dirname(path));
      } catch (e) {
        await discard();
        throw fileError(e, path);
      }
    },
    discard,
  };
}

/**
 * Runs `write` with a handle on a fresh temporary file next to `path`, then moves it into place atomically.
 * `write` also gets the temporary file's path (for a kernel copy into it, e.g. fs.copyFile). Returns what
 * `write` returned.
 */
export async function withAtomicOutput<T>(
  path: string,
  opts: OutputOptions,
  write: (handle: FileHandle, tempPath: string) => Promise<T>,
): Promise<T> {
  return writeAtomic(await openAtomicOutput(path, opts), (out) => write(out.handle, out.temp));
}

/** Runs `write` on an open atomic output, then commits it; on any error the temporary file is removed. */
export async function writeAtomic<T>(
  out: AtomicOutput,
  write: (out: AtomicOutput) => Promise<T>,
): Promise<T> {
  try {
    const result = await write(out);
    await out.commit();
    return result;
  } catch (e) {
    await out.discard();
    throw fileError(e, out.path);
  }
}
