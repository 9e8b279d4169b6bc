/**
 * Many files written into one folder all-or-nothing, never through a symlink: every file is first written into a
 * fresh staging folder inside the target (`.extract.sigillo-<tag>.tmp`, swept like the other stale temporaries
 * when a run is killed), then moved into place one by one once all of them are written. Before anything is
 * written every target is checked: no path component may be a symlink (OUTPUT_IS_SYMLINK), no file may exist
 * unless `overwrite` (OUTPUT_EXISTS). If a move still fails (a race), the files already moved are removed again.
 */
import { lstat, mkdir, open, realpath, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { SigilloError, failure } from '../errors';
import { moveIntoPlace, outputExists } from './atomic-output';
import { outputIsSymlink } from './file-kind';
import { fileError } from './input-file';
import { cleanStaleTempsOnce, tempNameFor } from './stale-temp';

export interface StagedFile {
  /** path below the folder, '/'-separated, already checked safe (no '..', no absolute path) */
  name: string;
  bytes: () => Promise<Uint8Array>;
}

function unsafe(name: string): SigilloError {
  return failure('ZIP_UNSAFE_PATH:name', { name });
}

/** `folder/name`, refused when it would leave `folder` */
export function targetIn(folder: string, name: string): string {
  const target = resolve(folder, ...name.split('/'));
  if (!target.startsWith(folder + sep)) throw unsafe(name);
  return target;
}

/** Checks every existing component of `path` below `folder` (folder excluded): none may be a symlink. */
async function checkComponents(folder: string, path: string, overwrite: boolean): Promise<void> {
  const parts = relative(folder, path).split(sep);
  let at = folder;
  for (let i = 0; i < parts.length; i++) {
    at = join(at, parts[i] as string);
    const st = await lstat(at).catch(() => undefined);
    if (!st) return;
    if (st.isSymbolicLink()) throw outputIsSymlink(at);
    const last = i === parts.length - 1;
    if (last && st.isDirectory()) throw fileError(Object.assign(new Error(), { code: 'EISDIR' }), at);
    if (last && !overwrite) throw outputExists(at);
    if (!last && !st.isDirectory()) throw outputExists(at);
  }
}

/** mkdir of each missing component of `dir` below `folder`, refusing symlinks met on the way */
async function makeDirs(folder: string, dir: string): Promise<void> {
  let at = folder;
  for (const part of relative(folder, dir).split(sep).filter(Boolean)) {
    at = join(at, part);
    await mkdir(at).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
    const st = await lstat(at);
    if (st.isSymbolicLink()) throw outputIsSymlink(at);
    if (!st.isDirectory()) throw outputExists(at);
  }
}

async function writeNew(path: string, bytes: Uint8Array): Promise<void> {
  const fh = await open(path, 'wx', 0o644);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function moveInto(from: string, to: string, overwrite: boolean): Promise<void> {
  if ((await lstat(to).catch(() => undefined))?.isSymbolicLink()) throw outputIsSymlink(to);
  await moveIntoPlace(from, to, overwrite);
}

/**
 * Writes `files` below `folder` (created when missing; its parent must exist) all-or-nothing. Returns the real
 * path of the folder.
 */
export async function writeStagedFolder(
  folder: string,
  files: StagedFile[],
  overwrite: boolean,
): Promise<string> {
  const parent = await realpath(dirname(folder)).catch((e: unknown) => {
    throw fileError(e, dirname(folder));
  });
  const root = join(parent, basename(folder));
  const rootSt = await lstat(root).catch(() => undefined);
  if (rootSt?.isSymbolicLink()) throw outputIsSymlink(root);
  if (rootSt && !rootSt.isDirectory()) throw outputExists(root);
  const targets = files.map((f) => ({ file: f, path: targetIn(root, f.name) }));
  for (const x of targets) await checkComponents(root, x.path, overwrite);
  const created = !rootSt;
  if (created) await mkdir(root);
  await cleanStaleTempsOnce(root);
  const stage = join(root, tempNameFor('extract'));
  await mkdir(stage, { mode: 0o700 });
  const moved: string[] = [];
  try {
    for (const x of targets) {
      const staged = join(stage, relative(root, x.path));
      await mkdir(dirname(staged), { recursive: true });
      await writeNew(staged, await x.file.bytes());
    }
    for (const x of targets) {
      await makeDirs(root, dirname(x.path));
      await moveInto(join(stage, relative(root, x.path)), x.path, overwrite);
      moved.push(x.path);
    }
    return root;
  } catch (e) {
    // a file moved with overwrite replaced an older one that is gone anyway; a new one is taken back
    if (!overwrite) for (const p of moved) await unlink(p).catch(() => undefined);
    throw fileError(e, root);
  } finally {
    await rm(stage, { recursive: true, force: true });
    if (created) await rmdir(root).catch(() => undefined); // only when it stayed empty
  }
}
