/**
 * What kind of thing a path names, checked before it is opened: an input must be a regular file (a FIFO, a
 * socket or a device — or a symlink to one — would block the open or never end), an output must not be a
 * symlink (an output is never written through one), and an output must never be its own input (same real
 * file: a symlinked --out, another path to the same folder, a hard link).
 */
import { statSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { SigilloError, failure } from '../errors';
import { fileError, notRegular } from './input-file';

export { notRegular } from './input-file';

function checkKind(st: Stats, path: string): Stats {
  if (st.isDirectory()) throw fileError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), path);
  if (!st.isFile()) throw notRegular(path);
  return st;
}

/** The stats of a regular input file (symlinks followed); INPUT_NOT_REGULAR / INPUT_IS_DIRECTORY / … otherwise. */
export async function regularInput(path: string): Promise<Stats> {
  const st = await stat(path).catch((e: unknown) => {
    throw fileError(e, path);
  });
  return checkKind(st, path);
}

/** regularInput, synchronous (for the synchronous readers). */
export function regularInputSync(path: string): Stats {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    throw fileError(e, path);
  }
  return checkKind(st, path);
}

export function outputIsSymlink(path: string): SigilloError {
  return failure('OUTPUT_IS_SYMLINK', { path });
}

export function outputIsInput(path: string): SigilloError {
  return failure('OUTPUT_IS_INPUT', { path });
}

/** true when both paths exist and are the same file (same device and inode: symlinks and hard links too). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Throws OUTPUT_IS_INPUT when writing `output` would replace `input`. */
export async function refuseOwnInput(input: string, output: string): Promise<void> {
  if (await sameFile(input, output)) throw outputIsInput(output);
}
