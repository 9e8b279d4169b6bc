/**
 * The app's private folder for documents opened with the system viewer: `<user data>/opened/<session>/<slot>/NAME`.
 * Folders are 0700 (files 0600, never executable); each open gets a fresh slot, so a name never meets an existing
 * file. The session folder is named like our temporary files (`.session.sigillo-<tag>.tmp`, the tag holds the
 * app's PID): the app removes its own at quit, and the next start removes any whose app is no longer running.
 */
import { lstatSync, rmSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { failure } from '../errors';
import { cleanStaleTemps, tempNameFor, tempTag } from '../files/stale-temp';

export const OPEN_LIMITS = {
  /** one opened document */
  documentBytes: 1024 * 1024 * 1024,
  /** everything opened during one run of the app */
  folderBytes: 2 * 1024 * 1024 * 1024,
};
export type OpenLimits = typeof OPEN_LIMITS;

const SESSION_TAG = tempTag();

/** `<user data>/opened`: where the sessions live */
export function openRoot(userDataDir: string): string {
  return join(userDataDir, 'opened');
}

/** this run's session folder (created on first use, by the worker) */
export function openSessionDir(userDataDir: string): string {
  return join(openRoot(userDataDir), tempNameFor('session', SESSION_TAG));
}

/** a folder of ours, mode 0700, not a symlink (created when missing); OPEN_TEMP_UNSAFE otherwise */
async function privateDir(path: string): Promise<void> {
  await mkdir(path, { mode: 0o700 }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  const st = await lstat(path);
  const ours = typeof process.getuid !== 'function' || st.uid === process.getuid();
  if (!st.isDirectory() || st.isSymbolicLink() || !ours) throw failure('OPEN_TEMP_UNSAFE', { path });
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) await chmod(path, 0o700);
}

/** a fresh, empty, private slot in the session folder (root and session made private first) */
export async function newSlot(sessionDir: string): Promise<string> {
  await privateDir(join(sessionDir, '..'));
  await privateDir(sessionDir);
  return mkdtemp(join(sessionDir, 'd')); // mkdtemp makes it 0700
}

/** bytes held by the session's slots (what its limit counts) */
export async function sessionBytes(sessionDir: string): Promise<number> {
  let total = 0;
  for (const slot of await readdir(sessionDir).catch(() => [] as string[])) {
    const dir = join(sessionDir, slot);
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const st = await lstat(join(dir, name)).catch(() => undefined);
      if (st?.isFile()) total += st.size;
    }
  }
  return total;
}

/** at start: removes the sessions of runs that are no longer running (a crash or a kill left them) */
export async function sweepOpenFolders(userDataDir: string): Promise<string[]> {
  return cleanStaleTemps(openRoot(userDataDir), Number.POSITIVE_INFINITY);
}

/** at quit: removes this run's session (synchronous: the process is ending); never throws */
export function removeOpenSession(userDataDir: string): void {
  const dir = openSessionDir(userDataDir);
  try {
    if (lstatSync(dir, { throwIfNoEntry: false })?.isDirectory())
      rmSync(dir, { recursive: true, force: true });
  } catch {
    // a viewer may still hold a file (Windows): the next start removes it
  }
}
